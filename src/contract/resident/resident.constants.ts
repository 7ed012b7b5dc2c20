// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/** The resident's session cookie (decision 0032): apart from staff's, and named on the cookie page. */
export const RESIDENT_SESSION_COOKIE = 'rekisteri_resident';

/** The identification's state, nonce and PKCE verifier between leaving and coming back (10 minutes). */
export const RESIDENT_TRANSACTION_COOKIE = 'rekisteri_resident_oidc';

/** Why an identified resident was not let in (the sign-in page says so, and nothing more). */
export const RESIDENT_REFUSALS = [
  /** The population register has recorded the person deceased. */
  'deceased',
  /** The person's record is archived or being erased: no e-service for it. */
  'closed',
  /** The identification failed or was cancelled, or its answer did not check out. */
  'identification_failed',
  /** The identification gave no valid Finnish identity code. */
  'no_identity_code',
] as const;
export type ResidentRefusal = (typeof RESIDENT_REFUSALS)[number];

/** The stand-in identity provider's address (RESIDENT_IDENTIFICATION=test). */
export const TEST_IDP_PATH = '/test-idp';
