import { useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { ApiError } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { errorsByField, type FieldErrors, type FormValues } from '../../../components/form.ts';
import { problemKey } from '../../../components/Notices.tsx';
import { useForm, type FormController } from '../../../components/useForm.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

/** A field a dialog requires, with its label for the error list. */
export type DialogFields = { initial: FormValues; required?: readonly string[] };

const NO_FIELDS: DialogFields = { initial: {} };

/**
 * A button that opens a dialog asking for what an action needs (`fields`), then does it. The
 * errors — the form's own (`check`) and the server's, by their codes — show inside the dialog,
 * each on its field. Cancelled, the focus returns to the button; done, `onDone` gets the
 * action's answer (and says what happened, where the focus goes).
 */
export function ActionDialog<T>({
  label,
  accessibleLabel,
  title,
  explanation,
  confirmText,
  fields = NO_FIELDS,
  children,
  check,
  run,
  onDone,
  secondary = true,
}: {
  label: string;
  /** The button's name with its object, e.g. "Credit invoice 5001". */
  accessibleLabel?: string;
  title: string;
  explanation: string;
  confirmText: string;
  fields?: DialogFields;
  children?: (form: FormController) => ReactNode;
  /** Errors found before sending; empty when the values may be sent. */
  check?: (values: FormValues) => FieldErrors;
  /** Does the action; its answer goes to `onDone` (e.g. what happened, for the status line). */
  run: (values: FormValues) => Promise<T>;
  onDone: (result: T) => void;
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
          {...{ title, explanation, confirmText, fields, children, check, run, opener }}
          onCancel={cancel}
          onDone={(result: T) => {
            // The button may go with the change: the section's status line takes the focus.
            setOpen(false);
            onDone(result);
          }}
        />
      )}
    </>
  );
}

function OpenDialog<T>({
  title,
  explanation,
  confirmText,
  fields,
  children,
  check,
  run,
  opener,
  onCancel,
  onDone,
}: {
  title: string;
  explanation: string;
  confirmText: string;
  fields: DialogFields;
  children?: ((form: FormController) => ReactNode) | undefined;
  check?: ((values: FormValues) => FieldErrors) | undefined;
  run: (values: FormValues) => Promise<T>;
  opener: RefObject<HTMLButtonElement | null>;
  onCancel: () => void;
  onDone: (result: T) => void;
}) {
  const { t, errorText } = useI18n();
  const form = useForm(fields.initial, new Set(fields.required));
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const confirm = () => {
    const required: FieldErrors = {};
    for (const path of fields.required ?? []) {
      if ((form.values[path] ?? '').trim() === '') {
        required[path] = { field: path, code: 'required', message: '' };
      }
    }
    const errors = { ...required, ...check?.(form.values) };
    form.setErrors(errors);
    setProblems([]);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    run(form.values).then(onDone, (error: unknown) => {
      setBusy(false);
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
    });
  };

  return (
    <ConfirmDialog
      open
      title={title}
      explanation={explanation}
      failure={null}
      busy={busy}
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
