import type { Db } from '../../db/client.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { clearSignInFailures } from '../auth/auth.queries.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PARTNER_ROLES, type Role } from '../../../contract/auth/permissions.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import {
  currentCommitmentVersion,
  deleteSessionsOf,
  findAccount,
  findSignatures,
  listAccounts,
  listPartnerOptions,
  lockActiveAdmins,
  partnerExists,
  updateStaffUserRow,
  type AccountRow,
} from './staff.queries.ts';
import type {
  StaffCreate,
  StaffPatch,
  StaffSummary,
  StaffView,
} from '../../../contract/staff/staff.schemas.ts';
import {
  checkNewStaffUser,
  createStaffUser,
  partnerRuleError,
  passwordError,
  unknownPartner,
} from './staff.service.ts';

/**
 * Account administration works in the same context as customer data: an account is a staff
 * member's personal data, so every change writes an access-log entry (the account's id as the
 * subject) in the change's own transaction. Password hashes and TOTP secrets are never logged:
 * their entries say "changed".
 */
export type StaffContext = CustomerContext;

const today = (ctx: StaffContext) => helsinkiDate(ctx.clock.now());

function statusOf(row: AccountRow, day: string): StaffSummary['status'] {
  if (row.deactivatedAt !== null) return 'deactivated';
  if (row.expiresOn !== null && row.expiresOn < day) return 'expired';
  return 'active';
}

function toSummary(row: AccountRow, day: string): StaffSummary {
  const method = row.currentMethod === 'paper' ? 'paper' : 'app';
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: row.role as Role,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    expiresOn: row.expiresOn,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    status: statusOf(row, day),
    totpEnabled: row.totpEnabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    currentCommitment:
      row.currentSignedAt === null
        ? null
        : {
            method,
            signedOn:
              method === 'paper' && row.currentPaperSignedOn
                ? row.currentPaperSignedOn
                : helsinkiDate(row.currentSignedAt),
          },
  };
}

export async function listStaff(
  ctx: StaffContext,
): Promise<{ items: StaffSummary[]; currentCommitmentVersion: number }> {
  const day = today(ctx);
  const rows = await listAccounts(ctx.db);
  await logAccess(
    ctx,
    'read',
    rows.map((row) => row.id),
    STAFF_VIEW_FIELDS,
  );
  return {
    items: rows.map((row) => toSummary(row, day)),
    currentCommitmentVersion: await currentCommitmentVersion(ctx.db),
  };
}

/** The fields of an account's page: reading them is logged, as a change of them is. */
const STAFF_VIEW_FIELDS = [
  'username',
  'fullName',
  'role',
  'partnerId',
  'expiresOn',
  'deactivatedAt',
  'totpEnabledAt',
  'mustChangePassword',
  'commitment',
];

export async function getStaff(ctx: StaffContext, id: string): Promise<StaffView> {
  const view = await accountView(ctx, id);
  await logAccess(ctx, 'read', [id], STAFF_VIEW_FIELDS);
  return view;
}

/** An account's page without a log entry of its own: the answer to a change already logged. */
export async function accountView(ctx: StaffContext, id: string): Promise<StaffView> {
  const row = await findAccount(ctx.db, id);
  if (!row) throw notFound('Account');
  const signatures = await findSignatures(ctx.db, id);
  return {
    ...toSummary(row, today(ctx)),
    createdAt: row.createdAt.toISOString(),
    passwordChangedAt: row.passwordChangedAt?.toISOString() ?? null,
    currentCommitmentVersion: await currentCommitmentVersion(ctx.db),
    signatures: signatures.map((s) => ({
      version: s.version,
      method: s.method === 'paper' ? 'paper' : 'app',
      signedAt: s.signedAt.toISOString(),
      paperSignedOn: s.paperSignedOn,
      paperKeptAt: s.paperKeptAt,
      recordedBy:
        s.recordedById && s.recordedByUsername
          ? { id: s.recordedById, username: s.recordedByUsername, fullName: s.recordedByFullName }
          : null,
    })),
  };
}

export async function partnerOptions(ctx: StaffContext) {
  return { items: await listPartnerOptions(ctx.db) };
}

async function accountOrNotFound(ctx: StaffContext, id: string): Promise<AccountRow> {
  const row = await findAccount(ctx.db, id);
  if (!row) throw notFound('Account');
  return row;
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation', 'The account is not valid', { errors });
}

/** The last day of an account is today or later: a past day would be a silent deactivation. */
function expiryError(ctx: StaffContext, expiresOn: string | null | undefined): FieldError | null {
  if (!expiresOn || expiresOn >= today(ctx)) return null;
  return {
    field: 'expiresOn',
    message: 'The last day of the account cannot be in the past; deactivate the account instead',
    code: 'date.past',
  };
}

/** The same administrator may not take away their own access: another one has to. */
function refuseSelf(ctx: StaffContext, id: string, what: string): void {
  if (id === ctx.actor.userId) {
    throw new AppError(
      'conflict',
      `You cannot ${what} your own account: ask another administrator to do it`,
      { extra: { reason: 'own_account' } },
    );
  }
}

/**
 * Refuses a change that would leave no active administrator. The active administrators are
 * locked first, so two administrators demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(ctx: StaffContext, tx: Db, account: AccountRow, what: string) {
  if (account.role !== 'admin' || statusOf(account, today(ctx)) !== 'active') return;
  const admins = await lockActiveAdmins(tx, today(ctx));
  if (admins.filter((adminId) => adminId !== account.id).length === 0) {
    throw new AppError(
      'conflict',
      `"${account.username}" is the last active administrator and cannot be ${what}: make another account an administrator first`,
      { extra: { reason: 'last_admin' } },
    );
  }
}

const change = (before: unknown, after: unknown) => ({ old: before ?? null, new: after ?? null });

/** The password field is `temporaryPassword` in the API: an administrator sets a temporary one. */
const apiField = (error: FieldError): FieldError =>
  error.field === 'password' ? { ...error, field: 'temporaryPassword' } : error;

export async function createStaffAccount(
  ctx: StaffContext,
  input: StaffCreate,
): Promise<StaffView> {
  const newUser = {
    username: input.username,
    role: input.role,
    password: input.temporaryPassword,
    fullName: input.fullName,
    partnerId: input.partnerId,
    expiresOn: input.expiresOn,
    mustChangePassword: true,
  };
  // Every field's error at once: the account's own rules, and the expiry that needs the clock.
  const errors: FieldError[] = [];
  try {
    checkNewStaffUser(newUser);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push(...(error.errors ?? []).map(apiField));
  }
  const expiry = expiryError(ctx, input.expiresOn);
  if (expiry) errors.push(expiry);
  if (errors.length > 0) throw invalid(errors);

  const user = await createStaffUser(ctx.db, newUser, {
    now: ctx.clock.now(),
    afterInsert: async (tx, created) => {
      const fullName = input.fullName?.trim() || null;
      const changes: Record<string, unknown> = {
        username: change(null, created.username),
        role: change(null, created.role),
        ...(fullName ? { fullName: change(null, fullName) } : {}),
        ...(input.partnerId ? { partnerId: change(null, input.partnerId) } : {}),
        ...(input.expiresOn ? { expiresOn: change(null, input.expiresOn) } : {}),
        password: 'changed',
        mustChangePassword: change(null, true),
      };
      await logAccess({ ...ctx, db: tx }, 'create', [created.id], Object.keys(changes), {
        changes,
      });
    },
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.errors) {
      throw new AppError(error.code, error.message, {
        errors: error.errors.map(apiField),
        ...(error.extra ? { extra: error.extra } : {}),
      });
    }
    throw error;
  });
  return accountView(ctx, user.id);
}

export async function updateStaffAccount(
  ctx: StaffContext,
  id: string,
  patch: StaffPatch,
): Promise<StaffView> {
  const current = await accountOrNotFound(ctx, id);
  const currentRole = current.role as Role;
  const role = patch.role ?? currentRole;
  // A contractor who becomes municipal staff leaves the partner unless the patch says otherwise.
  const partnerId =
    patch.partnerId !== undefined
      ? patch.partnerId
      : PARTNER_ROLES.includes(role)
        ? current.partnerId
        : null;
  const errors: FieldError[] = [];
  const partnerError = partnerRuleError(role, partnerId);
  if (partnerError) errors.push(partnerError);
  else if (
    partnerId &&
    partnerId !== current.partnerId &&
    !(await partnerExists(ctx.db, partnerId))
  )
    errors.push(unknownPartner());
  const expiry = expiryError(ctx, patch.expiresOn);
  if (expiry) errors.push(expiry);
  if (errors.length > 0) throw invalid(errors);

  const next = {
    fullName: patch.fullName !== undefined ? patch.fullName?.trim() || null : current.fullName,
    role,
    partnerId,
    expiresOn: patch.expiresOn !== undefined ? patch.expiresOn : current.expiresOn,
  };
  const changes: Record<string, unknown> = {};
  if (next.fullName !== current.fullName)
    changes.fullName = change(current.fullName, next.fullName);
  if (next.role !== currentRole) changes.role = change(currentRole, next.role);
  if (next.partnerId !== current.partnerId) {
    changes.partnerId = change(current.partnerId, next.partnerId);
  }
  if (next.expiresOn !== current.expiresOn) {
    changes.expiresOn = change(current.expiresOn, next.expiresOn);
  }
  if (Object.keys(changes).length === 0) return getStaff(ctx, id);

  const demoted = currentRole === 'admin' && next.role !== 'admin';
  if (demoted) refuseSelf(ctx, id, 'remove the administrator role from');
  await ctx.db.transaction(async (tx) => {
    if (demoted) await keepAnAdmin(ctx, tx, current, 'demoted');
    await updateStaffUserRow(tx, id, next);
    // What a session may do follows the role and the partner: the user signs in again.
    if (changes.role || changes.partnerId) await deleteSessionsOf(tx, id);
    await logAccess({ ...ctx, db: tx }, 'update', [id], Object.keys(changes), { changes });
  });
  return accountView(ctx, id);
}

export async function deactivateStaffAccount(ctx: StaffContext, id: string): Promise<StaffView> {
  const current = await accountOrNotFound(ctx, id);
  refuseSelf(ctx, id, 'deactivate');
  if (current.deactivatedAt !== null) return getStaff(ctx, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await keepAnAdmin(ctx, tx, current, 'deactivated');
    await updateStaffUserRow(tx, id, { deactivatedAt: now });
    await deleteSessionsOf(tx, id);
    await logAccess({ ...ctx, db: tx }, 'update', [id], ['deactivatedAt'], {
      changes: { deactivatedAt: change(null, now.toISOString()) },
    });
  });
  return accountView(ctx, id);
}

export async function reactivateStaffAccount(ctx: StaffContext, id: string): Promise<StaffView> {
  const current = await accountOrNotFound(ctx, id);
  if (current.deactivatedAt === null) return getStaff(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await updateStaffUserRow(tx, id, { deactivatedAt: null });
    await logAccess({ ...ctx, db: tx }, 'update', [id], ['deactivatedAt'], {
      changes: { deactivatedAt: change(current.deactivatedAt?.toISOString(), null) },
    });
  });
  return accountView(ctx, id);
}

/**
 * Sets a temporary password the user must change at the next sign-in, ends their sessions and
 * lifts a lockout of the account (the failed attempts are forgotten).
 */
export async function resetStaffPassword(
  ctx: StaffContext,
  id: string,
  temporaryPassword: string,
): Promise<StaffView> {
  const current = await accountOrNotFound(ctx, id);
  const problem = passwordError('temporaryPassword', temporaryPassword, current.username);
  if (problem) throw invalid([problem]);
  refuseSelf(ctx, id, 'reset the password of');
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await updateStaffUserRow(tx, id, {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: ctx.clock.now(),
    });
    await deleteSessionsOf(tx, id);
    await clearSignInFailures(tx, `user:${current.username}`);
    await logAccess({ ...ctx, db: tx }, 'update', [id], ['password', 'mustChangePassword'], {
      changes: {
        password: 'changed',
        mustChangePassword: change(current.mustChangePassword, true),
      },
    });
  });
  return accountView(ctx, id);
}

/**
 * Removes the authenticator: the user sets up a new one at the next sign-in (where the role or
 * the settings require one). Their sessions end.
 */
export async function resetStaffTotp(ctx: StaffContext, id: string): Promise<StaffView> {
  const current = await accountOrNotFound(ctx, id);
  refuseSelf(ctx, id, 'reset the authenticator of');
  if (current.totpEnabledAt === null) {
    throw new AppError('conflict', `"${current.username}" has no authenticator set up`, {
      extra: { reason: 'no_authenticator' },
    });
  }
  await ctx.db.transaction(async (tx) => {
    await updateStaffUserRow(tx, id, {
      totpSecretEncrypted: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    await deleteSessionsOf(tx, id);
    await logAccess({ ...ctx, db: tx }, 'update', [id], ['totpSecret', 'totpEnabledAt'], {
      changes: {
        totpSecret: 'changed',
        totpEnabledAt: change(current.totpEnabledAt?.toISOString(), null),
      },
    });
  });
  return accountView(ctx, id);
}
