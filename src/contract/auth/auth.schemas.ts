import { z } from 'zod';
import { text, zId } from '../text.ts';
import { PERMISSIONS, ROLES } from './permissions.ts';

export const loginBody = z.strictObject({
  username: text({ max: 100, kind: 'name' }),
  password: z.string().min(1).max(1000),
  /** The 6-digit code from the authenticator app, for an account with TOTP set up. */
  code: text({ max: 20, min: 0 }).optional(),
});

export const meView = z.object({
  id: zId,
  username: z.string(),
  /** The name the header shows; null for an account without one (the username is shown). */
  fullName: z.string().nullable(),
  role: z.enum(ROLES),
  partnerId: zId.nullable(),
  commitmentSigned: z.boolean(),
  passwordChangeRequired: z.boolean(),
  totpEnrollmentRequired: z.boolean(),
  /** An authenticator app is set up for the account. */
  totpEnabled: z.boolean(),
  /** The role (or the settings) require one: it cannot be removed, only replaced. */
  totpRequired: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
