import { useMemo } from 'react';
import type { OrganizationView } from '../../../contract/organizations/organizations.schemas.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import { call } from '../../client.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { BillingFields } from '../../components/BillingFields.tsx';
import { ContactFields } from '../../components/ContactFields.tsx';
import { TextField } from '../../components/Fields.tsx';
import { RecordFormPage } from '../../components/RecordFormPage.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { useRecordForm } from '../../components/useRecordForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  ORGANIZATION_REQUIRED,
  organizationCreateInput,
  organizationPatchInput,
  organizationValues,
} from './organization-form.ts';

export const loadOrganization = (id: string, signal: AbortSignal) =>
  call(organizationsApi.get, { params: { id } }, { signal });

export function OrganizationCreatePage() {
  return <OrganizationFormPage stored={null} />;
}

export function OrganizationEditPage() {
  return (
    <RecordLoader kind="organization" load={loadOrganization} failedTitle="organization.editTitle">
      {(organization) => <OrganizationFormPage stored={organization} key={organization.id} />}
    </RecordLoader>
  );
}

function OrganizationFormPage({ stored }: { stored: OrganizationView | null }) {
  const { t } = useI18n();
  const initial = useMemo(() => organizationValues(stored), [stored]);
  const record = useRecordForm({
    initial,
    required: ORGANIZATION_REQUIRED,
    stored,
    kind: 'organization',
    create: (values) => call(organizationsApi.create, { body: organizationCreateInput(values) }),
    patch: organizationPatchInput,
    update: (id, body) => call(organizationsApi.update, { params: { id }, body }),
  });
  const { form } = record;

  return (
    <RecordFormPage
      record={record}
      name={stored?.name ?? ''}
      labels={{
        name: t('organization.name'),
        businessId: t('organization.businessId'),
        postalAddress: t('organization.postalAddress'),
        visitingAddress: t('organization.visitingAddress'),
      }}
    >
      <Section title={t('organization.basicInformation')}>
        <div className="field-grid">
          <TextField
            form={form}
            path="name"
            label={t('organization.name')}
            className="span-all"
            required
          />
          <TextField
            form={form}
            path="businessId"
            label={t('organization.businessId')}
            hint={t('organization.businessIdHint')}
          />
          <ContactFields form={form} />
        </div>
      </Section>

      <Section title={t('organization.addresses')}>
        <AddressFields
          form={form}
          prefix="postalAddress"
          legend={t('organization.postalAddress')}
        />
        <AddressFields
          form={form}
          prefix="visitingAddress"
          legend={t('organization.visitingAddress')}
        />
      </Section>

      <Section title={t('billing.title')}>
        <BillingFields form={form} />
      </Section>
    </RecordFormPage>
  );
}
