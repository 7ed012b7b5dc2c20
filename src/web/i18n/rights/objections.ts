/**
 * The objections part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const objectionsFi = {} satisfies Record<string, string>;

export const objectionsSv: Record<keyof typeof objectionsFi, string> = {};

export const objectionsEn: Record<keyof typeof objectionsFi, string> = {};

/** Codes the server's problem documents carry for this part. */
export const OBJECTIONS_ERROR_CODES = [] as const;

type Code = (typeof OBJECTIONS_ERROR_CODES)[number];

export const objectionsErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {},
  sv: {},
  en: {},
};
