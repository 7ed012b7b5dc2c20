import { useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { ApiError } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { errorsBeforeSending } from '../../../components/contract-form.ts';
import { errorsByField, type FieldErrors, type FormValues } from '../../../components/form.ts';
import { problemKey } from '../../../components/Notices.tsx';
import { fieldRules } from '../../../components/schema-rules.ts';
import { useFormState, type FormController } from '../../../components/useContractForm.ts';
import { useSend } from '../../../data.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { Answer, CallInput, Endpoint } from '../../../../contract/endpoint.ts';
import { BILLING_READS } from './customer-list.tsx';

/**
 * The dialog's fields and their starting values. The endpoint's schema says which are required
 * and how long each may be; `required` adds one the schema cannot say (one of two members).
 */
export type DialogFields = { initial: FormValues; required?: readonly string[] };

const NO_FIELDS: DialogFields = { initial: {} };

type DialogAction<E extends Endpoint> = {
  /** The endpoint the action calls, and its input from the dialog's values. */
  endpoint: E;
  input: (values: FormValues) => CallInput<E>;
  fields?: DialogFields;
  /** Errors found before sending beyond the schema's; empty when the values may be sent. */
  check?: (values: FormValues) => FieldErrors;
  /** Done: the action's answer (e.g. what happened, for the status line). */
  onDone: (answer: Answer<E>) => void;
};

/**
 * A button that opens a dialog asking for what an action needs (`fields`), then calls its
 * endpoint (useSend, which makes the customer's billing lists stale). The errors — the form's
 * own and the server's, by their codes — show inside the dialog, each on its field. Cancelled,
 * the focus returns to the button.
 */
export function ActionDialog<E extends Endpoint>({
  label,
  accessibleLabel,
  title,
  explanation,
  confirmText,
  children,
  secondary = true,
  ...action
}: DialogAction<E> & {
  label: string;
  /** The button's name with its object, e.g. "Credit invoice 5001". */
  accessibleLabel?: string;
  title: string;
  explanation: string;
  confirmText: string;
  children?: (form: FormController) => ReactNode;
  secondary?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <>
      <Button
        variant={secondary ? 'secondary' : 'default'}
        ref={opener}
        aria-label={accessibleLabel}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      {open && (
        <OpenDialog
          {...action}
          {...{ title, explanation, confirmText, children, opener }}
          onCancel={cancel}
          onDone={(answer: Answer<E>) => {
            // The button may go with the change: the section's status line takes the focus.
            setOpen(false);
            action.onDone(answer);
          }}
        />
      )}
    </>
  );
}

function OpenDialog<E extends Endpoint>({
  endpoint,
  input,
  fields = NO_FIELDS,
  check,
  onDone,
  title,
  explanation,
  confirmText,
  children,
  opener,
  onCancel,
}: DialogAction<E> & {
  title: string;
  explanation: string;
  confirmText: string;
  children?: ((form: FormController) => ReactNode) | undefined;
  opener: RefObject<HTMLButtonElement | null>;
  onCancel: () => void;
}) {
  const { t, errorText } = useI18n();
  const rules = useMemo(() => {
    const schema = fieldRules(endpoint.body);
    return { ...schema, required: new Set([...schema.required, ...(fields.required ?? [])]) };
  }, [endpoint, fields.required]);
  const form = useFormState(fields.initial, rules);
  const send = useSend(endpoint, { invalidates: BILLING_READS });
  const [problems, setProblems] = useState<string[]>([]);

  const confirm = () => {
    const errors = errorsBeforeSending(form.values, rules, (values) =>
      Object.values(check?.(values) ?? {}),
    );
    form.setErrors(errors);
    setProblems([]);
    if (Object.keys(errors).length > 0) return;
    send.mutate(input(form.values), {
      onSuccess: onDone,
      onError: (error) => {
        const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
        form.setErrors(errorsByField(fieldErrors));
        // An error of a field the dialog shows is told at the field; the rest (the order's
        // status, the invoice itself) above the buttons.
        const others = fieldErrors.filter((problem) => !(problem.field in fields.initial));
        setProblems(
          fieldErrors.length === 0
            ? [t(problemKey(error))]
            : others.map((problem) => errorText(problem)),
        );
      },
    });
  };

  return (
    <ConfirmDialog
      open
      title={title}
      explanation={explanation}
      failure={null}
      busy={send.isPending}
      confirmText={confirmText}
      onConfirm={confirm}
      onCancel={onCancel}
      opener={opener}
    >
      <div className="billing-dialog">
        {children?.(form)}
        {problems.length > 0 && (
          <InlineAlert status="error" role="alert" className="notice">
            <ul className="plain-list">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </InlineAlert>
        )}
      </div>
    </ConfirmDialog>
  );
}
