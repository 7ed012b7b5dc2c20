import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { errorsByField, type FormValues } from './form.ts';
import { RECORD_KINDS, type RecordKind } from './record-kind.ts';
import type { SavedState } from './SavedNotice.tsx';
import { useForm, type FormController } from './useForm.ts';

export type RecordForm = {
  kind: RecordKind;
  /** Editing a stored record, not creating one. */
  editing: boolean;
  form: FormController;
  submit: (event: FormEvent) => void;
  busy: boolean;
  /** Counts the sends that came back with errors: the error summary takes the focus on each. */
  attempt: number;
  /** What went wrong beyond the fields, or null. */
  failure: unknown;
  /** The id of the record that already has the identity code or business ID (a 409). */
  duplicateOf: string | null;
  /** Where "cancel" and the back link go: the stored record's page, or the search. */
  cancelTo: string;
};

/**
 * The create and edit form of a register record. Sending creates the record, or patches what
 * changed (nothing changed: back to the record); the record's page then says it was saved.
 * The server's field errors (400, 409) land on their fields; a 409 also names the duplicate.
 */
export function useRecordForm<Stored extends { id: string }, Patch extends object>({
  initial,
  required,
  stored,
  kind,
  create,
  patch,
  update,
}: {
  initial: FormValues;
  required: ReadonlySet<string>;
  stored: Stored | null;
  kind: RecordKind;
  create: (values: FormValues) => Promise<{ id: string }>;
  patch: (values: FormValues, stored: Stored) => Patch;
  update: (id: string, patch: Patch) => Promise<{ id: string }>;
}): RecordForm {
  const navigate = useNavigate();
  const basePath = RECORD_KINDS[kind].path;
  const form = useForm(initial, required);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let request: Promise<{ id: string }>;
    if (stored) {
      const changes = patch(form.values, stored);
      if (Object.keys(changes).length === 0) {
        void navigate(`${basePath}/${stored.id}`);
        return;
      }
      request = update(stored.id, changes);
    } else {
      request = create(form.values);
    }
    setBusy(true);
    setFailure(null);
    setDuplicateOf(null);
    request.then(
      (saved) => {
        const savedState: SavedState = { saved: stored ? 'updated' : 'created' };
        void navigate(`${basePath}/${saved.id}`, { state: savedState });
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
          const errors = errorsByField(error.problem.errors);
          const duplicate = error.status === 409 ? error.problem.existingId : undefined;
          setDuplicateOf(duplicate ?? null);
          if (Object.keys(errors).length === 0) setFailure(error);
          form.setErrors(errors);
        } else {
          form.setErrors({});
          setFailure(error);
        }
        setAttempt((n) => n + 1);
      },
    );
  };

  const cancelTo = stored ? `${basePath}/${stored.id}` : '/search';
  return {
    kind,
    editing: stored !== null,
    form,
    submit,
    busy,
    attempt,
    failure,
    duplicateOf,
    cancelTo,
  };
}
