import { z } from 'zod';

/** Six digits from the authenticator app; a space in the middle is allowed, as apps show it. */
const totpCodeField = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, 'The code is the six digits the authenticator app shows');

/**
 * A password being checked, not chosen: any length the sign-in accepts. Not text() (decision
 * 0020): a secret is hashed, never shown or stored as text, and is checked exactly as typed.
 */
const givenPassword = z.string().min(1).max(1000);

export const totpSetupBody = z.strictObject({
  /** Only when replacing an authenticator app already set up: the password… */
  password: givenPassword.optional(),
  /** …and the current code of the app being replaced. */
  code: totpCodeField.optional(),
});

export const totpSetupView = z.object({
  /** The otpauth:// URI the QR code holds. */
  uri: z.string(),
  /** The secret in groups of four, for typing into the app by hand. */
  secret: z.string(),
  /** The QR code of `uri` as an SVG document. */
  qrSvg: z.string(),
  /** True when an app is already set up: it keeps working until the new one is confirmed. */
  replacing: z.boolean(),
});

export const totpConfirmBody = z.strictObject({ code: totpCodeField });

export const totpRemoveBody = z.strictObject({ password: givenPassword, code: totpCodeField });

export const passwordChangeBody = z.strictObject({
  currentPassword: givenPassword,
  newPassword: z.string().min(1).max(1000),
});

export const commitmentSignature = z.object({
  version: z.number().int(),
  method: z.enum(['app', 'paper']),
  /** When it was accepted in the app, or recorded from paper. */
  signedAt: z.string(),
  /** A paper commitment: the date on the paper, and where the paper is kept. */
  paperSignedOn: z.string().nullable(),
  paperKeptAt: z.string().nullable(),
});

export const commitmentView = z.object({
  version: z.number().int(),
  text: z.string(),
  publishedAt: z.string(),
  /** The user has signed this (the current) version. */
  signed: z.boolean(),
  /** The signature of this version, or null. */
  signature: commitmentSignature.nullable(),
  /** The newest earlier version the user signed, when a newer text now asks for signing again. */
  previousSignature: commitmentSignature.nullable(),
});

export const commitmentSignBody = z.strictObject({
  /**
   * The version the user read: refused with 409 if a newer text was published meanwhile. At most
   * the integer column's largest value: a larger one would be a database error, a 500.
   */
  version: z.number().int().min(1).max(2_147_483_647),
  /** The password confirms the signature. */
  password: givenPassword,
});
