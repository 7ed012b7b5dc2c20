/**
 * The social-services forms' values and the API's inputs, both ways; pure, so unit-tested. A form
 * keeps its text by the API's field name, so an error the server names lands next to its field.
 */
import { parseIban } from '../../../finnish/iban.ts';
import type { BodyOf } from '../../../contract/endpoint.ts';
import type {
  socialRecordsApi,
  socialServicesApi,
} from '../../../contract/social-services/social-services.endpoints.ts';
import type {
  BankAccountView as BankAccount,
  FamilyRelationView as FamilyRelation,
  HealthView as HealthEntry,
  IncomeView as IncomeEntry,
  ServiceNeedView as ServiceNeed,
} from '../../../contract/social-services/social-services.schemas.ts';
import type { FieldProblem } from '../../client.ts';
import type { FieldErrors, FormValues } from '../../components/form.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';
import type { Language } from '../../i18n/catalogues.ts';

export type HealthInput = BodyOf<typeof socialRecordsApi.health.create>;
export type ServiceNeedInput = BodyOf<typeof socialRecordsApi.serviceNeed.create>;
export type IncomeInput = BodyOf<typeof socialRecordsApi.income.create>;
export type BankAccountInput = BodyOf<typeof socialRecordsApi.bankAccount.create>;
export type FamilyRelationInput = BodyOf<typeof socialServicesApi.addFamilyRelation>;
type ServiceNeedStatus = ServiceNeed['status'];
/** The types a worker records; a relation recorded on the relative reads as its inverse. */
type RecordedRelationType = FamilyRelationInput['type'];
type RelationType = FamilyRelation['type'];

/** Why the data is read: the common reasons, and "other" in the worker's own words. */
export const READ_PURPOSES = [
  'clientWork',
  'serviceNeedAssessment',
  'decisionMaking',
  'statement',
  'other',
] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

/** Every status, in the order a need goes through them (the record says which one it is in). */
export const SERVICE_NEED_STATUSES = [
  'identified',
  'assessment',
  'granted',
  'refused',
  'ended',
] as const satisfies readonly ServiceNeedStatus[];

export const RECORDED_RELATION_TYPES = [
  'spouse',
  'child',
  'guardian',
  'other',
] as const satisfies readonly RecordedRelationType[];

/** How each type reads from the relative's side (a child's record shows the parent). */
export const INVERSE_RELATION: Record<RecordedRelationType, RelationType> = {
  spouse: 'spouse',
  child: 'parent',
  guardian: 'ward',
  other: 'other',
};

export const isOneOf = <T extends string>(options: readonly T[], value: string): value is T =>
  (options as readonly string[]).includes(value);

/** A unit's or a need type's name in the reader's language. */
export function nameIn(
  language: Language,
  names: { nameFi: string; nameSv: string; nameEn: string },
): string {
  return { fi: names.nameFi, sv: names.nameSv, en: names.nameEn }[language];
}

/** The form's value for a date: d.m.yyyy, or empty. */
export const dateValue = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '');

/** Euros as a person types them: `1 234,56`, `1234.56`, `1 234 €`; at most two decimals. */
export function parseEuros(input: string): number | null {
  const text = input
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Euros for the form to edit: `1234,56` in Finnish and Swedish, `1234.56` in English. */
export function eurosValue(value: number, language: Language): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return language === 'en' ? text : text.replace('.', ',');
}

/** Euros for reading: `1 234,56 €` the Finnish way, in the reader's language. */
export function formatEuros(value: number, language: Language): string {
  const locale = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' }[language];
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
}

/**
 * A form's text read into the API's input, or the fields whose text is not of its kind (a date
 * that is not d.m.yyyy, euros that are not a number). What the schema says (required fields,
 * lengths, ranges, the order of dates) is not checked here: the form hook derives the required
 * fields and lengths from the schema, and the server answers the rest next to its field.
 */
export type Converted<T> = { input: T; errors: null } | { input: null; errors: FieldErrors };

/** Reads a form's values into an input, collecting one format error per field. */
function reader(values: FormValues) {
  const errors: FieldErrors = {};
  const fail = (field: string, code: string, message = '') => {
    errors[field] ??= { field, code, message } satisfies FieldProblem;
  };
  const raw = (field: string) => (values[field] ?? '').trim();
  return {
    errors,
    text: (field: string): string => raw(field),
    optionalText: (field: string): string | null => (raw(field) === '' ? null : raw(field)),
    date(field: string): string {
      return this.optionalDate(field) ?? '';
    },
    optionalDate(field: string): string | null {
      if (raw(field) === '') return null;
      const iso = parseFinnishDate(raw(field));
      if (!iso) fail(field, 'date.format', 'd.m.yyyy');
      return iso;
    },
    euros(field: string): number {
      if (raw(field) === '') return 0;
      const value = parseEuros(raw(field));
      if (value === null) fail(field, 'euros.format', 'Euros with at most two decimals');
      return value ?? 0;
    },
    year(field: string): number {
      if (raw(field) === '') return 0;
      if (!/^\d{4}$/.test(raw(field))) fail(field, 'year.format', 'A year, e.g. 2025');
      return Number(raw(field));
    },
    iban(field: string): string {
      if (raw(field) === '') return '';
      const result = parseIban(raw(field));
      if (!result.ok) fail(field, result.code, result.message);
      return raw(field);
    },
  };
}

function done<T>(errors: FieldErrors, input: T): Converted<T> {
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors: null };
}

export const healthValues = (entry?: HealthEntry): FormValues => ({
  date: dateValue(entry?.date),
  category: entry?.category ?? '',
  text: entry?.text ?? '',
  source: entry?.source ?? '',
});

export function healthInput(values: FormValues): Converted<HealthInput> {
  const read = reader(values);
  const input = {
    date: read.date('date'),
    category: read.text('category'),
    text: read.text('text'),
    source: read.text('source'),
  };
  return done(read.errors, input);
}

export const serviceNeedValues = (need?: ServiceNeed): FormValues => ({
  needType: need?.needType ?? '',
  assessedOn: dateValue(need?.assessedOn),
  status: need?.status ?? '',
  decisionReference: need?.decisionReference ?? '',
  source: need?.source ?? '',
});

export function serviceNeedInput(values: FormValues): Converted<ServiceNeedInput> {
  const read = reader(values);
  const status = read.text('status');
  const input = {
    needType: read.text('needType'),
    assessedOn: read.date('assessedOn'),
    status: isOneOf(SERVICE_NEED_STATUSES, status) ? status : 'identified',
    decisionReference: read.optionalText('decisionReference'),
    source: read.text('source'),
  };
  return done(read.errors, input);
}

export const incomeValues = (language: Language, entry?: IncomeEntry): FormValues => ({
  year: entry ? String(entry.year) : '',
  annualIncome: entry ? eurosValue(entry.annualIncome, language) : '',
  totalAssets: entry ? eurosValue(entry.totalAssets, language) : '',
  source: entry?.source ?? '',
  recordedOn: dateValue(entry?.recordedOn),
});

export function incomeInput(values: FormValues): Converted<IncomeInput> {
  const read = reader(values);
  const input = {
    year: read.year('year'),
    annualIncome: read.euros('annualIncome'),
    totalAssets: read.euros('totalAssets'),
    source: read.text('source'),
    recordedOn: read.date('recordedOn'),
  };
  return done(read.errors, input);
}

export const bankAccountValues = (account?: BankAccount): FormValues => ({
  iban: account?.ibanDisplay ?? '',
  purpose: account?.purpose ?? '',
  source: account?.source ?? '',
});

export function bankAccountInput(values: FormValues): Converted<BankAccountInput> {
  const read = reader(values);
  const input = {
    iban: read.iban('iban'),
    purpose: read.text('purpose'),
    source: read.text('source'),
  };
  return done(read.errors, input);
}

/** A relation recorded on this client; one recorded on the relative is not corrected here. */
export const familyValues = (relation?: FamilyRelation): FormValues => ({
  relatedPersonId: relation?.relative.id ?? '',
  type: relation && isOneOf(RECORDED_RELATION_TYPES, relation.type) ? relation.type : '',
  startsOn: dateValue(relation?.startsOn),
  endsOn: dateValue(relation?.endsOn),
  source: relation?.source ?? '',
});

export function familyInput(values: FormValues): Converted<FamilyRelationInput> {
  const read = reader(values);
  const type = read.text('type');
  const input = {
    relatedPersonId: read.text('relatedPersonId'),
    type: isOneOf(RECORDED_RELATION_TYPES, type) ? type : 'other',
    startsOn: read.optionalDate('startsOn'),
    endsOn: read.optionalDate('endsOn'),
    source: read.text('source'),
  };
  return done(read.errors, input);
}

export const relationshipValues = (today: string): FormValues => ({
  unitId: '',
  startsOn: formatDate(today),
  endsOn: '',
});

export function relationshipInput(
  values: FormValues,
  responsibleWorkerIds: string[],
): Converted<{
  unitId: string;
  startsOn: string;
  endsOn: string | null;
  responsibleWorkerIds: string[];
}> {
  const read = reader(values);
  const input = {
    unitId: read.text('unitId'),
    startsOn: read.date('startsOn'),
    endsOn: read.optionalDate('endsOn'),
    responsibleWorkerIds,
  };
  return done(read.errors, input);
}

/** The format errors of a conversion, for the form hook's `check`. */
export const formatProblems = <T>(converted: Converted<T>): FieldProblem[] =>
  Object.values(converted.errors ?? {});

/** The purpose as the log keeps it: the chosen reason in words, or the worker's own. */
export function purposeText(
  choice: ReadPurpose | '',
  other: string,
  label: (purpose: Exclude<ReadPurpose, 'other'>) => string,
): string | null {
  if (choice === '') return null;
  if (choice === 'other') return other.trim() === '' ? null : other.trim();
  return label(choice);
}
