import { addressInput, type FormValues } from '../../components/form.ts';

/** The fields the request page's form offers; the rest (billing, organisations …) via the API. */
export const FORM_FIELDS = [
  'firstName',
  'lastName',
  'personalIdentityCode',
  'email',
  'phone',
  'permanentAddress',
  'contactAddress',
  'language',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const isAddressField = (field: string): field is 'permanentAddress' | 'contactAddress' =>
  field === 'permanentAddress' || field === 'contactAddress';

/**
 * The proposed value the form holds for the field: the address as an object, the rest as text.
 * An empty value proposes removing it (null), which the server refuses for a name.
 */
export function proposedValue(field: FormField, values: FormValues, prefix: string): unknown {
  if (isAddressField(field)) return addressInput(values, `${prefix}.value`);
  const text = (values[`${prefix}.value`] ?? '').trim();
  return text === '' ? null : text;
}
