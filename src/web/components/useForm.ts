import { useCallback, useState } from 'react';
import type { FieldProblem } from '../api.ts';
import { checkField, type FieldErrors, type FormValues } from './form.ts';

export type FormController = {
  values: FormValues;
  errors: FieldErrors;
  set: (path: string, value: string) => void;
  /** Checks the field the user just left (and a postal code when its country changed). */
  blur: (path: string) => void;
  /** Replaces every error, e.g. with the server's answer. */
  setErrors: (errors: FieldErrors) => void;
  reset: (values: FormValues) => void;
};

export function useForm(initial: FormValues, required: ReadonlySet<string>): FormController {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback((path: string, value: string) => {
    setValues((current) => ({ ...current, [path]: value }));
  }, []);

  const blur = useCallback(
    (path: string) => {
      const paths = path.endsWith('.country')
        ? [path, `${path.slice(0, -'.country'.length)}.postalCode`]
        : [path];
      setErrors((current) => {
        const next = { ...current };
        for (const p of paths) {
          const problem: FieldProblem | null = checkField(p, values, required);
          if (problem) next[p] = problem;
          else delete next[p];
        }
        return next;
      });
    },
    [values, required],
  );

  const reset = useCallback((next: FormValues) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, set, blur, setErrors, reset };
}
