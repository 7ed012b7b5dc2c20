import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { ROLES } from '../auth/permissions.ts';

/** A calendar date, YYYY-MM-DD, that exists (2026-02-30 does not), of the register's time. */
const isoDate = date('business');

/** A password an administrator sets; the rules (length, username, common list) are the service's. */
const temporaryPassword = z.string().min(1).max(1000);

const fullName = text({ max: 200, min: 0, kind: 'name' });

export const staffCreate = z.strictObject({
  username: text({ max: 63, kind: 'name' }),
  fullName: fullName.optional(),
  role: z.enum(ROLES),
  /** The partner organisation of a contractor (required for one, refused for others). */
  partnerId: zId.optional(),
  /** The last day the account may sign in. */
  expiresOn: isoDate.optional(),
  temporaryPassword,
});
export type StaffCreate = z.output<typeof staffCreate>;

/** Only the fields given change; null removes the value. */
export const staffPatch = z.strictObject({
  fullName: fullName.nullable().optional(),
  role: z.enum(ROLES).optional(),
  partnerId: zId.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
});
export type StaffPatch = z.output<typeof staffPatch>;

export const emptyBody = z.strictObject({});

export const resetPasswordBody = z.strictObject({ temporaryPassword });

export const paperCommitmentBody = z.strictObject({
  /** The date on the signed paper; not in the future. */
  signedOn: isoDate,
  /** Where the signed paper is kept (archive, binder, case number). */
  keptAt: text({ max: 500 }),
});
export type PaperCommitment = z.output<typeof paperCommitmentBody>;

export const publishCommitmentBody = z.strictObject({
  text: text({ max: 20_000, min: 50, multiline: true }),
});

export const STAFF_STATUSES = ['active', 'deactivated', 'expired'] as const;

const signatureSummary = z.object({
  method: z.enum(['app', 'paper']),
  /** The day it was signed: the paper's date, or the day it was accepted in the app. */
  signedOn: z.string(),
});

export const staffSummary = z.object({
  id: zId,
  username: z.string(),
  fullName: z.string().nullable(),
  role: z.enum(ROLES),
  partnerId: zId.nullable(),
  partnerName: z.string().nullable(),
  expiresOn: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  status: z.enum(STAFF_STATUSES),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** The signature of the current version of the commitment text, or null. */
  currentCommitment: signatureSummary.nullable(),
});
export type StaffSummary = z.infer<typeof staffSummary>;

/** A staff member as the app names them: by full name, the username when there is none. */
const userRef = z
  .object({ id: zId, username: z.string(), fullName: z.string().nullable() })
  .nullable();

export const signatureView = z.object({
  version: z.number().int(),
  method: z.enum(['app', 'paper']),
  /** When it was accepted in the app, or when the paper was recorded. */
  signedAt: z.string(),
  paperSignedOn: z.string().nullable(),
  paperKeptAt: z.string().nullable(),
  recordedBy: userRef,
});

export const staffView = staffSummary.extend({
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
  currentCommitmentVersion: z.number().int(),
  /** Every signature, newest version first. */
  signatures: z.array(signatureView),
});
export type StaffView = z.infer<typeof staffView>;

export const staffList = z.object({
  items: z.array(staffSummary),
  currentCommitmentVersion: z.number().int(),
});

export const partnerOptions = z.object({
  items: z.array(z.object({ id: zId, name: z.string(), businessId: z.string() })),
});

export const commitmentSettings = z.object({
  currentVersion: z.number().int(),
  text: z.string(),
  /** Accounts that may sign in today (not deactivated, not expired). */
  activeUsers: z.number().int(),
  /** Of those, the ones who have signed the current version. */
  activeUsersSigned: z.number().int(),
  /** Newest first. */
  versions: z.array(
    z.object({
      version: z.number().int(),
      publishedAt: z.string(),
      publishedBy: userRef,
      /** Active accounts that have signed this version. */
      activeUsersSigned: z.number().int(),
    }),
  ),
});
export type CommitmentSettings = z.infer<typeof commitmentSettings>;
