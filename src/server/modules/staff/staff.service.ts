import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Keys } from '../../lib/crypto.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { normaliseText, textProblem } from '../../../contract/text.ts';
import { isRole, PARTNER_ROLES, ROLES, type Role } from '../../../contract/auth/permissions.ts';
import { hashPassword, passwordProblemOf } from '../auth/passwords.ts';
import { totpContext } from '../auth/auth.service.ts';
import {
  currentCommitmentVersion,
  findStaffUserByUsername,
  insertCommitmentSignature,
  insertStaffUser,
  partnerExists,
} from './staff.queries.ts';

export type NewStaffUser = {
  username: string;
  role: string;
  password: string;
  fullName?: string | undefined;
  /** A contractor's partner organisation (required for contractors, refused for others). */
  partnerId?: string | undefined;
  /** YYYY-MM-DD: the last day the account may sign in. */
  expiresOn?: string | undefined;
  /** The password is temporary: the user must change it at the first sign-in. */
  mustChangePassword?: boolean | undefined;
  /** YYYY-MM-DD: the date on the signed paper commitment (of the current version). */
  commitmentSignedOn?: string | undefined;
  /** Where the signed paper is kept. */
  commitmentKeptAt?: string | undefined;
};

const USERNAME = /^[a-z][a-z0-9._-]{1,62}$/;
/** As the staff schema's `fullName`. */
const FULL_NAME_MAX = 200;

/** Checks a new account's fields without the database; throws a validation error naming each. */
export function checkNewStaffUser(input: NewStaffUser): NewStaffUser & { role: Role } {
  const errors: FieldError[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    errors.push({
      field: 'username',
      message:
        'A username is 2–63 characters: lower-case letters, digits, dot, hyphen or underscore, starting with a letter',
      code: 'username.format',
    });
  }
  if (!isRole(input.role)) {
    errors.push({
      field: 'role',
      message: `The role must be one of ${ROLES.join(', ')}`,
      code: 'invalid_value',
    });
  } else {
    const partnerError = partnerRuleError(input.role, input.partnerId ?? null);
    if (partnerError) errors.push(partnerError);
  }
  const problem = passwordError('password', input.password, username);
  if (problem) errors.push(problem);
  // The API checks the full name by its schema; `rekisteri user add --name` comes this way.
  const fullName = input.fullName ?? '';
  const nameProblem = textProblem(fullName, { min: 0, kind: 'name' });
  if (nameProblem) errors.push({ field: 'fullName', ...nameProblem });
  else if (normaliseText(fullName).length > FULL_NAME_MAX) {
    errors.push({
      field: 'fullName',
      message: `A full name is at most ${FULL_NAME_MAX} characters`,
      code: 'too_big',
    });
  }
  for (const field of ['commitmentSignedOn', 'expiresOn'] as const) {
    const value = input[field];
    if (value !== undefined && !isIsoDate(value)) {
      errors.push({
        field,
        message: 'The date must be a real date YYYY-MM-DD',
        code: 'date.invalid',
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation', 'The account is not valid', { errors });
  return {
    ...input,
    username,
    role: input.role as Role,
    ...(input.fullName !== undefined && { fullName: normaliseText(input.fullName) }),
  };
}

export async function createStaffUser(
  db: Db,
  newUser: NewStaffUser,
  options: {
    /** An authenticator already set up (tests, benchmarks): the secret and the keys to seal it. */
    totp?: { secret: string; keys: Pick<Keys, 'encrypt'> };
    /** The administrator creating the account, recorded with a paper commitment. */
    recordedBy?: string;
    now?: Date;
    /** Runs in the account's transaction after the insert (the access-log entry of an admin). */
    afterInsert?: (tx: Db, user: { id: string; username: string; role: Role }) => Promise<void>;
  } = {},
): Promise<{ id: string; username: string; role: Role }> {
  const input = checkNewStaffUser(newUser);
  const username = input.username;
  if (await findStaffUserByUsername(db, username)) throw usernameTaken(username);
  if (input.partnerId && !(await partnerExists(db, input.partnerId))) {
    throw new AppError('validation', 'The account is not valid', {
      errors: [unknownPartner()],
    });
  }
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  const created = db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const row = await insertStaffUser(tx, {
      id,
      username,
      fullName: input.fullName?.trim() || null,
      role: input.role,
      partnerId: input.partnerId ?? null,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      expiresOn: input.expiresOn ?? null,
      ...(options.totp
        ? {
            totpSecretEncrypted: options.totp.keys.encrypt(options.totp.secret, totpContext(id)),
            totpEnabledAt: now,
          }
        : {}),
    });
    if (input.commitmentSignedOn !== undefined) {
      await insertCommitmentSignature(tx, {
        userId: row.id,
        version: await currentCommitmentVersion(tx),
        method: 'paper',
        signedAt: now,
        paperSignedOn: input.commitmentSignedOn,
        paperKeptAt: input.commitmentKeptAt?.trim() || 'not given when the account was created',
        recordedBy: options.recordedBy ?? null,
      });
    }
    const user = { id: row.id, username: row.username, role: row.role as Role };
    await options.afterInsert?.(tx, user);
    return user;
  });
  // Two administrators creating the same name at once: the unique index decides.
  return created.catch((error: unknown) => {
    throw isUniqueViolation(error) ? usernameTaken(username) : error;
  });
}

function usernameTaken(username: string): AppError {
  const message = `An account named "${username}" already exists`;
  return new AppError('conflict', message, {
    errors: [{ field: 'username', message, code: 'username.duplicate' }],
  });
}

export function unknownPartner(): FieldError {
  return {
    field: 'partnerId',
    message: 'No partner organisation has this id',
    code: 'partner.unknown',
  };
}

/** A contractor belongs to a partner organisation, and only a contractor does. */
export function partnerRuleError(role: Role, partnerId: string | null): FieldError | null {
  if (PARTNER_ROLES.includes(role) && !partnerId) {
    return {
      field: 'partnerId',
      message: 'A contractor belongs to a partner organisation: choose one',
      code: 'partner.required',
    };
  }
  if (!PARTNER_ROLES.includes(role) && partnerId) {
    return {
      field: 'partnerId',
      message: "Only a contractor belongs to a partner; the municipality's own staff do not",
      code: 'partner.notAllowed',
    };
  }
  return null;
}

/** What is wrong with a new password, as a field error with a code the web app translates. */
export function passwordError(
  field: string,
  password: string,
  username: string,
): FieldError | null {
  const problem = passwordProblemOf(password, username);
  return problem && { field, ...problem };
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
