import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
// Browser-safe server files: constants only, no imports of their own.
import {
  CONTRACT_FIELD_GROUPS,
  type ContractFieldGroup,
} from '../../../contract/partners/contract-fields.ts';
import { COUNTRY_CODES, isInEea } from '../../../contract/countries.ts';
import {
  PARTNER_ROLE_NAMES,
  TRANSFER_SAFEGUARDS,
  type PartnerRoleName,
} from '../../../contract/partners/transfer-terms.ts';
import { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import type { PartnerView } from '../../../contract/partners/partners.schemas.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { fieldId } from '../../components/form.ts';
import { DuplicateNotice, FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { SavedState } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { countryName } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  BUSINESS_ID_PATH,
  partnerCreateInput,
  partnerFormFrom,
  partnerFormPath,
  partnerFormProblems,
  partnerPatchInput,
} from './partner-form.ts';

export function PartnerCreatePage() {
  return <PartnerForm stored={null} />;
}

export function PartnerEditPage() {
  return (
    <RecordLoader endpoint={partnersApi.get} failedTitle="partners.editTitle">
      {(partner) => <PartnerForm stored={partner} key={partner.id} />}
    </RecordLoader>
  );
}

/** A partner's name, business ID, country and contract: which field groups, until when. */
function PartnerForm({ stored }: { stored: PartnerView | null }) {
  const { t, language, errorText } = useI18n();
  const navigate = useNavigate();
  const initial = useMemo(() => partnerFormFrom(stored), [stored]);
  const [groups, setGroups] = useState<ContractFieldGroup[]>(initial.contractFields);
  const [roles, setRoles] = useState<PartnerRoleName[]>(initial.roles);
  const cancelTo = stored ? `/partners/${stored.id}` : '/partners';

  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) })).sort(
        (a, b) => a.label.localeCompare(b.label, language),
      ),
    [language],
  );
  const labels: Record<string, string> = {
    name: t('partners.name'),
    [BUSINESS_ID_PATH]: t('partners.businessId'),
    country: t('partners.country'),
    contractFields: t('partners.contractFields'),
    contractEndsOn: t('partners.contractEndsOn'),
    roles: t('partners.roles'),
    processingAgreementOn: t('partners.processingAgreementOn'),
    transferSafeguard: t('partners.transferSafeguard'),
    transferNecessity: t('partners.transferNecessity'),
  };
  const safeguards = TRANSFER_SAFEGUARDS.map((safeguard) => ({
    value: safeguard,
    label: t(`partners.safeguard.${safeguard}`),
  }));

  const { form, submit, busy, attempt, failure, duplicateOf } = useContractForm({
    endpoint: stored ? partnersApi.update : partnersApi.create,
    schema: partnersApi.create.body,
    initial: initial.values,
    serverFields: partnerFormPath,
    check: (values) => Object.values(partnerFormProblems(values, roles)),
    input: (values) => {
      const state = { values, contractFields: groups, roles };
      if (!stored) return { body: partnerCreateInput(state) };
      const patch = partnerPatchInput(state, stored);
      return Object.keys(patch).length === 0 ? null : { params: { id: stored.id }, body: patch };
    },
    invalidates: [partnersApi.get, partnersApi.list],
    onSaved: (saved) => {
      const savedState: SavedState = { saved: stored ? 'updated' : 'created' };
      void navigate(`/partners/${saved.id}`, { state: savedState });
    },
    onUnchanged: () => void navigate(cancelTo),
    changed:
      JSON.stringify(groups) !== JSON.stringify(initial.contractFields) ||
      JSON.stringify(roles) !== JSON.stringify(initial.roles),
  });
  const country = form.values.country ?? 'FI';

  const toggle = (group: ContractFieldGroup, on: boolean) =>
    setGroups((current) => (on ? [...current, group] : current.filter((g) => g !== group)));
  const toggleRole = (role: PartnerRoleName, on: boolean) =>
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));

  return (
    <div className="form-page">
      <BackLink to={cancelTo}>
        {stored ? t('partners.backToPartner', { name: stored.name }) : t('partners.backToList')}
      </BackLink>
      <PageHeading
        title={
          stored ? t('partners.editTitleOf', { name: stored.name }) : t('partners.createTitle')
        }
      />
      <Paragraph className="lead">{t('partners.formIntro')}</Paragraph>

      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {duplicateOf && (
        <DuplicateNotice message={t('partners.duplicateNotice')} to={`/partners/${duplicateOf}`} />
      )}
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('partners.organisation')}>
          <div className="field-grid">
            <TextField form={form} path="name" label={t('partners.name')} required />
            <TextField
              form={form}
              path={BUSINESS_ID_PATH}
              label={t('partners.businessId')}
              hint={t('partners.businessIdHint')}
              required
            />
            <SelectField
              form={form}
              path="country"
              label={t('partners.country')}
              hint={isInEea(country) ? t('partners.inEeaHint') : t('partners.outsideEeaHint')}
              options={countries}
            />
          </div>
        </Section>

        <Section title={t('partners.termsTitle')}>
          <CheckboxGroup
            id={fieldId('roles')}
            labelText={t('partners.roles')}
            groupHintText={t('partners.rolesHint')}
            groupStatus={form.errors.roles ? 'error' : 'default'}
            groupStatusText={form.errors.roles ? errorText(form.errors.roles) : undefined}
          >
            {PARTNER_ROLE_NAMES.map((role) => (
              <Checkbox
                key={role}
                checked={roles.includes(role)}
                onClick={({ checkboxState }) => toggleRole(role, checkboxState)}
              >
                {t(`partners.role.${role}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="field-grid field-grid--spaced">
            <DateField
              form={form}
              path="processingAgreementOn"
              label={t('partners.processingAgreementOn')}
              hint={t('partners.processingAgreementOnHint')}
            />
            {!isInEea(country) && (
              <>
                <SelectField
                  form={form}
                  path="transferSafeguard"
                  label={t('partners.transferSafeguard')}
                  hint={t('partners.transferSafeguardHint')}
                  options={safeguards}
                />
                <TextAreaField
                  form={form}
                  path="transferNecessity"
                  label={t('partners.transferNecessity')}
                />
              </>
            )}
          </div>
        </Section>

        <Section title={t('partners.contractTitle')}>
          <CheckboxGroup
            id={fieldId('contractFields')}
            labelText={t('partners.contractFields')}
            groupHintText={t('partners.contractFieldsHint')}
            groupStatus={form.errors.contractFields ? 'error' : 'default'}
            groupStatusText={form.errors.contractFields?.message}
          >
            {/* The name is always in a contract: the hint says so; it is no choice to make. */}
            {CONTRACT_FIELD_GROUPS.filter(
              (group): group is Exclude<ContractFieldGroup, 'name'> => group !== 'name',
            ).map((group) => (
              <Checkbox
                key={group}
                checked={groups.includes(group)}
                hintText={t(`partners.groupHint.${group}`)}
                onClick={({ checkboxState }) => toggle(group, checkboxState)}
              >
                {t(`partners.group.${group}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="field-grid field-grid--spaced">
            <DateField
              form={form}
              path="contractEndsOn"
              label={t('partners.contractEndsOn')}
              hint={t('partners.contractEndsOnHint')}
            />
          </div>
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {stored ? t('common.saveChanges') : t('partners.createButton')}
          </Button>
          <Button variant="secondary" onClick={() => void navigate(cancelTo)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
