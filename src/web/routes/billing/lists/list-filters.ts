import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { FormValues } from '../../../components/form.ts';
import { useForm, type FormController } from '../../../components/useForm.ts';
import { formatDate } from '../../../format.ts';
import { checkDates, dateValue } from '../customer/billing-format.ts';

/** A filter of a list: typed text, a day (d.m.yyyy in the form, YYYY-MM-DD in the URL), or a choice. */
export type FilterKind = 'text' | 'date' | 'choice';

/** A choice left open: every row. */
export const ALL = 'all';

const NO_REQUIRED: ReadonlySet<string> = new Set();

/**
 * A list's filters kept in the URL (so a list can be linked to, and back and forward work) and a
 * form of them to change: `applied` is what the list shows, the API's query values; `submit`
 * checks the days and puts the form's filters into the URL.
 */
export function useUrlFilters<Name extends string>(
  kinds: Record<Name, FilterKind>,
): {
  applied: Partial<Record<Name, string>>;
  key: string;
  form: FormController;
  submit: (event: FormEvent) => void;
  filtered: boolean;
} {
  const [params, setParams] = useSearchParams();
  const names = Object.keys(kinds) as Name[];
  const applied: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) applied[name] = value;
  }
  const key = JSON.stringify(applied);
  const formValues = (): FormValues =>
    Object.fromEntries(
      names.map((name) => {
        const value = applied[name] ?? '';
        if (kinds[name] === 'choice') return [name, value || ALL];
        return [name, kinds[name] === 'date' && value ? formatDate(value) : value];
      }),
    );
  const controller = useForm(formValues(), NO_REQUIRED);
  // A filter form checks its days when sent, not field by field.
  const form: FormController = { ...controller, blur: () => undefined };

  // Back and forward change the filters in the URL: the form follows them.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    controller.reset(formValues());
  }

  const dates = names.filter((name) => kinds[name] === 'date');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = checkDates(form.values, dates);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const next: Record<string, string> = {};
    for (const name of names) {
      const value = (form.values[name] ?? '').trim();
      if (value === '' || value === ALL) continue;
      next[name] = kinds[name] === 'date' ? (dateValue(form.values, name) ?? value) : value;
    }
    setParams(next);
  };

  return { applied, key, form, submit, filtered: Object.keys(applied).length > 0 };
}
