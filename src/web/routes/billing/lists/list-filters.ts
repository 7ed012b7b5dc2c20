import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { FormValues } from '../../../components/form.ts';
import { fieldRules } from '../../../components/schema-rules.ts';
import { useFormState, type FormController } from '../../../components/useContractForm.ts';
import { formatDate } from '../../../format.ts';
import { checkDates, dateValue } from '../customer/billing-format.ts';

/** A filter of a list: typed text, a day (d.m.yyyy in the form, YYYY-MM-DD in the URL), or a choice. */
export type FilterKind = 'text' | 'date' | 'choice';

/** A choice left open: every row. */
export const ALL = 'all';

/** A list's filters in the URL and the form that changes them (useUrlFilters). */
export type UrlFilters<Name extends string> = {
  /** What the list shows: the API's query values, by filter. */
  applied: Partial<Record<Name, string>>;
  form: FormController;
  submit: (event: FormEvent) => void;
  /** Some filter is in force (the page offers to clear them). */
  filtered: boolean;
};

/**
 * A list's filters kept in the URL (so a list can be linked to, and back and forward work) and a
 * form of them to change. The form's limits (a text's length) come from the endpoint's query
 * schema, as a contract form's come from its body; `submit` checks the days and puts the form's
 * filters into the URL. A filter form checks when sent, not field by field.
 */
export function useUrlFilters<Name extends string>(
  kinds: Record<Name, FilterKind>,
  query: z.ZodType | undefined,
): UrlFilters<Name> {
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
  const rules = useMemo(() => fieldRules(query), [query]);
  const form = useFormState(formValues(), rules, false);

  // Back and forward change the filters in the URL: the form follows them.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    form.reset(formValues());
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

  return { applied, form, submit, filtered: Object.keys(applied).length > 0 };
}
