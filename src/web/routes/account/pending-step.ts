import type { Me } from '../../session.tsx';

export type PendingStep = 'password' | 'authenticator' | 'commitment';

/** The account pages: open while the commitment is unsigned (read it, change the password…). */
export const ACCOUNT_PATH = '/account';
export const COMMITMENT_PATH = '/account/commitment';
export const AUTHENTICATOR_PATH = '/account/authenticator';

export const isAccountPath = (pathname: string): boolean =>
  pathname === ACCOUNT_PATH || pathname.startsWith(`${ACCOUNT_PATH}/`);

/**
 * The step that takes over every page after sign-in, in order: a forced password change, then
 * the authenticator app the role requires, then the confidentiality commitment. The server
 * refuses the rest until the first two are done; the commitment leaves the user's own account
 * pages open.
 */
export function pendingStep(
  me: Pick<Me, 'passwordChangeRequired' | 'totpEnrollmentRequired' | 'commitmentSigned'>,
  pathname: string,
): PendingStep | null {
  if (me.passwordChangeRequired) return 'password';
  if (me.totpEnrollmentRequired) return 'authenticator';
  if (!me.commitmentSigned && !isAccountPath(pathname)) return 'commitment';
  return null;
}
