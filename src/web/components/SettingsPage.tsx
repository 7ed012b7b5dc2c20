import { useState } from 'react';
import type { ReactNode } from 'react';
import { InlineAlert, Paragraph } from 'suomifi-ui-components';
import { useQueryClient } from '@tanstack/react-query';
import type { Answer, Endpoint } from '../../contract/endpoint.ts';
import { isConflictWithCode } from '../client.ts';
import { queryKeyOf, useCall } from '../data.ts';
import { formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n/catalogues.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Loaded } from './Loaded.tsx';
import { ProblemNotice } from './Notices.tsx';
import { PageHeading } from './PageHeading.tsx';
import type { FormController } from './useContractForm.ts';

/** What a settings form gets from its page: the stored settings and what to tell on a change. */
export type SettingsFormProps<V> = {
  settings: V | null;
  onSaved: (next: V) => void;
  onEdited: () => void;
};

/** The form's controller, telling the page of each edit (the "saved" notice then goes). */
export const editedFirst = (form: FormController, onEdited: () => void): FormController => ({
  ...form,
  set: (path, value) => {
    onEdited();
    form.set(path, value);
  },
});

/**
 * A page of one settings row (billing, the public pages): its heading and lead, the notice of a
 * save, a warning until the first save (the server's 409 `missingCode`) or when it was last
 * changed, and the form, started again from what the server stored after each save.
 */
export function SettingsPage<E extends Endpoint>({
  read,
  missingCode,
  className,
  texts,
  lead,
  form,
  after,
}: {
  read: E;
  missingCode: string;
  className?: string;
  texts: {
    title: MessageKey;
    intro: MessageKey;
    saved: MessageKey;
    notSetUp: MessageKey;
    lastChanged: MessageKey;
  };
  /** More of the page under the lead (a link). */
  lead?: ReactNode;
  form: (props: SettingsFormProps<Answer<E>>) => ReactNode;
  /** More of the page under the form (a list). */
  after?: ReactNode;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  // A settings read takes no input (TypeScript cannot see that through the generic endpoint).
  const settings = useCall(read, {} as never);
  const [saved, setSaved] = useState(false);
  const shown = (stored: Answer<E> | null) => (
    <div key={(stored as { updatedAt?: string } | null)?.updatedAt ?? 'new'}>
      {stored === null ? (
        <InlineAlert status="warning" className="notice">
          {t(texts.notSetUp)}
        </InlineAlert>
      ) : (
        <p className="muted">
          {t(texts.lastChanged, {
            time: formatDateTime((stored as { updatedAt: string }).updatedAt),
          })}
        </p>
      )}
      {form({
        settings: stored,
        onSaved: (next) => {
          client.setQueryData(queryKeyOf(read, {}), next);
          setSaved(true);
        },
        onEdited: () => setSaved(false),
      })}
    </div>
  );
  return (
    <div className={`form-page ${className ?? ''}`}>
      <PageHeading title={t(texts.title)} />
      <Paragraph className="lead">{t(texts.intro)}</Paragraph>
      {lead}
      <div role="status">
        {saved && <InlineAlert className="notice notice--success">{t(texts.saved)}</InlineAlert>}
      </div>
      <Loaded
        query={settings}
        failed={(error) =>
          isConflictWithCode(error, missingCode) ? shown(null) : <ProblemNotice error={error} />
        }
      >
        {shown}
      </Loaded>
      {after}
    </div>
  );
}
