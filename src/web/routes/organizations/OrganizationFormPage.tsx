import { useMemo } from 'react';
import type { OrganizationView } from '../../../contract/organizations/organizations.schemas.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { BillingFields } from '../../components/BillingFields.tsx';
import { ContactFields } from '../../components/ContactFields.tsx';
import { TextField } from '../../components/Fields.tsx';
import { RecordFormPage, useRecordNavigation } from '../../components/RecordFormPage.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  organizationCreateInput,
  organizationPatchInput,
  organizationValues,
} from './organization-form.ts';

export function OrganizationCreatePage() {
  return <OrganizationFormPage stored={null} />;
}

export function OrganizationEditPage() {
  return (
    <RecordLoader endpoint={organizationsApi.get} failedTitle="organization.editTitle">
      {(organization) => <OrganizationFormPage stored={organization} key={organization.id} />}
    </RecordLoader>
  );
}

function OrganizationFormPage({ stored }: { stored: OrganizationView | null }) {
  const { t } = useI18n();
  const initial = useMemo(() => organizationValues(stored), [stored]);
  const { onSaved, onUnchanged, ...place } = useRecordNavigation('organization', stored);
  const contractForm = useContractForm({
    endpoint: stored ? organizationsApi.update : organizationsApi.create,
    schema: organizationsApi.create.body,
    initial,
    input: (values) => {
      if (!stored) return { body: organizationCreateInput(values) };
      const patch = organizationPatchInput(values, stored);
      return Object.keys(patch).length === 0 ? null : { params: { id: stored.id }, body: patch };
    },
    // The organisation's name shows on its representatives' pages too.
    invalidates: [
      organizationsApi.get,
      organizationsApi.list,
      searchApi.search,
      personsApi.get,
      personsApi.page,
    ],
    onSaved,
    onUnchanged,
  });
  const record = { ...contractForm, ...place };
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
