// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * Where a value came from (requirements §4): the person's own registration or notice, the
 * population register (DVV), an update service (e.g. Posti), a partner, staff, or a data
 * subject's request (rectification), or the move-in import of an old register's export.
 */
export const VALUE_SOURCE_KINDS = [
  'data_subject',
  'population_register',
  'update_service',
  'partner',
  'staff',
  'request',
  'import',
] as const;
export type ValueSourceKind = (typeof VALUE_SOURCE_KINDS)[number];

/** The sources staff may name when they enter data; `request` is set by rectification only. */
export const GIVEN_SOURCE_KINDS = [
  'data_subject',
  'population_register',
  'update_service',
  'partner',
  'staff',
] as const satisfies readonly ValueSourceKind[];

/** The person fields whose sources are recorded, as the person API names them. */
export const SOURCED_PERSON_FIELDS = [
  'firstName',
  'lastName',
  'personalIdentityCode',
  'email',
  'phone',
  'permanentAddress',
  'contactAddress',
  'language',
  'billing',
  'addressProtection',
  'organizations',
] as const;
export type SourcedPersonField = (typeof SOURCED_PERSON_FIELDS)[number];
