/**
 * The access part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const accessFi = {} satisfies Record<string, string>;

export const accessSv: Record<keyof typeof accessFi, string> = {};

export const accessEn: Record<keyof typeof accessFi, string> = {};

/** Codes the server's problem documents carry for this part. */
export const ACCESS_ERROR_CODES = [] as const;

type Code = (typeof ACCESS_ERROR_CODES)[number];

export const accessErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {},
  sv: {},
  en: {},
};
