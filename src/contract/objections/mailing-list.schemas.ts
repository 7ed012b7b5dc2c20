import { z } from 'zod';
import { text, zId } from '../text.ts';
import { REQUEST_LANGUAGES } from '../enums.ts';

/**
 * What a mailing list is for. Every mailing list is a list published from the register, so the
 * usage rule is always asked about `published_list` too; direct mail, distance selling and market
 * or opinion research add their own objections.
 */
export const MAILING_LIST_USES = [
  'published_list',
  'direct_marketing',
  'distance_selling',
  'market_research',
] as const;
export type MailingListUse = (typeof MAILING_LIST_USES)[number];

export const MAILING_LIST_FORMATS = ['csv', 'pdf'] as const;
export type MailingListFormat = (typeof MAILING_LIST_FORMATS)[number];

/** Whom the list is drawn from, before the usage rule leaves anyone out. */
export const mailingListSelection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('organization'), organizationId: zId }),
  z.strictObject({ kind: z.literal('language'), language: z.enum(REQUEST_LANGUAGES) }),
]);
export type MailingListSelection = z.output<typeof mailingListSelection>;

export const mailingListCreate = z.strictObject({
  use: z.enum(MAILING_LIST_USES),
  /** Why the list is made, e.g. "Kirjaston asiakaskirje 12/2026": logged for each person. */
  purpose: text({ max: 500, min: 3 }),
  selection: mailingListSelection,
  /** `csv`: a list; `pdf`: address labels, A4, 3 × 8 labels of 70 × 37 mm. */
  format: z.enum(MAILING_LIST_FORMATS).default('csv'),
  /** The language of the file's name and the PDF's title. */
  lang: z.enum(REQUEST_LANGUAGES).default('fi'),
});
export type MailingListCreate = z.output<typeof mailingListCreate>;

export const mailingListMade = z.object({
  use: z.enum(MAILING_LIST_USES),
  /** How many persons are in the file. */
  included: z.number().int(),
  /** How many of the selection were left out, by reason: never who. */
  leftOut: z.object({
    total: z.number().int(),
    objection: z.number().int(),
    protectedAddress: z.number().int(),
    archived: z.number().int(),
    /** A restriction of processing holds (decision 0033). */
    restricted: z.number().int(),
    noAddress: z.number().int(),
  }),
  file: z.object({
    fileName: z.string(),
    contentType: z.string(),
    sha256: z.string(),
    base64: z.string(),
  }),
});
export type MailingListMade = z.infer<typeof mailingListMade>;
