import type { Keys } from '../../lib/crypto.ts';

/** The encryption context of a user's TOTP secret: the ciphertext opens only in its own row. */
export const totpContext = (userId: string) => `staff_user.totp:${userId}`;

/**
 * What `staff_user.totp_secret_encrypted` holds, decrypted:
 * - `totp_enabled_at` null: nothing, or a secret being set up (`pending`) that no sign-in
 *   accepts until its first code confirms it;
 * - `totp_enabled_at` set: the secret sign-in checks (`active`), followed after a space by its
 *   replacement while that waits for its first code, so the old one keeps working until then.
 * Base32 has no spaces, so the two never run together.
 */
export type TotpSecrets = { active: string | null; pending: string | null };

type TotpColumns = {
  id: string;
  totpSecretEncrypted: Buffer | null;
  totpEnabledAt: Date | null;
};

export function openTotpSecrets(keys: Pick<Keys, 'decrypt'>, user: TotpColumns): TotpSecrets {
  if (!user.totpSecretEncrypted) return { active: null, pending: null };
  const [first = '', second] = keys
    .decrypt(user.totpSecretEncrypted, totpContext(user.id))
    .split(' ');
  return user.totpEnabledAt
    ? { active: first, pending: second ?? null }
    : { active: null, pending: first };
}

/** The secret sign-in checks, or null when the account has no authenticator app set up. */
export function activeTotpSecret(keys: Pick<Keys, 'decrypt'>, user: TotpColumns): string | null {
  return openTotpSecrets(keys, user).active;
}

/** The column's value for the secrets (the caller sets `totp_enabled_at` to match). */
export function sealTotpSecrets(
  keys: Pick<Keys, 'encrypt'>,
  userId: string,
  secrets: TotpSecrets,
): Buffer | null {
  const parts = [secrets.active, secrets.pending].filter((s): s is string => s !== null);
  return parts.length === 0 ? null : keys.encrypt(parts.join(' '), totpContext(userId));
}
