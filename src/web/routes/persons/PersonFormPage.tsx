import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Checkbox,
  DateInput,
  InlineAlert,
  Paragraph,
  RouterLink,
} from 'suomifi-ui-components';
import { api, ApiError, type PersonView } from '../../api.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { BillingFields } from '../../components/BillingFields.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { errorsByField, fieldId } from '../../components/form.ts';
import { DuplicateNotice, FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { SavedState } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useForm } from '../../components/useForm.ts';
import { useResource } from '../../components/useResource.ts';
import { LANGUAGES } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { OrganizationPicker } from './OrganizationPicker.tsx';
import {
  addressesHidden,
  emptyPersonForm,
  IDENTITY_CODE_PURPOSES,
  PERSON_REQUIRED,
  personCreateInput,
  personFormFrom,
  personPatchInput,
  type PersonForm,
} from './person-form.ts';

export function PersonCreatePage() {
  return <PersonFormPage stored={null} />;
}

export function PersonEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [person] = useResource(`person:${id}`, (signal) => api.getPerson(id, signal));
  if (person.state === 'loading') return <Loading />;
  if (person.state === 'failed')
    return (
      <>
        <PageHeading title={t('person.editTitle')} />
        <ProblemNotice error={person.error} />
      </>
    );
  return <PersonFormPage stored={person.data} key={person.data.id} />;
}

function PersonFormPage({ stored }: { stored: PersonView | null }) {
  const { t, language, errorText } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const initial = useMemo(() => (stored ? personFormFrom(stored) : emptyPersonForm()), [stored]);
  const form = useForm(initial.values, PERSON_REQUIRED);
  const [organizations, setOrganizations] = useState(initial.organizations);
  const [protectionActive, setProtectionActive] = useState(initial.protectionActive);
  const [removeIdentityCode, setRemoveIdentityCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const hidden = addressesHidden(stored);
  const name = stored ? `${stored.firstName} ${stored.lastName}` : '';
  const title = stored ? t('person.editTitleOf', { name }) : t('person.createTitle');
  const cancelTo = stored ? `/persons/${stored.id}` : '/search';

  const labels: Record<string, string> = {
    firstName: t('person.firstName'),
    lastName: t('person.lastName'),
    personalIdentityCode: t('person.identityCode'),
    personalIdentityCodePurpose: t('person.identityCodePurpose'),
    language: t('person.language'),
    email: t('common.email'),
    phone: t('common.phone'),
    permanentAddress: t('person.permanentAddress'),
    contactAddress: t('person.contactAddress'),
    street: t('address.street'),
    postalCode: t('address.postalCode'),
    postOffice: t('address.postOffice'),
    country: t('address.country'),
    addressProtection: t('protection.title'),
    endsOn: t('protection.endsOnLabel'),
    source: t('protection.source'),
    organizations: t('person.organizations'),
    title: t('person.organizationTitleShort'),
    billing: t('billing.title'),
    'billing.billingAddress': t('billing.billingAddress'),
    eInvoiceAddress: t('billing.eInvoiceAddress'),
    eInvoiceIntermediator: t('billing.eInvoiceIntermediator'),
    ovt: t('billing.ovt'),
    notes: t('common.notes'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const state: PersonForm = {
      values: form.values,
      organizations,
      protectionActive,
      removeIdentityCode,
    };
    let request: Promise<PersonView>;
    if (stored) {
      const patch = personPatchInput(state, stored);
      if (Object.keys(patch).length === 0) {
        void navigate(`/persons/${stored.id}`);
        return;
      }
      request = api.updatePerson(stored.id, patch);
    } else {
      request = api.createPerson(personCreateInput(state));
    }
    setBusy(true);
    setFailure(null);
    setDuplicateOf(null);
    request.then(
      (saved) => {
        const savedState: SavedState = { saved: stored ? 'updated' : 'created' };
        void navigate(`/persons/${saved.id}`, { state: savedState });
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

  const storedCode = stored?.personalIdentityCode ?? null;

  return (
    <div className="form-page">
      <nav className="back-link" aria-label={t('nav.breadcrumb')}>
        <RouterLink asComponent={Link} to={cancelTo}>
          <span aria-hidden="true">‹ </span>
          {stored ? t('nav.backToPerson', { name }) : t('nav.toSearch')}
        </RouterLink>
      </nav>
      <PageHeading title={title} />
      <Paragraph className="lead">{t('person.formIntro')}</Paragraph>

      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {duplicateOf && (
        <DuplicateNotice message={t('person.duplicateNotice')} to={`/persons/${duplicateOf}`} />
      )}
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
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
            <TextField
              form={form}
              path="email"
              label={t('common.email')}
              hint={t('common.emailHint')}
              type="email"
              inputMode="email"
            />
            <TextField
              form={form}
              path="phone"
              label={t('common.phone')}
              hint={t('common.phoneHint')}
              type="tel"
              inputMode="tel"
            />
          </div>
          {hidden ? (
            <InlineAlert status="warning" className="notice">
              {t('protection.formHidden')}
            </InlineAlert>
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
              <DateInput
                id={fieldId('addressProtection.endsOn')}
                labelText={t('protection.endsOnLabel')}
                hintText={t('protection.endsOnHint')}
                value={form.values['addressProtection.endsOn'] ?? ''}
                onChange={({ value }) => form.set('addressProtection.endsOn', value)}
                onBlur={() => form.blur('addressProtection.endsOn')}
                status={form.errors['addressProtection.endsOn'] ? 'error' : 'default'}
                statusText={
                  form.errors['addressProtection.endsOn']
                    ? errorText(form.errors['addressProtection.endsOn'])
                    : undefined
                }
                datePickerEnabled
                language={language}
                fullWidth
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
            <InlineAlert status="warning" className="notice">
              {t('protection.billingHidden')}
            </InlineAlert>
          ) : (
            <BillingFields form={form} />
          )}
        </Section>

        <Section title={t('common.notes')}>
          <TextAreaField
            form={form}
            path="notes"
            label={t('common.notes')}
            hint={t('common.notesHint')}
          />
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy || !me.can('customers.write')}>
            {stored ? t('common.saveChanges') : t('person.createButton')}
          </Button>
          <Button variant="secondary" onClick={() => void navigate(cancelTo)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
