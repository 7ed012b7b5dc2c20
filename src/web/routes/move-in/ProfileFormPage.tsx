import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Paragraph } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { IDENTITY_CODE_PURPOSES } from '../../../contract/persons/persons.constants.ts';
import { IMPORT_FIELDS, IMPORT_TARGETS } from '../../../contract/move-in/move-in.constants.ts';
import { moveInApi } from '../../../contract/move-in/move-in.endpoints.ts';
import {
  importProfileBody,
  type ImportProfileBody,
} from '../../../contract/move-in/move-in.schemas.ts';
import { fieldText } from './move-in-texts.ts';
import {
  columnPath,
  ENCODINGS,
  formPathOfServerField,
  isTarget,
  profileInput,
  profileProblems,
  profileValues,
} from './profile-form.ts';
import './move-in.css';

/** The person branch gives the form its lengths (a column's heading: at most 200 characters). */
const RULES_SCHEMA = importProfileBody.options[0];

export function NewProfilePage() {
  return <ProfileForm name={null} stored={null} />;
}

export function EditProfilePage() {
  const { t } = useI18n();
  const { name = '' } = useParams();
  const profiles = useCall(moveInApi.listProfiles, {});
  return (
    <Loaded query={profiles}>
      {({ items }) => {
        const profile = items.find((p) => p.name === name);
        return profile ? (
          <ProfileForm key={profile.updatedAt} name={profile.name} stored={profile.body} />
        ) : (
          <div className="move-in">
            <BackLink to="/imports/move-in">{t('moveIn.title')}</BackLink>
            <PageHeading title={t('moveIn.profile.missing', { name })} />
          </div>
        );
      }}
    </Loaded>
  );
}

/**
 * A profile: what the file holds (persons or organisations), its format, and the column each
 * field is read from; for persons, why an identity code is kept. Saved under its name (the same
 * name replaces it).
 */
function ProfileForm({ name, stored }: { name: string | null; stored: ImportProfileBody | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const initial = useMemo(() => profileValues(name ?? '', stored), [name, stored]);
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: moveInApi.saveProfile,
    schema: RULES_SCHEMA,
    initial,
    input: profileInput,
    check: profileProblems,
    serverFields: formPathOfServerField,
    invalidates: [moveInApi.listProfiles],
    onSaved: (saved) => void navigate('/imports/move-in', { state: { savedProfile: saved.name } }),
  });
  const target = isTarget(form.values.target) ? form.values.target : 'person';
  const csv = form.values['format.kind'] !== 'xlsx';
  const columnLabel = (field: string) => t('moveIn.profile.column', { field: fieldText(field, t) });
  const labels: Record<string, string> = {
    name: t('moveIn.profile.name'),
    target: t('moveIn.profile.target'),
    'format.kind': t('moveIn.profile.format'),
    'format.delimiter': t('moveIn.profile.delimiter'),
    'format.encoding': t('moveIn.profile.encoding'),
    'format.sheet': t('moveIn.profile.sheet'),
    identityCodePurpose: t('moveIn.profile.purpose'),
    ...Object.fromEntries(
      [...IMPORT_FIELDS.person, ...IMPORT_FIELDS.organization].map((field) => [
        columnPath(field),
        columnLabel(field),
      ]),
    ),
  };
  const title = name ? t('moveIn.profile.editTitle', { name }) : t('moveIn.profile.newTitle');

  return (
    <div className="move-in form-page">
      <BackLink to="/imports/move-in">{t('moveIn.title')}</BackLink>
      <PageHeading title={title} />
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <form noValidate onSubmit={submit} className="form">
        <Section title={t('moveIn.profile.file')}>
          <div className="field-grid">
            {name === null && (
              <TextField
                form={form}
                path="name"
                label={labels.name}
                hint={t('moveIn.profile.nameHint')}
                maxLength={63}
                required
              />
            )}
            <SelectField
              form={form}
              path="target"
              label={labels.target}
              options={IMPORT_TARGETS.map((value) => ({
                value,
                label: t(`moveIn.target.${value}`),
              }))}
            />
            <SelectField
              form={form}
              path="format.kind"
              label={labels['format.kind']}
              options={[
                { value: 'csv', label: t('moveIn.format.csv') },
                { value: 'xlsx', label: t('moveIn.format.xlsx') },
              ]}
            />
            {csv ? (
              <>
                <TextField
                  form={form}
                  path="format.delimiter"
                  label={labels['format.delimiter']}
                  hint={t('moveIn.profile.delimiterHint')}
                  maxLength={1}
                  required
                />
                <SelectField
                  form={form}
                  path="format.encoding"
                  label={labels['format.encoding']}
                  options={ENCODINGS.map((value) => ({ value, label: value.toUpperCase() }))}
                />
              </>
            ) : (
              <TextField
                form={form}
                path="format.sheet"
                label={labels['format.sheet']}
                hint={t('moveIn.profile.sheetHint')}
                maxLength={31}
              />
            )}
          </div>
        </Section>
        <Section title={t('moveIn.profile.columns')}>
          <Paragraph mb="m">{t('moveIn.profile.columnsIntro')}</Paragraph>
          <div className="field-grid">
            {IMPORT_FIELDS[target].map((field) => (
              <TextField
                key={field}
                form={form}
                path={columnPath(field)}
                label={columnLabel(field)}
                required={field === 'firstName' || field === 'lastName' || field === 'name'}
              />
            ))}
            {target === 'person' && (
              <SelectField
                form={form}
                path="identityCodePurpose"
                label={labels.identityCodePurpose}
                hint={t('moveIn.profile.purposeHint')}
                placeholder="–"
                options={IDENTITY_CODE_PURPOSES.map((value) => ({
                  value,
                  label: t(`purpose.${value}`),
                }))}
              />
            )}
          </div>
        </Section>
        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('moveIn.profile.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
