/**
 * The rectification part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const rectificationFi = {} satisfies Record<string, string>;

export const rectificationSv: Record<keyof typeof rectificationFi, string> = {};

export const rectificationEn: Record<keyof typeof rectificationFi, string> = {};

/** Codes the server's problem documents carry for this part. */
export const RECTIFICATION_ERROR_CODES = [] as const;

type Code = (typeof RECTIFICATION_ERROR_CODES)[number];

export const rectificationErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {},
  sv: {},
  en: {},
};
