/** The administrator's unit and need-type forms; pure, so unit-tested. */
import type { FieldErrors, FormValues } from '../../components/form.ts';
import type { Converted } from './client-forms.ts';

export type Names = { nameFi: string; nameSv: string; nameEn: string };

/** What the server accepts as a code (the schema's rule, checked before sending). */
const CODE = /^[a-z0-9][a-z0-9_-]*$/;

export const namedValues = (named: (Names & { code: string }) | null): FormValues => ({
  code: named?.code ?? '',
  nameFi: named?.nameFi ?? '',
  nameSv: named?.nameSv ?? '',
  nameEn: named?.nameEn ?? '',
});

/** The names (every language required) and, for a new one, the code. */
export function namedInput(
  values: FormValues,
  withCode: boolean,
): Converted<{ code: string; names: Names }> {
  const errors: FieldErrors = {};
  const text = (field: string) => {
    const value = (values[field] ?? '').trim();
    if (value === '') errors[field] = { field, code: 'required', message: '' };
    return value;
  };
  const code = withCode ? text('code') : '';
  if (withCode && code !== '' && !CODE.test(code)) {
    errors.code = { field: 'code', code: 'socialServices.codeFormat', message: '' };
  }
  const names = { nameFi: text('nameFi'), nameSv: text('nameSv'), nameEn: text('nameEn') };
  return Object.keys(errors).length > 0
    ? { input: null, errors }
    : { input: { code, names }, errors: null };
}

/** The same members, in any order. */
export const sameMembers = (before: string[], after: string[]): boolean =>
  before.length === after.length && before.every((id) => after.includes(id));
