import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import type { PersonView } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BackToSearch } from '../routes/search/last-search.tsx';
import { useMe } from '../session.tsx';
import { AddressText } from './AddressText.tsx';
import { ArchiveAction } from './ArchiveAction.tsx';
import { DataList } from './DataList.tsx';
import { PageHeading } from './PageHeading.tsx';
import { RECORD_KINDS, type RecordKind } from './record-kind.ts';
import { RecordDates } from './RecordDates.tsx';
import { SavedNotice } from './SavedNotice.tsx';
import { Section } from './Section.tsx';

type Billing = NonNullable<PersonView['billing']>;

type StoredRecord = {
  id: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * The page of one register record: its kind and name, badges, edit and archive (while not
 * archived, for who may), its summary, the saved and archived notices, the record's own parts
 * (`children`: tabs), then its dates. The texts are the kind's own (`kind.person`,
 * `person.archiveTitle`, `person.archiveExplanation`, `person.archivedExplanation`).
 */
export function RecordPage({
  kind,
  record,
  title,
  badge,
  summary,
  notices,
  onArchive,
  children,
}: {
  kind: RecordKind;
  record: StoredRecord;
  title: string;
  /** Badges of the record's own, before "archived". */
  badge?: ReactNode;
  /** The record at a glance, under its name: what a reader needs before choosing a tab. */
  summary?: ReactNode;
  /** Notices of the record's own, after the archived notice. */
  notices?: ReactNode;
  onArchive: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const archived = record.archivedAt !== null;

  return (
    <article className="record">
      <BackToSearch />
      <div className="record__head">
        <div>
          <p className="record__kind">{t(`kind.${kind}`)}</p>
          <PageHeading title={title} />
          {(badge || archived) && (
            <div className="badges">
              {badge}
              {archived && <span className="badge">{t('common.archived')}</span>}
            </div>
          )}
        </div>
        <div className="record__actions">
          {!archived && me.can('customers.write') && (
            <Button onClick={() => void navigate(`${RECORD_KINDS[kind].path}/${record.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
          {!archived && me.can('customers.archive') && (
            <ArchiveAction
              title={t(`${kind}.archiveTitle`, { name: title })}
              explanation={t(`${kind}.archiveExplanation`)}
              onConfirm={onArchive}
            />
          )}
        </div>
      </div>

      {summary}
      <SavedNotice state={location.state as unknown} />
      {record.archivedAt !== null && (
        <InlineAlert className="notice" labelText={t('common.archived')}>
          {t(`${kind}.archivedExplanation`, { date: formatDate(record.archivedAt) })}
        </InlineAlert>
      )}
      {notices}

      {children}
      <RecordDates createdAt={record.createdAt} updatedAt={record.updatedAt} />
    </article>
  );
}

/** The record's notes, unless a contractor's contract leaves them out (`undefined`). */
export function NotesSection({ notes }: { notes: string | null | undefined }) {
  const { t } = useI18n();
  if (notes === undefined) return null;
  return (
    <Section title={t('common.notes')} className="record__wide">
      {notes ? <p className="notes">{notes}</p> : <p className="muted">{t('common.noNotes')}</p>}
    </Section>
  );
}

/**
 * A record's billing data. Where the reader may not see a protected address (`hidden`), a
 * billing address the record has is shown as protected.
 */
export function BillingSection({
  billing,
  protectedAddress = false,
  hidden = false,
}: {
  billing: Billing | null;
  protectedAddress?: boolean;
  hidden?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Section title={t('billing.title')}>
      <DataList
        items={[
          {
            label: t('billing.billingAddress'),
            value:
              billing?.billingAddress || (hidden && billing) ? (
                <AddressText
                  address={billing?.billingAddress ?? null}
                  protectedAddress={protectedAddress}
                />
              ) : null,
          },
          { label: t('billing.eInvoiceAddress'), value: billing?.eInvoiceAddress },
          { label: t('billing.eInvoiceIntermediator'), value: billing?.eInvoiceIntermediator },
          { label: t('billing.ovt'), value: billing?.ovt },
        ]}
      />
    </Section>
  );
}
