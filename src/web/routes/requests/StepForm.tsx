import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { errorsByField, type FormValues } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useForm, type FormController } from '../../components/useForm.ts';
import { stepProblems } from './requests.ts';
// The forms look as the billing administration's.
import '../billing/admin/billing-admin.css';

/**
 * One form of a request's page (a step, the extension, a note): its fields checked before
 * sending, then the server's errors — by their codes, in the reader's language — at the fields
 * and in the summary above them. Sent, `onDone` gets the server's answer.
 */
export function StepForm<T>({
  title,
  intro,
  initial,
  required = [],
  dates = [],
  labels,
  submitText,
  run,
  onDone,
  children,
}: {
  title: string;
  intro?: ReactNode;
  initial: FormValues;
  required?: readonly string[];
  dates?: readonly string[];
  /** The fields' labels for the error summary; `status` names the request's status. */
  labels: Record<string, string>;
  submitText: string;
  run: (values: FormValues) => Promise<T>;
  onDone: (result: T, form: FormController) => void;
  children?: (form: FormController) => ReactNode;
}) {
  const titleId = useId();
  const base = useForm(initial, new Set<string>());
  // Checked when sent; a field changed since then drops its error.
  const form: FormController = {
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
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems = stepProblems(form.values, required, dates);
    form.setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    run(form.values).then(
      (result) => {
        setBusy(false);
        onDone(result, form);
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.problem.errors?.length) {
          form.setErrors(errorsByField(error.problem.errors));
          setAttempt((n) => n + 1);
        } else {
          setFailure(error);
        }
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="billing-admin__form">
      <h3 id={titleId} className="billing-admin__form-title">
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
      </div>
    </form>
  );
}
