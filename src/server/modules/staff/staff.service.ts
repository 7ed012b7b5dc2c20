import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { isRole, ROLES, type Role } from '../auth/permissions.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { findStaffUserByUsername, insertStaffUser } from './staff.queries.ts';

export type NewStaffUser = {
  username: string;
  role: string;
  password: string;
  /** YYYY-MM-DD: the date on the signed paper commitment. */
  commitmentSignedOn?: string | undefined;
};

const USERNAME = /^[a-z][a-z0-9._-]{1,62}$/;

/** Checks a new account's fields without the database; throws a validation error naming each. */
export function checkNewStaffUser(input: NewStaffUser): NewStaffUser & { role: Role } {
  const errors: { field: string; message: string }[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    errors.push({
      field: 'username',
      message:
        'A username is 2–63 characters: lower-case letters, digits, dot, hyphen or underscore, starting with a letter',
    });
  }
  if (!isRole(input.role)) {
    errors.push({ field: 'role', message: `The role must be one of ${ROLES.join(', ')}` });
  }
  const problem = passwordProblem(input.password, username);
  if (problem) errors.push({ field: 'password', message: problem });
  if (input.commitmentSignedOn !== undefined && !isIsoDate(input.commitmentSignedOn)) {
    errors.push({
      field: 'commitmentSignedOn',
      message: 'The date must be a real date YYYY-MM-DD',
    });
  }
  if (errors.length > 0) throw new AppError('validation', 'The account is not valid', { errors });
  return { ...input, username, role: input.role as Role };
}

export async function createStaffUser(
  db: Db,
  newUser: NewStaffUser,
): Promise<{ id: string; username: string; role: Role }> {
  const input = checkNewStaffUser(newUser);
  const username = input.username;
  if (await findStaffUserByUsername(db, username)) {
    throw new AppError('conflict', `An account named "${username}" already exists`);
  }
  const row = await insertStaffUser(db, {
    username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    commitmentSignedOn: input.commitmentSignedOn ?? null,
  });
  return { id: row.id, username: row.username, role: row.role as Role };
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
