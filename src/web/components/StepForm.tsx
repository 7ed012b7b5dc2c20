import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { z } from 'zod';
import type { FieldProblem } from '../client.ts';
import type { Answer, CallInput, Endpoint } from '../../contract/endpoint.ts';
import type { ServerFields } from './contract-form.ts';
import type { FormValues } from './form.ts';
import { FormErrorSummary } from './FormErrors.tsx';
import { ProblemNotice } from './Notices.tsx';
import { useContractForm, type FormController } from './useContractForm.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { checkDates } from '../routes/billing/customer/billing-format.ts';
// The forms look as the billing administration's.
import '../routes/billing/admin/billing-admin.css';

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
 * A small action form with its title, sent to one endpoint of the contract: a request's step,
 * a note, an objection, a legal hold, a rectification's decision (useContractForm: required
 * fields, lengths and ranges from the body's schema, the server's errors at their fields, a
 * warning before unsaved changes are lost). Checked when sent, not on leaving a field. `check`
 * adds what the schema cannot say (e.g. reasons the request's allowed action asks for);
 * `serverFields` puts the server's field names under the form's own (two forms on one page);
 * sent, `onDone` gets the answer.
 */
export function StepForm<E extends Endpoint>(
  props: Common & {
    endpoint: E;
    /** The rules' source when not the endpoint's body (e.g. a branch of a union). */
    schema?: z.ZodType;
    input: (values: FormValues) => CallInput<E>;
    /** The reads the change makes stale. */
    invalidates?: readonly Endpoint[];
    check?: (values: FormValues) => FieldProblem[];
    serverFields?: ServerFields;
    onDone: (answer: Answer<E>, form: FormController) => void;
  },
) {
  const { dates = [] } = props;
  const contract = useContractForm({
    endpoint: props.endpoint,
    schema: props.schema,
    serverFields: props.serverFields,
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
