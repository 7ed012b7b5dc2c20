import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, CheckboxGroup, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError, type FieldProblem } from '../../../api.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { saveBase64File } from '../../../components/download.ts';
import { SelectField, TextAreaField } from '../../../components/Fields.tsx';
import { errorsByField, fieldId } from '../../../components/form.ts';
import { FormErrorSummary } from '../../../components/FormErrors.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { fullName, PersonPicker, type PickedPerson } from '../../../components/PersonPicker.tsx';
import { Section } from '../../../components/Section.tsx';
import { useContractForm, type FormController } from '../../../components/useContractForm.ts';
import { useCall } from '../../../data.ts';
import { countryName } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { DISCLOSURE_USE_LABELS } from '../../objections/labels.ts';
import { options } from '../../requests/requests.ts';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type {
  DisclosureMade,
  RecipientList,
} from '../../../../contract/disclosures/disclosures.schemas.ts';
import {
  CHOSEN_GROUPS,
  DISCLOSURE_FORM_INITIAL,
  disclosureInput,
  disclosureProblems,
  FORMAT_LABELS,
  GROUP_HINTS,
  GROUP_LABELS,
  keepMadeFile,
  type ChosenGroup,
} from './disclosure-form.ts';
import { LEGAL_BASES, LEGAL_BASIS_LABELS } from './disclosure-register.ts';
import './billing-admin.css';

type Recipient = RecipientList['items'][number];

/**
 * Making a disclosure: the chosen persons' chosen data to a recipient, on a legal basis. Made, it
 * opens the disclosure's page, which offers the file once.
 */
export function DisclosureFormPage() {
  const { t } = useI18n();
  const recipients = useCall(disclosuresApi.recipients, {});
  return (
    <div className="form-page billing-admin">
      <BackLink to="/disclosures">{t('disclosureRegister.backToList')}</BackLink>
      <PageHeading title={t('disclosureForm.title')} />
      <Paragraph className="lead">{t('disclosureForm.intro')}</Paragraph>
      <Loaded query={recipients}>
        {(data) =>
          data.items.length === 0 ? (
            <InlineAlert status="warning" className="notice">
              {t('disclosureForm.noRecipients')}
            </InlineAlert>
          ) : (
            <DisclosureForm recipients={data.items} />
          )
        }
      </Loaded>
    </div>
  );
}

function DisclosureForm({ recipients }: { recipients: Recipient[] }) {
  const { t, errorText, language } = useI18n();
  const navigate = useNavigate();
  const [persons, setPersons] = useState<PickedPerson[]>([]);
  const [groups, setGroups] = useState<ChosenGroup[]>([]);
  /** Why the server refused to disclose (409): the partner may not receive the data. */
  const [refusal, setRefusal] = useState<FieldProblem[] | null>(null);
  const [personStatus, setPersonStatus] = useState('');
  const choices = { persons, groups };
  const contractForm = useContractForm({
    endpoint: disclosuresApi.make,
    initial: DISCLOSURE_FORM_INITIAL,
    check: (values) => Object.values(disclosureProblems(values, choices)),
    input: (values) => ({ body: disclosureInput(values, choices) }),
    invalidates: [disclosuresApi.list, disclosuresApi.ofPerson, disclosuresApi.ofOrganization],
    // The persons added and the groups ticked are changes too.
    changed: persons.length > 0 || groups.length > 0,
    // The errors change only when the form is sent (as the billing administration's forms).
    checkOnBlur: false,
    onSaved: (made) => {
      keepMadeFile(made);
      void navigate(`/disclosures/${made.disclosure.id}`);
    },
    onRefused: (error) => {
      const reasons = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      if (!(error instanceof ApiError) || error.status !== 409 || reasons.length === 0) {
        return false;
      }
      // Nothing was disclosed, and why is told above the form; a person's reason, at them too.
      setRefusal(reasons);
      contractForm.form.setErrors(errorsByField(reasons));
      return true;
    },
  });
  const { form, attempt, busy, failure } = contractForm;
  const submit = (event: FormEvent) => {
    setRefusal(null);
    contractForm.submit(event);
  };

  const labels: Record<string, string> = {
    partnerId: t('disclosureRegister.partner'),
    legalBasis: t('disclosureRegister.legalBasis'),
    purpose: t('disclosureRegister.purpose'),
    subjectIds: t('disclosureForm.personsTitle'),
    fields: t('disclosureForm.fields'),
    format: t('disclosureForm.format'),
  };
  const labelFor = (path: string) => {
    const person = /^subjectIds\.(\d+)$/.exec(path);
    const named = person ? persons[Number(person[1])] : undefined;
    return named ? `${labels.subjectIds}: ${fullName(named)}` : (labels[path] ?? path);
  };
  const chosen = recipients.find((recipient) => recipient.id === form.values.partnerId);

  const addPerson = (person: PickedPerson) => {
    const next = [...persons, person];
    setPersons(next);
    setPersonStatus(
      t('disclosureForm.personAddedStatus', { name: fullName(person), count: next.length }),
    );
  };
  const removePerson = (person: PickedPerson) => {
    const next = persons.filter((other) => other.id !== person.id);
    setPersons(next);
    setPersonStatus(
      t('disclosureForm.personRemovedStatus', { name: fullName(person), count: next.length }),
    );
    // The person's errors went with it, and the indices of those after it moved.
    form.setErrors(
      Object.fromEntries(
        Object.entries(form.errors).filter(([path]) => !path.startsWith('subjectIds')),
      ),
    );
    document.getElementById(fieldId('subjectIds'))?.focus();
  };
  const toggleGroup = (group: ChosenGroup, on: boolean) =>
    setGroups((current) => (on ? [...current, group] : current.filter((other) => other !== group)));

  return (
    <>
      <FormErrorSummary errors={refusal ? {} : form.errors} attempt={attempt} labelFor={labelFor} />
      {refusal && <RefusalNotice reasons={refusal} />}
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('disclosureForm.recipientTitle')}>
          <div className="field-grid">
            <SelectField
              form={form}
              path="partnerId"
              label={labels.partnerId}
              className="span-all"
              hint={
                chosen && !chosen.inEea
                  ? t('disclosureForm.outsideEeaHint')
                  : t('disclosureForm.recipientHint')
              }
              placeholder={t('form.choose')}
              options={recipients.map((recipient) => ({
                value: recipient.id,
                label: t(
                  recipient.inEea
                    ? 'disclosureForm.recipientOption'
                    : 'disclosureForm.recipientOptionOutsideEea',
                  { name: recipient.name, country: countryName(recipient.country, language) },
                ),
              }))}
            />
            <SelectField
              form={form}
              path="legalBasis"
              label={labels.legalBasis}
              hint={t('disclosureForm.legalBasisHint')}
              placeholder={t('form.choose')}
              options={LEGAL_BASES.map((basis) => ({
                value: basis,
                label: t(LEGAL_BASIS_LABELS[basis]),
              }))}
            />
            {form.values.legalBasis === 'value_added_service' && (
              <SelectField
                form={form}
                path="use"
                label={t('objections.disclosureUse')}
                hint={t('objections.disclosureUseHint')}
                placeholder={t('form.choose')}
                options={options(DISCLOSURE_USE_LABELS, t)}
              />
            )}
            <TextAreaField
              form={form}
              path="purpose"
              label={labels.purpose}
              hint={t('disclosureForm.purposeHint')}
              className="span-all"
            />
          </div>
        </Section>

        <Section title={t('disclosureForm.personsTitle')}>
          <PersonList persons={persons} errors={form.errors} onRemove={removePerson} />
          <p className="visually-hidden" role="status">
            {personStatus}
          </p>
          <PersonPicker
            form={form}
            path="subjectIds"
            texts={{
              find: t('disclosureForm.findPerson'),
              findHint: t('disclosureForm.findPersonHint'),
              // A list's picker shows no chosen person: the list above does.
              chosen: '',
              change: '',
              choose: t('disclosureForm.addPerson'),
              chooseNamed: (name) => t('disclosureForm.addPersonNamed', { name }),
            }}
            list={{
              onAdd: addPerson,
              added: new Set(persons.map((person) => person.id)),
              addedText: t('disclosureForm.personAdded'),
            }}
          />
        </Section>

        <Section title={t('disclosureForm.fieldsTitle')}>
          <CheckboxGroup
            id={fieldId('fields')}
            labelText={labels.fields}
            groupHintText={t('disclosureForm.fieldsHint')}
            groupStatus={form.errors.fields ? 'error' : 'default'}
            groupStatusText={form.errors.fields ? errorText(form.errors.fields) : undefined}
          >
            <Checkbox checked disabled>
              {t(GROUP_LABELS.name)}
            </Checkbox>
            {CHOSEN_GROUPS.map((group) => (
              <Checkbox
                key={group}
                checked={groups.includes(group)}
                hintText={t(GROUP_HINTS[group])}
                onClick={({ checkboxState }) => toggleGroup(group, checkboxState)}
              >
                {t(GROUP_LABELS[group])}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="field-grid field-grid--spaced">
            <SelectField
              form={form}
              path="format"
              label={labels.format}
              options={Object.entries(FORMAT_LABELS).map(([format, label]) => ({
                value: format,
                label: t(label),
              }))}
            />
          </div>
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('disclosureForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The persons added, each removable; an error the server gave of one shows at it. */
function PersonList({
  persons,
  errors,
  onRemove,
}: {
  persons: PickedPerson[];
  errors: FormController['errors'];
  onRemove: (person: PickedPerson) => void;
}) {
  const { t, errorText } = useI18n();
  if (persons.length === 0) return <p className="muted">{t('disclosureForm.noPersons')}</p>;
  return (
    <ul className="picker__results" aria-label={t('disclosureForm.persons')}>
      {persons.map((person, index) => {
        const error = errors[`subjectIds.${index}`];
        return (
          <li key={person.id} id={fieldId(`subjectIds.${index}`)}>
            <span>
              <strong>{fullName(person)}</strong>
              {person.personalIdentityCode && (
                <span className="muted"> · {person.personalIdentityCode}</span>
              )}
              {error && <span className="field-error"> {errorText(error)}</span>}
            </span>
            <Button
              variant="secondaryNoBorder"
              aria-label={t('disclosureForm.removePersonNamed', { name: fullName(person) })}
              onClick={() => onRemove(person)}
            >
              {t('disclosureForm.removePerson')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

/** The server's refusal: nothing was disclosed, and why (the partner may not receive data). */
function RefusalNotice({ reasons }: { reasons: FieldProblem[] }) {
  const { t, errorText } = useI18n();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    notice.current?.focus();
  }, [reasons]);
  return (
    <div ref={notice} tabIndex={-1} role="alert">
      <InlineAlert status="error" className="notice" labelText={t('disclosureForm.refusedTitle')}>
        <p>{t('disclosureForm.refusedText')}</p>
        <ul>
          {reasons.map((reason) => (
            <li key={`${reason.field}:${reason.code ?? reason.message}`}>{errorText(reason)}</li>
          ))}
        </ul>
      </InlineAlert>
    </div>
  );
}

/** On the page of a disclosure just made: the file to hand over, offered this once. */
export function MadeFileNotice({ file }: { file: DisclosureMade['file'] }) {
  const { t } = useI18n();
  return (
    <div role="status">
      <InlineAlert className="notice notice--success" labelText={t('disclosureForm.madeTitle')}>
        <p>{t('disclosureForm.madeText')}</p>
        <Button variant="secondary" onClick={() => saveBase64File(file)}>
          {t('disclosureForm.download', { file: file.fileName })}
        </Button>
      </InlineAlert>
    </div>
  );
}
