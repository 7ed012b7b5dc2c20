import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, RouterLink } from 'suomifi-ui-components';
import { AddressFields } from '../../components/AddressFields.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import {
  editedFirst,
  SettingsPage,
  type SettingsFormProps,
} from '../../components/SettingsPage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LANGUAGE_NAMES } from '../../i18n/catalogues.ts';
import { PUBLIC_PATHS } from '../public/public-paths.ts';
import { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import {
  COMPLIANCE_LEVELS,
  EDITABLE_SECTIONS,
  STATEMENT_LANGUAGES,
  type PrivacyStatementSettingsView,
  type StatementLanguage,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';
import { AccessibilityFeedback } from './AccessibilityFeedback.tsx';
import {
  CONTACT_ADDRESS,
  CONTROLLER_ADDRESS,
  privacySettingsInput,
  privacySettingsProblems,
  privacySettingsValues,
} from './privacy-statement-form.ts';

/**
 * The administrator's part of the public privacy statement: the controller, the contact person,
 * the register's name and the free texts. The rest of the statement follows the register.
 */
export function PrivacyStatementSettingsPage() {
  const { t, language } = useI18n();
  return (
    <SettingsPage
      read={privacyStatementApi.getSettings}
      missingCode="privacyStatement.notSetUp"
      texts={{
        title: 'privacySettings.title',
        intro: 'privacySettings.intro',
        saved: 'privacySettings.saved',
        notSetUp: 'privacySettings.notSetUp',
        lastChanged: 'privacySettings.lastChanged',
      }}
      lead={
        <p>
          <RouterLink
            asComponent={Link}
            to={`${PUBLIC_PATHS.privacyStatement}?lang=${language}`}
            target="_blank"
          >
            {t('privacySettings.viewPublic')}
          </RouterLink>
        </p>
      }
      form={(props) => <PrivacySettingsForm {...props} />}
      after={<AccessibilityFeedback />}
    />
  );
}

function PrivacySettingsForm({
  settings,
  onSaved,
  onEdited,
}: SettingsFormProps<PrivacyStatementSettingsView>) {
  const { t } = useI18n();
  const initial = useMemo(() => privacySettingsValues(settings), [settings]);
  const contractForm = useContractForm({
    endpoint: privacyStatementApi.saveSettings,
    initial,
    check: (values) => Object.values(privacySettingsProblems(values)),
    input: (values) => ({ body: privacySettingsInput(values) }),
    onSaved,
    checkOnBlur: false,
  });
  const { attempt, busy, failure, submit } = contractForm;
  const form = editedFirst(contractForm.form, onEdited);
  const [textLanguage, setTextLanguage] = useState<StatementLanguage>('fi');
  const languageWord = (language: StatementLanguage) => t(`privacySettings.language.${language}`);

  const labels: Record<string, string> = {
    controller: t('privacySettings.controllerTitle'),
    contactPerson: t('privacySettings.contactTitle'),
    name: t('privacySettings.controllerName'),
    businessId: t('privacySettings.controllerBusinessId'),
    address: t('privacySettings.controllerAddress'),
    email: t('privacySettings.email'),
    phone: t('privacySettings.phone'),
    title: t('privacySettings.contactJobTitle'),
    street: t('address.street'),
    postalCode: t('address.postalCode'),
    postOffice: t('address.postOffice'),
    country: t('address.country'),
    registerName: t('privacySettings.registerTitle'),
    drawnUpOn: t('privacySettings.drawnUpOn'),
    accessibility: t('privacySettings.accessibilityTitle'),
    compliance: t('privacySettings.compliance'),
    assessedOn: t('privacySettings.assessedOn'),
    knownIssues: t('privacySettings.knownIssues', { language: '' }),
    texts: t('privacySettings.textsTitle'),
    ...Object.fromEntries(STATEMENT_LANGUAGES.map((l) => [l, languageWord(l)])),
    ...Object.fromEntries(
      EDITABLE_SECTIONS.map((section) => [section, t(`privacySettings.section.${section}`)]),
    ),
  };

  return (
    <>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('privacySettings.controllerTitle')}>
          <div className="field-grid">
            <TextField form={form} path="controller.name" label={labels.name} />
            <TextField form={form} path="controller.businessId" label={labels.businessId} />
            <TextField
              form={form}
              path="controller.email"
              label={labels.email}
              type="email"
              inputMode="email"
            />
            <TextField
              form={form}
              path="controller.phone"
              label={labels.phone}
              type="tel"
              inputMode="tel"
            />
          </div>
          <AddressFields
            form={form}
            prefix={CONTROLLER_ADDRESS}
            legend={t('privacySettings.controllerAddress')}
          />
        </Section>

        <Section title={t('privacySettings.contactTitle')}>
          <div className="field-grid">
            <TextField
              form={form}
              path="contactPerson.name"
              label={t('privacySettings.contactName')}
            />
            <TextField form={form} path="contactPerson.title" label={labels.title} />
            <TextField
              form={form}
              path="contactPerson.email"
              label={labels.email}
              type="email"
              inputMode="email"
            />
            <TextField
              form={form}
              path="contactPerson.phone"
              label={labels.phone}
              type="tel"
              inputMode="tel"
            />
          </div>
          <AddressFields
            form={form}
            prefix={CONTACT_ADDRESS}
            legend={t('privacySettings.contactAddress')}
          />
        </Section>

        <Section title={t('privacySettings.registerTitle')}>
          <div className="field-grid">
            {STATEMENT_LANGUAGES.map((language) => (
              <TextField
                key={language}
                form={form}
                path={`registerName.${language}`}
                label={t('privacySettings.registerName', { language: languageWord(language) })}
              />
            ))}
            <DateField
              form={form}
              path="drawnUpOn"
              label={labels.drawnUpOn}
              hint={t('privacySettings.drawnUpOnHint')}
              required
            />
          </div>
        </Section>

        <Section title={t('privacySettings.textsTitle')}>
          <p className="fieldset__hint">{t('privacySettings.textsIntro')}</p>
          <Tabs
            label={t('privacySettings.textsTitle')}
            tabs={STATEMENT_LANGUAGES.map((language) => ({
              key: language,
              label: LANGUAGE_NAMES[language],
            }))}
            selected={textLanguage}
            onSelect={setTextLanguage}
          >
            {EDITABLE_SECTIONS.map((section) => (
              <TextAreaField
                key={`${section}.${textLanguage}`}
                form={form}
                path={`texts.${section}.${textLanguage}`}
                label={t('privacySettings.text', {
                  section: labels[section] ?? section,
                  language: languageWord(textLanguage),
                })}
              />
            ))}
          </Tabs>
        </Section>

        <Section title={t('privacySettings.accessibilityTitle')}>
          <div className="field-grid">
            <SelectField
              form={form}
              path="accessibility.compliance"
              label={t('privacySettings.compliance')}
              options={COMPLIANCE_LEVELS.map((level) => ({
                value: level,
                label: t(`privacySettings.compliance.${level}`),
              }))}
            />
            <DateField
              form={form}
              path="accessibility.assessedOn"
              label={t('privacySettings.assessedOn')}
              required
            />
          </div>
          {STATEMENT_LANGUAGES.map((language) => (
            <TextAreaField
              key={language}
              form={form}
              path={`accessibility.knownIssues.${language}`}
              label={t('privacySettings.knownIssues', { language: languageWord(language) })}
              hint={t('privacySettings.knownIssuesHint')}
            />
          ))}
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('privacySettings.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
