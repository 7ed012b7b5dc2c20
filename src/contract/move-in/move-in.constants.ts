// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/** What a row of an old register's export becomes (decision 0027). */
export const IMPORT_TARGETS = ['person', 'organization'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The fields a profile may map a column to, by target; an address is its four parts. */
export const IMPORT_FIELDS = {
  person: [
    'firstName',
    'lastName',
    'personalIdentityCode',
    'email',
    'phone',
    'street',
    'postalCode',
    'postOffice',
    'country',
    'language',
  ],
  organization: [
    'name',
    'businessId',
    'email',
    'phone',
    'street',
    'postalCode',
    'postOffice',
    'country',
  ],
} as const satisfies Record<ImportTarget, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportTarget][number];

export const IMPORT_RUN_STATUSES = ['running', 'finished', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/**
 * What the import did with one row: `created` (a person or organisation), `wouldCreate` (the same
 * in a dry run), `invalid` (errors, each with its field and code), `duplicate` (the identity
 * code, business ID — of a customer in the register or of an earlier row of the file: not
 * created), `alreadyImported` (an earlier run of the same file created it).
 */
export const IMPORT_ROW_OUTCOMES = [
  'created',
  'wouldCreate',
  'invalid',
  'duplicate',
  'alreadyImported',
] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/**
 * The codes of a row's problems besides the field errors of the person and organisation rules
 * (FIELD_ERROR_CODES): the file's own (`row.quoting`, `row.cellCount`, `row.encoding`) and the
 * duplicates. A `possibleDuplicate.*` is a note on a created row: the same e-mail, or a similar
 * name at a similar address, as another customer — for staff to look at, not a refusal.
 */
export const IMPORT_ROW_CODES = [
  'row.quoting',
  'row.cellCount',
  'row.encoding',
  'duplicate.identityCode',
  'duplicate.businessId',
  'possibleDuplicate.email',
  'possibleDuplicate.nameAddress',
  'address.incomplete',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];
