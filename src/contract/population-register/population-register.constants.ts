/** DVV's change interface, as the register follows it (decision 0026). */

export const DVV_SYNC_STATUSES = ['running', 'finished', 'failed'] as const;
export type DvvSyncStatus = (typeof DVV_SYNC_STATUSES)[number];

/** Who started a run: the CLI, the server's daily timer, or the register officer in the web app. */
export const DVV_SYNC_TRIGGERS = ['cli', 'timer', 'web'] as const;
export type DvvSyncTrigger = (typeof DVV_SYNC_TRIGGERS)[number];

/**
 * What the register did with one change record: `applied` (something changed), `unchanged`
 * (everything was already so: a repeated record), `skipped` (nothing the register keeps: name
 * history, an unknown kind…), `noPerson` (no person followed with that code), `unparsable`
 * (the record does not parse), `failed` (applying it was refused, e.g. the corrected identity
 * code belongs to another person).
 */
export const DVV_RECORD_OUTCOMES = [
  'applied',
  'unchanged',
  'skipped',
  'noPerson',
  'unparsable',
  'failed',
] as const;
export type DvvRecordOutcome = (typeof DVV_RECORD_OUTCOMES)[number];

/**
 * DVV's three prohibitions: direct marketing, disclosing contact details, customer-register
 * updates (no update service may change the person's data in a customer register).
 */
export const DVV_PROHIBITION_KINDS = [
  'direct_marketing',
  'contact_disclosure',
  'register_update',
] as const;
export type DvvProhibitionKind = (typeof DVV_PROHIBITION_KINDS)[number];

/**
 * The notes a record's report carries, by group: `unknownKind` (a kind the register does not
 * know), `withheld` (a location group of a protected person: no value stored), `informational`
 * (name history, an ended address, a passive identity code…), `ignored` (a known kind the
 * register does not keep: home municipality, mother tongue, guardians), the changes
 * (`deceased`, `protectionOn`, `protectionOff`, `identityCodeCorrected`, `prohibitionOn:KIND`,
 * `prohibitionOff:KIND`), and `error:CODE` for a failed record.
 */
export type DvvRecordNote = string;
