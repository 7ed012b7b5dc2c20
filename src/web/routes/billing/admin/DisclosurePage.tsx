import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../../components/BackLink.tsx';
import { DataList } from '../../../components/DataList.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RecordLoader } from '../../../components/RecordLoader.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { CountryText } from '../../partners/PartnersPage.tsx';
import { DataSubjectRecipient } from '../../requests/access/DataSubjectRecipient.tsx';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureDetail } from '../../../../contract/disclosures/disclosures.schemas.ts';
import { takeMadeFile } from './disclosure-form.ts';
import { MadeFileNotice } from './DisclosureFormPage.tsx';
import { LEGAL_BASIS_LABELS, OMISSION_LABELS } from './disclosure-register.ts';
import { DisclosedBy, FlaggedText } from './DisclosureRegisterPage.tsx';
import './billing-admin.css';

/** One disclosure: to whom, why, by whom, and for each person the fields sent and left out. */
export function DisclosurePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  // Just made on the form: its file, offered on this page only (the register does not keep it).
  const [madeFile] = useState(() => takeMadeFile(id));

  return (
    <div className="billing-admin">
      <BackLink to="/disclosures">{t('disclosureRegister.backToList')}</BackLink>
      <RecordLoader endpoint={disclosuresApi.get} failedTitle="disclosureRegister.pageTitle">
        {(disclosure) => (
          <DisclosureDetails
            disclosure={disclosure}
            made={madeFile && <MadeFileNotice file={madeFile} />}
          />
        )}
      </RecordLoader>
    </div>
  );
}

function DisclosureDetails({
  disclosure,
  made,
}: {
  disclosure: DisclosureDetail;
  made: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading
        title={t('disclosureRegister.detailTitle', {
          name: disclosure.partner?.name ?? t('access.toDataSubject'),
          time: formatDateTime(disclosure.disclosedAt),
        })}
      />
      {made}
      <Section title={t('disclosureRegister.summaryTitle')}>
        <DataList
          items={[
            {
              label: t('disclosureRegister.disclosedAt'),
              value: formatDateTime(disclosure.disclosedAt),
            },
            ...(disclosure.partner
              ? [
                  { label: t('disclosureRegister.partner'), value: disclosure.partner.name },
                  {
                    label: t('disclosureRegister.country'),
                    value: <CountryText partner={disclosure.partner} />,
                  },
                ]
              : [
                  {
                    label: t('disclosures.recipient'),
                    value: <DataSubjectRecipient disclosure={disclosure} />,
                  },
                ]),
            // A transfer safeguard applies only outside the EU/EEA.
            ...(disclosure.partner?.inEea !== false
              ? []
              : [
                  {
                    label: t('disclosureRegister.transferSafeguard'),
                    value: disclosure.transferSafeguard
                      ? t(`partners.safeguard.${disclosure.transferSafeguard}`)
                      : null,
                  },
                ]),
            {
              label: t('disclosureRegister.legalBasis'),
              value: t(LEGAL_BASIS_LABELS[disclosure.legalBasis]),
            },
            { label: t('disclosureRegister.purpose'), value: disclosure.purpose },
            {
              label: t('disclosureRegister.disclosedBy'),
              value: <DisclosedBy by={disclosure.disclosedBy} />,
            },
            { label: t('disclosureRegister.subjectCount'), value: String(disclosure.subjectCount) },
            { label: t('disclosureRegister.recordCount'), value: String(disclosure.recordCount) },
            ...(disclosure.invoiceCount > 0
              ? [
                  {
                    label: t('disclosureRegister.invoiceCount'),
                    value: String(disclosure.invoiceCount),
                  },
                ]
              : []),
            { label: t('disclosureRegister.fields'), value: disclosure.fields.join(', ') },
            {
              label: t('disclosureRegister.flagged'),
              value: <FlaggedText flagged={disclosure.flagged} />,
            },
          ]}
        />
      </Section>

      <Section title={t('disclosureRegister.fileTitle')}>
        <Paragraph mb="m">{t('disclosureRegister.fileNotKept')}</Paragraph>
        <DataList
          items={[
            { label: t('disclosureRegister.fileName'), value: disclosure.file.name },
            {
              label: t('disclosureRegister.fileFormat'),
              value: disclosure.file.format.toUpperCase(),
            },
            {
              label: t('disclosureRegister.fileSha256'),
              value: <code className="billing-admin__hash">{disclosure.file.sha256}</code>,
            },
          ]}
        />
      </Section>

      <Section title={t('disclosureRegister.subjectsTitle')}>
        <SubjectTable subjects={disclosure.subjects} fields={disclosure.fields} />
      </Section>
    </>
  );
}

function SubjectTable({
  subjects,
  fields,
}: {
  subjects: DisclosureDetail['subjects'];
  fields: DisclosureDetail['fields'];
}) {
  const { t } = useI18n();
  const me = useMe();
  const link = me.can('customers.read');
  return (
    <div className="log-table__scroll">
      <table className="log-table">
        <caption className="visually-hidden">{t('disclosureRegister.subjectsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosureRegister.subject')}</th>
            <th scope="col">{t('disclosureRegister.fieldsSent')}</th>
            <th scope="col">{t('disclosureRegister.fieldsOmitted')}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((subject) => {
            const name = subject.name ?? t('disclosureRegister.subjectGone');
            // In the file's order (the record keeps them in no particular order).
            const omitted = Object.entries(subject.omitted).sort(
              ([a], [b]) => fields.indexOf(a) - fields.indexOf(b),
            );
            return (
              <tr key={subject.id}>
                <th scope="row">
                  {link && subject.kind ? (
                    <RouterLink
                      asComponent={Link}
                      to={`/${subject.kind === 'person' ? 'persons' : 'organizations'}/${subject.id}`}
                    >
                      {name}
                    </RouterLink>
                  ) : (
                    name
                  )}
                </th>
                <td className="billing-admin__fields">{subject.fields.join(', ')}</td>
                <td>
                  {omitted.length === 0 ? (
                    <span className="muted">{t('disclosureRegister.nothingOmitted')}</span>
                  ) : (
                    <ul className="log-table__list">
                      {omitted.map(([field, reason]) => (
                        <li key={field}>
                          {field}: {t(OMISSION_LABELS[reason])}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
