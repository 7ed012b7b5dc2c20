// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/** Update-service files (issue #16 item 2, decision 0029). */

export const UPDATE_FILE_RUN_STATUSES = ['running', 'finished', 'failed'] as const;
export type UpdateFileRunStatus = (typeof UPDATE_FILE_RUN_STATUSES)[number];

export const UPDATE_FILE_TRIGGERS = ['cli', 'web'] as const;
export type UpdateFileTrigger = (typeof UPDATE_FILE_TRIGGERS)[number];

/**
 * What a row of the file did (or, in a dry run, would do): `applied` (a value changed),
 * `unchanged` (the register already had it), `noMatch` (no person, or more than one, matched),
 * `refused` (the row may not or cannot change the person: the reason's code says why).
 */
export const UPDATE_FILE_OUTCOMES = ['applied', 'unchanged', 'noMatch', 'refused'] as const;
export type UpdateFileOutcome = (typeof UPDATE_FILE_OUTCOMES)[number];

/**
 * The reason of a row's outcome, a code the web and the CSV say in fi, sv and en:
 * - `noMatch`: `noPerson` (nobody by the identity code, nor by name and previous address),
 *   `ambiguous` (several persons have the name and previous address);
 * - `refused`: `addressProtected` (turvakielto: DVV's word only, decision 0006),
 *   `registerUpdateProhibited` (DVV's customer-register update prohibition), `archived`,
 *   `deceased`, `restricted` (a restriction of processing holds, decision 0033), `invalid` (a field
 *   of the row does not parse; the field in `fields`);
 * - `applied` / `unchanged`: null.
 */
export const UPDATE_FILE_REASONS = [
  'noPerson',
  'ambiguous',
  'addressProtected',
  'registerUpdateProhibited',
  'archived',
  'deceased',
  'restricted',
  'invalid',
] as const;
export type UpdateFileReason = (typeof UPDATE_FILE_REASONS)[number];
