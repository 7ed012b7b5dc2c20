/** The public pages' addresses (no sign-in): main.tsx sends every `/public/…` address here. */
export const PUBLIC_PATHS = {
  privacyStatement: '/public/privacy-statement',
  accessibility: '/public/accessibility',
  cookies: '/public/cookies',
} as const;
