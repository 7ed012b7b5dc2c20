import { useMemo, useState } from 'react';
import { Checkbox, InlineAlert } from 'suomifi-ui-components';
import { IDENTITY_CODE_PURPOSES, LANGUAGES } from '../../../contract/persons/persons.constants.ts';
import type { PersonView } from '../../api.ts';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { BillingFields } from '../../components/BillingFields.tsx';
import { ContactFields } from '../../components/ContactFields.tsx';
import { DateField, SelectField, TextField } from '../../components/Fields.tsx';
import { fieldId, type FormValues } from '../../components/form.ts';
import { RecordFormPage, useRecordNavigation } from '../../components/RecordFormPage.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { OrganizationPicker } from './OrganizationPicker.tsx';
import { ValueSourceFields } from '../rectification/ValueSourceFields.tsx';
import { SOURCE_FORM_VALUES, withValueSource } from '../rectification/value-source-form.ts';
import {
  addressesHidden,
  emptyPersonForm,
  personCreateInput,
  personFormFrom,
  personPatchInput,
  type PersonForm,
} from './person-form.ts';

export function PersonCreatePage() {
  return <PersonFormPage stored={null} />;
}

export function PersonEditPage() {
  return (
    <RecordLoader endpoint={personsApi.get} failedTitle="person.editTitle">
      {(person) => <PersonFormPage stored={person} key={person.id} />}
    </RecordLoader>
  );
}

function PersonFormPage({ stored }: { stored: PersonView | null }) {
  const { t } = useI18n();
  const initial = useMemo(() => (stored ? personFormFrom(stored) : emptyPersonForm()), [stored]);
  const [organizations, setOrganizations] = useState(initial.organizations);
  const [protectionActive, setProtectionActive] = useState(initial.protectionActive);
  const [removeIdentityCode, setRemoveIdentityCode] = useState(false);
  const state = (values: FormValues): PersonForm => ({
    values,
    organizations,
    protectionActive,
    removeIdentityCode,
  });
  const initialValues = useMemo(() => ({ ...initial.values, ...SOURCE_FORM_VALUES }), [initial]);
  const { onSaved, onUnchanged, ...place } = useRecordNavigation('person', stored);
  const contractForm = useContractForm({
    endpoint: stored ? personsApi.update : personsApi.create,
    // The names are required on the edit form too, though a patch may leave them out.
    schema: personsApi.create.body,
    initial: initialValues,
    input: (values) => {
      if (!stored) {
        return { body: withValueSource(personCreateInput(state(values)), values) };
      }
      const patch = personPatchInput(state(values), stored);
      if (Object.keys(patch).length === 0) return null;
      return { params: { id: stored.id }, body: withValueSource(patch, values) };
    },
    // What shows the person: their page, their record, lists, the sources of the values, and the
    // pages of the organisations they represent (their representatives list).
    invalidates: [
      personsApi.get,
      organizationsApi.get,
      personsApi.page,
      personsApi.list,
      searchApi.search,
      valueSourcesApi.ofPerson,
    ],
    onSaved,
    onUnchanged,
    changed:
      JSON.stringify(organizations) !== JSON.stringify(initial.organizations) ||
      protectionActive !== initial.protectionActive ||
      removeIdentityCode,
  });
  const record = { ...contractForm, ...place };
  const { form } = record;
  const hidden = addressesHidden(stored);
  const storedCode = stored?.personalIdentityCode ?? null;

  return (
    <RecordFormPage
      record={record}
      name={stored ? `${stored.firstName} ${stored.lastName}` : ''}
      labels={{
        firstName: t('person.firstName'),
        lastName: t('person.lastName'),
        personalIdentityCode: t('person.identityCode'),
        personalIdentityCodePurpose: t('person.identityCodePurpose'),
        language: t('person.language'),
        permanentAddress: t('person.permanentAddress'),
        contactAddress: t('person.contactAddress'),
        addressProtection: t('protection.title'),
        endsOn: t('protection.endsOnLabel'),
        source: t('protection.source'),
        organizations: t('person.organizations'),
        title: t('person.organizationTitleShort'),
        'source.partnerId': t('rectification.source.partner'),
      }}
    >
      <Section title={t('person.basicInformation')}>
        <div className="field-grid">
          <TextField form={form} path="firstName" label={t('person.firstName')} required />
          <TextField form={form} path="lastName" label={t('person.lastName')} required />
          <TextField
            form={form}
            path="personalIdentityCode"
            label={storedCode ? t('person.newIdentityCode') : t('person.identityCode')}
            hint={
              storedCode
                ? t('person.identityCodeStoredHint', { code: storedCode })
                : t('person.identityCodeHint')
            }
          />
          <SelectField
            form={form}
            path="personalIdentityCodePurpose"
            label={t('person.identityCodePurpose')}
            hint={t('person.identityCodePurposeHint')}
            placeholder={t('form.choose')}
            options={IDENTITY_CODE_PURPOSES.map((purpose) => ({
              value: purpose,
              label: t(`purpose.${purpose}`),
            }))}
          />
          {storedCode && (
            <Checkbox
              id={fieldId('removeIdentityCode')}
              className="span-all"
              checked={removeIdentityCode}
              onClick={({ checkboxState }) => setRemoveIdentityCode(checkboxState)}
              hintText={t('person.removeIdentityCodeHint')}
            >
              {t('person.removeIdentityCode', { code: storedCode })}
            </Checkbox>
          )}
          <SelectField
            form={form}
            path="language"
            label={t('person.language')}
            options={LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          />
        </div>
      </Section>

      <Section title={t('person.contactInformation')}>
        <div className="field-grid">
          <ContactFields form={form} />
        </div>
        {hidden ? (
          <HiddenByProtection text={t('protection.formHidden')} />
        ) : (
          <>
            <AddressFields
              form={form}
              prefix="permanentAddress"
              legend={t('person.permanentAddress')}
            />
            <AddressFields
              form={form}
              prefix="contactAddress"
              legend={t('person.contactAddress')}
              hint={t('person.contactAddressHint')}
            />
          </>
        )}
      </Section>

      <Section title={t('protection.title')}>
        <Checkbox
          id={fieldId('addressProtection')}
          checked={protectionActive}
          onClick={({ checkboxState }) => setProtectionActive(checkboxState)}
          hintText={t('protection.checkboxHint')}
        >
          {t('protection.checkbox')}
        </Checkbox>
        {protectionActive && (
          <div className="field-grid field-grid--spaced">
            <DateField
              form={form}
              path="addressProtection.endsOn"
              label={t('protection.endsOnLabel')}
              hint={t('protection.endsOnHint')}
            />
            <TextField
              form={form}
              path="addressProtection.source"
              label={t('protection.source')}
              hint={t('protection.sourceHint')}
            />
          </div>
        )}
      </Section>

      <Section title={t('person.organizations')}>
        <div id={fieldId('organizations')} tabIndex={-1}>
          <OrganizationPicker
            links={organizations}
            onChange={setOrganizations}
            error={form.errors.organizations ? t('person.organizationsInvalid') : undefined}
          />
        </div>
      </Section>

      <Section title={t('billing.title')}>
        {hidden ? (
          <HiddenByProtection text={t('protection.billingHidden')} />
        ) : (
          <BillingFields form={form} />
        )}
      </Section>

      <ValueSourceFields form={form} />
    </RecordFormPage>
  );
}

/** In place of fields whose address the reader may not see (sending them back would erase it). */
function HiddenByProtection({ text }: { text: string }) {
  return (
    <InlineAlert status="warning" className="notice">
      {text}
    </InlineAlert>
  );
}
