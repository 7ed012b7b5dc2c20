/**
 * The attachments part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const attachmentsFi = {} satisfies Record<string, string>;

export const attachmentsSv: Record<keyof typeof attachmentsFi, string> = {};

export const attachmentsEn: Record<keyof typeof attachmentsFi, string> = {};

/** Codes the server's problem documents carry for this part. */
export const ATTACHMENTS_ERROR_CODES = [] as const;

type Code = (typeof ATTACHMENTS_ERROR_CODES)[number];

export const attachmentsErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {},
  sv: {},
  en: {},
};
