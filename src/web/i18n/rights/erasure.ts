/**
 * The erasure part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const erasureFi = {} satisfies Record<string, string>;

export const erasureSv: Record<keyof typeof erasureFi, string> = {};

export const erasureEn: Record<keyof typeof erasureFi, string> = {};

/** Codes the server's problem documents carry for this part. */
export const ERASURE_ERROR_CODES = [] as const;

type Code = (typeof ERASURE_ERROR_CODES)[number];

export const erasureErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {},
  sv: {},
  en: {},
};
