import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import type { Answer, CallInput, Endpoint } from '../../contract/endpoint.ts';
import type { FieldProblem } from '../client.ts';
import { useSend } from '../data.ts';
import {
  changedFrom,
  errorsBeforeSending,
  outcomeOf,
  rulesUnder,
  type ServerFields,
} from './contract-form.ts';
import { checkField, type FieldErrors, type FormValues } from './form.ts';
import { fieldRules, NO_RULES, type FieldRules } from './schema-rules.ts';
import { markUnsaved } from './unsaved.ts';

/** A form's values and errors, and its rules for Fields.tsx (maxLength, aria-required). */
export type FormController = {
  values: FormValues;
  errors: FieldErrors;
  rules: FieldRules;
  set: (path: string, value: string) => void;
  /** Checks the field the user just left (and a postal code when its country changed). */
  blur: (path: string) => void;
  /** Replaces every error, e.g. with the server's answer. */
  setErrors: (errors: FieldErrors) => void;
  reset: (values: FormValues) => void;
};

/** The values and errors of a form, with the blur check of its rules. */
export function useFormState(
  initial: FormValues,
  rules: FieldRules,
  checkOnBlur = true,
): FormController {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  // An error goes away while the field is typed right, never when it is left: leaving the last
  // wrong field for the send button must not move the button from under the mouse (the click
  // would be lost). Leaving a field only adds its error.
  const set = useCallback(
    (path: string, value: string) => {
      const next = { ...values, [path]: value };
      setValues(next);
      setErrors((current) => {
        if (!current[path] || checkField(path, next, rules)) {
          return current;
        }
        const rest = { ...current };
        delete rest[path];
        return rest;
      });
    },
    [values, rules],
  );

  const blur = useCallback(
    (path: string) => {
      if (!checkOnBlur) return;
      const paths = path.endsWith('.country')
        ? [path, `${path.slice(0, -'.country'.length)}.postalCode`]
        : [path];
      setErrors((current) => {
        const next = { ...current };
        for (const p of paths) {
          const problem = checkField(p, values, rules);
          if (problem) next[p] = problem;
        }
        return next;
      });
    },
    [values, rules, checkOnBlur],
  );

  const reset = useCallback((next: FormValues) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, rules, set, blur, setErrors, reset };
}

/** The endpoint's input, for each endpoint of a union (a form that creates or updates). */
type InputOf<E> = E extends Endpoint ? CallInput<E> : never;

export type ContractForm<E extends Endpoint> = {
  form: FormController;
  submit: (event?: FormEvent) => void;
  busy: boolean;
  /**
   * Counts the sends: the error summary shows the last one's errors (none once one succeeded)
   * and takes the focus when there are some.
   */
  attempt: number;
  /** What went wrong beyond the fields, or null. */
  failure: unknown;
  /** The id of the record that already has the identity code or business ID (a 409). */
  duplicateOf: string | null;
  /** The form holds changes not yet saved. */
  changed: boolean;
  /** The last answer of the server, until the form changes again. */
  saved: Answer<E> | null;
  /** Starts the form afresh: its first values, no errors, no failure (e.g. a dialog closed). */
  restart: () => void;
};

/**
 * The one form hook (decision 0024). The form holds text as typed, by the API's dotted field
 * path; `schema` (default: the endpoint's body) gives its required fields, lengths and
 * defaults; `input` turns the text into the request (null: nothing to send, `onUnchanged`).
 * Sending goes through `useSend`, and `invalidates` names the reads it makes stale. The
 * server's field errors land on their fields; the form asks before its changes are lost.
 */
export function useContractForm<E extends Endpoint>(options: {
  endpoint: E;
  schema?: z.ZodType | undefined;
  initial: FormValues;
  input: (values: FormValues) => InputOf<E> | null;
  invalidates?: readonly Endpoint[];
  onSaved?: (answer: Answer<E>, values: FormValues) => void;
  onUnchanged?: () => void;
  /**
   * A refusal the form answers itself (e.g. a 409: a newer version was published meanwhile):
   * true when handled, and the form then shows no error for it.
   */
  onRefused?: (error: unknown) => boolean;
  /** The form's own words for the server's field errors (e.g. a number's range). */
  describe?: (errors: FieldErrors) => FieldErrors;
  /** The form's own rules checked before sending, e.g. "the passwords differ". */
  check?: (values: FormValues) => FieldProblem[];
  /**
   * The form's path of a field the server and the schema name otherwise (two forms on a page
   * with unique ids; a field the shared checks would read as something else).
   */
  serverFields?: ServerFields;
  /**
   * Check a field when it is left (default). Small forms of one or two fields check when sent:
   * an error appearing as the focus leaves for the button would move the button mid-click.
   */
  checkOnBlur?: boolean;
  /** After a save the form empties (passwords, one-time codes) instead of keeping the values. */
  emptyWhenSaved?: boolean;
  /** State the form keeps outside its values (a list, a checkbox) that has changed too. */
  changed?: boolean;
  /** Ask before changes are lost (default); off for forms that hold only secrets. */
  warnUnsaved?: boolean;
  /** The sign-in form: a 401 is a wrong password, not a session that ended. */
  signingIn?: boolean;
}): ContractForm<E> {
  const { endpoint, schema, initial } = options;
  const { serverFields } = options;
  const rules = useMemo(() => {
    const source = schema ?? endpoint.body;
    return source ? rulesUnder(fieldRules(source), serverFields) : NO_RULES;
    // serverFields are fixed for the form's lifetime (often written inline).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, endpoint]);
  const start = useMemo(() => ({ ...initialWithDefaults(initial, rules) }), [initial, rules]);
  const form = useFormState(start, rules, options.checkOnBlur ?? true);
  const send = useSend(endpoint, {
    invalidates: options.invalidates ?? [],
    signingIn: options.signingIn ?? false,
  });
  const [baseline, setBaseline] = useState(start);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [saved, setSaved] = useState<Answer<E> | null>(null);

  const changed = changedFrom(baseline, form.values) || (options.changed ?? false);
  const id = useRef(Symbol('form')).current;
  const warn = options.warnUnsaved ?? true;
  useEffect(() => {
    markUnsaved(id, warn && changed);
    return () => markUnsaved(id, false);
  }, [id, warn, changed]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (send.isPending) return;
    setFailure(null);
    setDuplicateOf(null);
    const errors = errorsBeforeSending(form.values, rules, options.check);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input = options.input(form.values);
    if (input === null) {
      options.onUnchanged?.();
      return;
    }
    const values = form.values;
    send.mutateAsync(input as CallInput<E>).then(
      (answer) => {
        // Saved: nothing to warn of, also when onSaved navigates away at once.
        markUnsaved(id, false);
        const next = options.emptyWhenSaved ? start : values;
        setBaseline(next);
        if (options.emptyWhenSaved) form.reset(start);
        setSaved(answer);
        // A send that succeeded is the last send: the summary of an earlier one's errors goes.
        setAttempt((n) => n + 1);
        options.onSaved?.(answer, values);
      },
      (error: unknown) => {
        if (options.onRefused?.(error)) return;
        const outcome = outcomeOf(error, serverFields);
        form.setErrors(options.describe ? options.describe(outcome.errors) : outcome.errors);
        setDuplicateOf(outcome.duplicateOf);
        setFailure(outcome.failure);
        if (outcome.failure === null) setAttempt((n) => n + 1);
      },
    );
  };

  return {
    form,
    submit,
    busy: send.isPending,
    attempt,
    failure,
    duplicateOf,
    changed,
    saved: changed ? null : saved,
    restart: () => {
      form.reset(baseline);
      setFailure(null);
      setDuplicateOf(null);
    },
  };
}

/** The schema's defaults fill what the form's initial values leave out. */
function initialWithDefaults(initial: FormValues, rules: FieldRules): FormValues {
  const values = { ...initial };
  for (const [path, value] of Object.entries(rules.defaults)) {
    if (path in values && values[path] === '') values[path] = value;
  }
  return values;
}
