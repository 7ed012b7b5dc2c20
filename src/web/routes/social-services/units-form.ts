/** The administrator's unit and need-type forms; pure, so unit-tested. */
import type { FormValues } from '../../components/form.ts';

export type Names = { nameFi: string; nameSv: string; nameEn: string };

export const namedValues = (named: (Names & { code: string }) | null): FormValues => ({
  code: named?.code ?? '',
  nameFi: named?.nameFi ?? '',
  nameSv: named?.nameSv ?? '',
  nameEn: named?.nameEn ?? '',
});

/**
 * The code and the names as typed. Which are required and what a code may hold is the schema's
 * (the form hook derives the first, the server answers the second next to the field).
 */
export function namedInput(values: FormValues): { code: string; names: Names } {
  const text = (field: string) => (values[field] ?? '').trim();
  return {
    code: text('code'),
    names: { nameFi: text('nameFi'), nameSv: text('nameSv'), nameEn: text('nameEn') },
  };
}

/** The same members, in any order. */
export const sameMembers = (before: string[], after: string[]): boolean =>
  before.length === after.length && before.every((id) => after.includes(id));
