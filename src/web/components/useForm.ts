import { useMemo } from 'react';
import type { FormValues } from './form.ts';
import { NO_RULES } from './schema-rules.ts';
import { useFormState, type FormController } from './useContractForm.ts';

export type { FormController };

/** The form state of a page not yet moved onto useContractForm: required fields given by hand. */
export function useForm(initial: FormValues, required: ReadonlySet<string>): FormController {
  const rules = useMemo(() => ({ ...NO_RULES, required }), [required]);
  return useFormState(initial, rules);
}
