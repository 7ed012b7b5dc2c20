import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { DataList, type DataItem } from '../../components/DataList.tsx';
import {
  changedFields,
  errorsByField,
  type FieldErrors,
  type FormValues,
} from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loading } from '../../components/Notices.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { useForm, type FormController } from '../../components/useForm.ts';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClientProblem } from './ClientProblem.tsx';
import type { Converted } from './client-forms.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';

export type Authored = {
  id: string;
  author: string;
  authorFullName: string | null;
  createdAt: string;
  updatedAt: string;
};

/** One category of a client's records: how it loads, reads, shows and is written. */
export type PanelSpec<V extends Authored, I extends Record<string, unknown>> = {
  /** Names the list for loading: a new key loads it anew. */
  key: string;
  load: (signal: AbortSignal) => Promise<{ items: V[] }>;
  add: (input: I) => Promise<unknown>;
  correct: (id: string, patch: Partial<I>) => Promise<unknown>;
  texts: { add: string; none: string; newTitle: string; correctTitle: string };
  /** The form's values for a new entry (no item) or for correcting one. */
  values: (item?: V) => FormValues;
  convert: (values: FormValues) => Converted<I>;
  /** Field labels by the API's field name, for the error summary. */
  labels: Record<string, string>;
  fields: (form: FormController, item: V | null) => ReactNode;
  /** The entry in words, e.g. for the "correct" button's name. */
  title: (item: V) => string;
  heading?: (item: V) => ReactNode;
  facts: (item: V) => DataItem[];
  /** Whether this entry is corrected here (a relation recorded on the relative is not). */
  canCorrect?: (item: V) => boolean;
};

const NOTHING_REQUIRED: ReadonlySet<string> = new Set();

/**
 * The entries of one category, newest first, each with its author and time. A worker of the
 * client's unit adds entries and corrects them in place; after breaking the glass, read only.
 */
export function RecordPanel<V extends Authored, I extends Record<string, unknown>>({
  spec,
  readOnly,
}: {
  spec: PanelSpec<V, I>;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [list, , reload] = useResource(spec.key, spec.load);
  const [editing, setEditing] = useState<{ item: V | null } | null>(null);
  const [statusLine, setMessage] = useStatusMessage('social-status');
  const addButton = useRef<HTMLButtonElement>(null);

  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
    reload();
  };
  const cancel = () => {
    setEditing(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <div className="entries">
      {statusLine}
      {!readOnly &&
        (editing?.item === null ? (
          <EntryForm
            spec={spec}
            item={null}
            onSaved={() => saved(t('social.entryAdded'))}
            onCancel={cancel}
          />
        ) : (
          <Button
            variant="secondary"
            ref={addButton}
            onClick={() => {
              setMessage(null);
              setEditing({ item: null });
            }}
          >
            {spec.texts.add}
          </Button>
        ))}
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <ClientProblem error={list.error} />}
      {list.state === 'ready' &&
        (list.data.items.length === 0 ? (
          <p className="muted entries__none">{spec.texts.none}</p>
        ) : (
          <ul className="entries__list">
            {list.data.items.map((item) => (
              <li key={item.id} className="entry">
                {editing?.item?.id === item.id ? (
                  <EntryForm
                    spec={spec}
                    item={item}
                    onSaved={() => saved(t('social.entryCorrected'))}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <div className="entry__head">
                      <h4 className="entry__title">{spec.heading?.(item) ?? spec.title(item)}</h4>
                      {!readOnly && (spec.canCorrect?.(item) ?? true) && (
                        <Button
                          variant="secondaryNoBorder"
                          aria-label={t('social.correctNamed', { name: spec.title(item) })}
                          onClick={() => {
                            setMessage(null);
                            setEditing({ item });
                          }}
                        >
                          {t('social.correct')}
                        </Button>
                      )}
                    </div>
                    <DataList items={spec.facts(item)} />
                    <p className="entry__meta">
                      {t('social.recordedBy', {
                        author: staffName({ username: item.author, fullName: item.authorFullName }),
                        date: formatDateTime(item.createdAt),
                      })}
                      {item.updatedAt !== item.createdAt &&
                        ` · ${t('common.updated', { date: formatDateTime(item.updatedAt) })}`}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

/** A new entry, or a correction that sends only the fields that changed. */
function EntryForm<V extends Authored, I extends Record<string, unknown>>({
  spec,
  item,
  onSaved,
  onCancel,
}: {
  spec: PanelSpec<V, I>;
  item: V | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const [initial] = useState(() => spec.values(item ?? undefined));
  // The errors change only when the form is sent (see the staff forms).
  const form: FormController = { ...useForm(initial, NOTHING_REQUIRED), blur: () => undefined };
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const showErrors = (errors: FieldErrors) => {
    form.setErrors(errors);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const converted = spec.convert(form.values);
    if (converted.errors) {
      showErrors(converted.errors);
      return;
    }
    form.setErrors({});
    let sent: Promise<unknown>;
    if (item) {
      const before = spec.convert(initial).input;
      const patch = before ? changedFields(before, converted.input) : converted.input;
      if (Object.keys(patch).length === 0) {
        onCancel();
        return;
      }
      sent = spec.correct(item.id, patch);
    } else {
      sent = spec.add(converted.input);
    }
    setBusy(true);
    sent.then(onSaved, (error: unknown) => {
      setBusy(false);
      // Errors of the form's own fields go next to them; others (a destroyed key) above it.
      const fields = error instanceof ApiError ? errorsByField(error.problem.errors) : {};
      if (Object.keys(fields).some((field) => field in spec.labels)) showErrors(fields);
      else setFailure(error);
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="entry-form">
      <h4 id={titleId} className="entry-form__title">
        {item ? spec.texts.correctTitle : spec.texts.newTitle}
      </h4>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => spec.labels[path] ?? path}
      />
      {failure !== null && <ClientProblem error={failure} />}
      <div className="field-grid">{spec.fields(form, item)}</div>
      <div className="entry-form__actions">
        <Button type="submit" disabled={busy}>
          {t('social.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
