import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useMutation } from '@tanstack/react-query';
import type { FieldProblem } from '../../client.ts';
import type { Answer, CallInput, Endpoint } from '../../../contract/endpoint.ts';
import { outcomeOf } from '../../components/contract-form.ts';
import type { FieldErrors, FormValues } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useContractForm, type FormController } from '../../components/useContractForm.ts';
import { useForm } from '../../components/useForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { checkDates } from '../billing/customer/billing-format.ts';
// The forms look as the billing administration's.
import '../billing/admin/billing-admin.css';

type Common = {
  title: string;
  intro?: ReactNode;
  initial: FormValues;
  /** Date fields: a text that is not a date is named before anything is sent. */
  dates?: readonly string[];
  /** The fields' labels for the error summary; `status` names the request's status. */
  labels: Record<string, string>;
  submitText: string;
  /** A form opened from a button: its title takes the focus, and Cancel closes it. */
  onCancel?: () => void;
  children?: (form: FormController) => ReactNode;
};

/** The hook's input for E: CallInput<E>, which TypeScript cannot resolve for a generic E. */
type HookInput<E extends Endpoint> = ReturnType<Parameters<typeof useContractForm<E>>[0]['input']>;

/**
 * One form of a request's page (a step, the extension, a note) on the contract's endpoint
 * (useContractForm: required fields and lengths from the body's schema, the server's errors at
 * their fields, a warning before unsaved changes are lost). `check` adds what the request's
 * allowed action says it needs (e.g. reasons for a refusal); sent, `onDone` gets the answer.
 */
export function ContractStepForm<E extends Endpoint>(
  props: Common & {
    endpoint: E;
    input: (values: FormValues) => CallInput<E>;
    /** The reads the change makes stale. */
    invalidates?: readonly Endpoint[];
    check?: (values: FormValues) => FieldProblem[];
    onDone: (answer: Answer<E>, form: FormController) => void;
  },
) {
  const { dates = [] } = props;
  const contract = useContractForm({
    endpoint: props.endpoint,
    initial: props.initial,
    input: props.input as (values: FormValues) => HookInput<E>,
    invalidates: props.invalidates ?? [],
    check: (values) => [
      ...Object.values(checkDates(values, dates)),
      ...(props.check?.(values) ?? []),
    ],
    checkOnBlur: false,
    onSaved: (answer) => props.onDone(answer, contract.form),
  });
  return (
    <StepFormView
      {...props}
      form={dropErrorWhenChanged(contract.form)}
      submit={contract.submit}
      busy={contract.busy}
      attempt={contract.attempt}
      failure={contract.failure}
    />
  );
}

/**
 * The same form sent by `run` (a download, several calls), for the callers outside the requests
 * not yet on ContractStepForm (rectification, objections, legal holds, the mailing list): its
 * required fields given by hand, its field errors landing at their fields.
 */
export function StepForm<T>(
  props: Common & {
    required?: readonly string[];
    run: (values: FormValues) => Promise<T>;
    onDone: (result: T, form: FormController) => void;
  },
) {
  const { required = [], dates = [] } = props;
  const base = useForm(props.initial, new Set<string>());
  const form = dropErrorWhenChanged(base);
  const [attempt, setAttempt] = useState(0);
  const send = useMutation({ mutationFn: props.run });
  const failure = send.error === null ? null : outcomeOf(send.error).failure;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.reset();
    const problems: FieldErrors = { ...requiredProblems(form.values, required) };
    Object.assign(problems, checkDates(form.values, dates));
    form.setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    send.mutate(form.values, {
      onSuccess: (result) => props.onDone(result, form),
      onError: (error) => {
        const outcome = outcomeOf(error);
        form.setErrors(outcome.errors);
        if (outcome.failure === null) setAttempt((n) => n + 1);
      },
    });
  };
  return (
    <StepFormView
      {...props}
      form={form}
      submit={submit}
      busy={send.isPending}
      attempt={attempt}
      failure={failure}
    />
  );
}

function requiredProblems(values: FormValues, required: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of required) {
    if ((values[path] ?? '').trim() === '') {
      errors[path] = { field: path, code: 'required', message: '' };
    }
  }
  return errors;
}

/** Checked when sent; a field changed since then drops its error. */
function dropErrorWhenChanged(base: FormController): FormController {
  return {
    ...base,
    set: (path, value) => {
      base.set(path, value);
      if (base.errors[path]) {
        base.setErrors(
          Object.fromEntries(Object.entries(base.errors).filter(([field]) => field !== path)),
        );
      }
    },
    blur: () => undefined,
  };
}

function StepFormView({
  title,
  intro,
  labels,
  submitText,
  onCancel,
  children,
  form,
  submit,
  busy,
  attempt,
  failure,
}: Common & {
  form: FormController;
  submit: (event: FormEvent) => void;
  busy: boolean;
  attempt: number;
  failure: unknown;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = onCancel !== undefined;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);
  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="billing-admin__form">
      <h3
        id={titleId}
        ref={heading}
        tabIndex={opened ? -1 : undefined}
        className="billing-admin__form-title"
      >
        {title}
      </h3>
      {intro && <Paragraph mb="s">{intro}</Paragraph>}
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      {children && <div className="field-grid">{children(form)}</div>}
      <div className="billing-admin__actions">
        <Button type="submit" disabled={busy}>
          {submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
