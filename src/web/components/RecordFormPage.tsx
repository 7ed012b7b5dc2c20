import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Endpoint } from '../../contract/endpoint.ts';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useMe } from '../session.tsx';
import { BackLink } from './BackLink.tsx';
import { TextAreaField } from './Fields.tsx';
import { DuplicateNotice, FormErrorSummary, labelFromParts } from './FormErrors.tsx';
import { ProblemNotice } from './Notices.tsx';
import { PageHeading } from './PageHeading.tsx';
import { RECORD_KINDS, type RecordKind } from './record-kind.ts';
import type { SavedState } from './SavedNotice.tsx';
import { Section } from './Section.tsx';
import type { ContractForm } from './useContractForm.ts';

/** A register record's create or edit form (useContractForm) and where it belongs. */
export type RecordForm = ContractForm<Endpoint> & {
  kind: RecordKind;
  /** Editing a stored record, not creating one. */
  editing: boolean;
  /** Where "cancel" and the back link go: the stored record's page, or the search. */
  cancelTo: string;
};

/**
 * Where a record's form goes: after a save to the record's page, which then says it was saved;
 * with nothing changed back to the record. Give the result to useContractForm.
 */
export function useRecordNavigation(kind: RecordKind, stored: { id: string } | null) {
  const navigate = useNavigate();
  const basePath = RECORD_KINDS[kind].path;
  return {
    kind,
    editing: stored !== null,
    cancelTo: stored ? `${basePath}/${stored.id}` : '/search',
    onSaved: (saved: { id: string }) => {
      const state: SavedState = { saved: stored ? 'updated' : 'created' };
      void navigate(`${basePath}/${saved.id}`, { state });
    },
    onUnchanged: () => {
      if (stored) void navigate(`${basePath}/${stored.id}`);
    },
  };
}

/**
 * The page of a record's create or edit form: the back link, heading and intro, the error
 * summary and notices, the record's own sections (`children`), then notes and the buttons. The
 * texts are the kind's own (`person.createTitle`, `person.editTitleOf`, `person.formIntro`,
 * `person.duplicateNotice`, `person.createButton`, `nav.backToPerson`).
 */
export function RecordFormPage({
  record,
  name,
  labels,
  children,
}: {
  record: RecordForm;
  /** The stored record's name, for the title and back link of its edit form. */
  name: string;
  /** The error summary's names of the record's own fields; the shared ones are known here. */
  labels: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { kind, editing, form } = record;
  const allLabels: Record<string, string> = {
    email: t('common.email'),
    phone: t('common.phone'),
    street: t('address.street'),
    postalCode: t('address.postalCode'),
    postOffice: t('address.postOffice'),
    country: t('address.country'),
    billing: t('billing.title'),
    'billing.billingAddress': t('billing.billingAddress'),
    eInvoiceAddress: t('billing.eInvoiceAddress'),
    eInvoiceIntermediator: t('billing.eInvoiceIntermediator'),
    ovt: t('billing.ovt'),
    notes: t('common.notes'),
    ...labels,
  };

  return (
    <div className="form-page">
      <BackLink to={record.cancelTo}>
        {editing ? t(RECORD_KINDS[kind].backTo, { name }) : t('nav.toSearch')}
      </BackLink>
      <PageHeading
        title={editing ? t(`${kind}.editTitleOf`, { name }) : t(`${kind}.createTitle`)}
      />
      <Paragraph className="lead">{t(`${kind}.formIntro`)}</Paragraph>

      <FormErrorSummary
        errors={form.errors}
        attempt={record.attempt}
        labelFor={(path) => labelFromParts(path, allLabels)}
      />
      {record.duplicateOf && (
        <DuplicateNotice
          message={t(`${kind}.duplicateNotice`)}
          to={`${RECORD_KINDS[kind].path}/${record.duplicateOf}`}
        />
      )}
      {record.failure !== null && <ProblemNotice error={record.failure} />}

      <form noValidate onSubmit={record.submit} className="form">
        {children}

        <Section title={t('common.notes')}>
          <TextAreaField
            form={form}
            path="notes"
            label={t('common.notes')}
            hint={t('common.notesHint')}
          />
        </Section>

        <FormActions
          busy={record.busy}
          submitText={editing ? t('common.saveChanges') : t(`${kind}.createButton`)}
          cancelTo={record.cancelTo}
        />
      </form>
    </div>
  );
}

/** Send (for a user who may write customers) and cancel. */
function FormActions({
  busy,
  submitText,
  cancelTo,
}: {
  busy: boolean;
  submitText: string;
  cancelTo: string;
}) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <div className="form-actions">
      <Button type="submit" disabled={busy || !me.can('customers.write')}>
        {submitText}
      </Button>
      <Button variant="secondary" onClick={() => void navigate(cancelTo)}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
