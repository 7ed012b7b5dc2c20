import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';
import type { Endpoint } from '../../../contract/endpoint.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { DataList, type DataItem } from '../../components/DataList.tsx';
import { changedFields, type FormValues } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loading } from '../../components/Notices.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { useContractForm, type FormController } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClientProblem } from './ClientProblem.tsx';
import { formatProblems, type Converted } from './client-forms.ts';

export type Authored = {
  id: string;
  author: string;
  authorFullName: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * One category's endpoints in the contract: its list (read naming the purpose), a new entry
 * (whose schema gives the form's required fields and lengths) and a correction. Typed loosely
 * here: the spec pairs them with the category's view `V` and input `I`.
 */
export type CategoryEndpoints = { list: Endpoint; create: Endpoint; correct: Endpoint };

/** One category of a client's records: how it loads, reads, shows and is written. */
export type PanelSpec<V extends Authored, I extends Record<string, unknown>> = {
  endpoints: CategoryEndpoints;
  personId: string;
  purpose: string;
  /** What a correction sends of the changed fields (default: all of them). */
  patch?: (changed: Partial<I>) => Partial<I>;
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

/** The entries of a category: what `useCall` answers for its list endpoint. */
function useEntries<V>(spec: PanelSpec<Authored, Record<string, unknown>>) {
  const list = useCall(spec.endpoints.list, {
    params: { id: spec.personId },
    query: { purpose: spec.purpose },
  } as never);
  return { ...list, data: list.data as { items: V[] } | undefined };
}

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
  const list = useEntries<V>(spec as unknown as PanelSpec<Authored, Record<string, unknown>>);
  const [editing, setEditing] = useState<{ item: V | null } | null>(null);
  const [statusLine, setMessage] = useStatusMessage('social-status');
  const addButton = useRef<HTMLButtonElement>(null);

  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
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
      {list.isPending && <Loading />}
      {list.isError && <ClientProblem error={list.error} />}
      {list.data &&
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
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: item ? spec.endpoints.correct : spec.endpoints.create,
    schema: spec.endpoints.create.body,
    initial,
    // Text that is not of its kind (a date, euros, an IBAN) is pointed out before sending.
    check: (values) => formatProblems(spec.convert(values)),
    input: (values: FormValues) => {
      const converted = spec.convert(values).input;
      if (!converted) return null;
      if (!item) return { params: { id: spec.personId }, body: converted } as never;
      // A correction sends only what changed.
      const before = spec.convert(initial).input;
      const changed = before ? changedFields(before, converted) : converted;
      if (Object.keys(changed).length === 0) return null;
      return {
        params: { id: spec.personId, recordId: item.id },
        body: spec.patch ? spec.patch(changed) : changed,
      } as never;
    },
    invalidates: [spec.endpoints.list],
    onSaved,
    onUnchanged: onCancel,
  });

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
