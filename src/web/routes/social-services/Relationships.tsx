import { useId, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, TextInput } from 'suomifi-ui-components';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';
import type {
  RelationshipView as Relationship,
  WorkerOptionsView,
} from '../../../contract/social-services/social-services.schemas.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { ApiError } from '../../client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField, SelectField } from '../../components/Fields.tsx';
import { fieldId } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useSend } from '../../data.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { helsinkiToday } from '../access-log/access-log.ts';
import { formatProblems, nameIn, relationshipInput, relationshipValues } from './client-forms.ts';

type Unit = WorkerOptionsView['units'][number];

/**
 * The client's relationships with the worker's units (after breaking the glass, with every
 * unit, read-only). A worker records a new one for a unit of theirs and ends one. Where the data
 * is closed (`relationships` null), only the way to record one is shown.
 */
export function Relationships({
  personId,
  relationships,
  units,
  readOnly,
  onChanged,
}: {
  personId: string;
  relationships: Relationship[] | null;
  units: Unit[];
  readOnly: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const today = helsinkiToday();

  return (
    <div className="social-relationships" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="social__subheading">
        {relationships === null ? t('social.relationship.newTitle') : t('social.relationships')}
      </h3>
      {relationships !== null &&
        (relationships.length === 0 ? (
          <p className="muted">{t('social.relationship.none')}</p>
        ) : (
          <ul className="plain-list">
            {relationships.map((relationship) => {
              const unit = nameIn(language, relationship.unit);
              return (
                <li key={relationship.id} className="social-relationship">
                  <div>
                    <strong>{unit}</strong>{' '}
                    <span className={`badge${relationship.active ? ' badge--active' : ''}`}>
                      {relationship.active
                        ? t('social.relationship.active')
                        : t('social.relationship.inactive')}
                    </span>
                    <div>
                      {t('social.relationship.period', {
                        start: formatDate(relationship.startsOn),
                        end: relationship.endsOn
                          ? formatDate(relationship.endsOn)
                          : t('social.untilFurtherNotice'),
                      })}
                    </div>
                    <div className="muted">
                      {t('social.relationship.workers')}:{' '}
                      {relationship.responsibleWorkers.length === 0
                        ? t('social.relationship.noWorkers')
                        : relationship.responsibleWorkers.map(staffName).join(', ')}
                    </div>
                  </div>
                  {!readOnly && (relationship.endsOn === null || relationship.endsOn > today) && (
                    <EndRelationship
                      personId={personId}
                      relationship={relationship}
                      unitName={unit}
                      onEnded={onChanged}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        ))}
      {!readOnly &&
        (units.length === 0 ? (
          relationships === null && <p className="muted">{t('social.relationship.noUnits')}</p>
        ) : adding ? (
          <RelationshipForm
            personId={personId}
            units={units}
            onSaved={(message) => {
              setAdding(false);
              onChanged(message);
            }}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
          />
        ) : (
          <Button variant="secondary" ref={addButton} onClick={() => setAdding(true)}>
            {t('social.relationship.add')}
          </Button>
        ))}
    </div>
  );
}

function RelationshipForm({
  personId,
  units,
  onSaved,
  onCancel,
}: {
  personId: string;
  units: Unit[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language, errorText } = useI18n();
  const me = useMe();
  const titleId = useId();
  const only = units.length === 1 ? units[0] : undefined;
  const [initial] = useState(() => ({
    ...relationshipValues(helsinkiToday()),
    unitId: only?.id ?? '',
  }));
  const [workers, setWorkers] = useState<string[]>(() =>
    only?.members.some((member) => member.id === me.id) ? [me.id] : [],
  );
  const labels: Record<string, string> = {
    unitId: t('social.relationship.unit'),
    startsOn: t('social.relationship.startsOn'),
    endsOn: t('social.relationship.endsOn'),
    responsibleWorkerIds: t('social.relationship.workers'),
  };
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: socialServicesApi.addRelationship,
    initial,
    check: (values) => formatProblems(relationshipInput(values, [])),
    input: (values) => {
      const chosen = units.find((candidate) => candidate.id === values.unitId);
      const members = new Set(chosen?.members.map((member) => member.id));
      const converted = relationshipInput(
        values,
        workers.filter((id) => members.has(id)),
      ).input;
      return converted && { params: { id: personId }, body: converted };
    },
    invalidates: [socialServicesApi.overview],
    changed: workers.length > 0,
    onSaved: (relationship) =>
      onSaved(t('social.relationship.added', { unit: nameIn(language, relationship.unit) })),
  });
  const unit = units.find((candidate) => candidate.id === form.values.unitId);

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="entry-form">
      <h4 id={titleId} className="entry-form__title">
        {t('social.relationship.formTitle')}
      </h4>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <div className="field-grid">
        <SelectField
          form={form}
          path="unitId"
          label={labels.unitId}
          placeholder={t('form.choose')}
          options={units.map((option) => ({ value: option.id, label: nameIn(language, option) }))}
        />
        <DateField
          form={form}
          path="startsOn"
          label={labels.startsOn}
          hint={t('social.dateHint')}
        />
        <DateField form={form} path="endsOn" label={labels.endsOn} hint={t('social.endsOnHint')} />
        {unit && (
          <CheckboxGroup
            id={fieldId('responsibleWorkerIds')}
            className="span-all"
            labelText={labels.responsibleWorkerIds}
            groupHintText={t('social.relationship.workersHint')}
            groupStatus={form.errors.responsibleWorkerIds ? 'error' : 'default'}
            groupStatusText={
              form.errors.responsibleWorkerIds
                ? errorText(form.errors.responsibleWorkerIds)
                : undefined
            }
          >
            {unit.members.map((member) => (
              <Checkbox
                key={member.id}
                checked={workers.includes(member.id)}
                onClick={({ checkboxState }) =>
                  setWorkers((current) =>
                    checkboxState
                      ? [...current, member.id]
                      : current.filter((id) => id !== member.id),
                  )
                }
              >
                {staffName(member)}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
      </div>
      <div className="entry-form__actions">
        <Button type="submit" disabled={busy}>
          {t('social.relationship.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** "End" asks for the last day (today by default); the data closes after it. */
function EndRelationship({
  personId,
  relationship,
  unitName,
  onEnded,
}: {
  personId: string;
  relationship: Relationship;
  unitName: string;
  onEnded: (message: string) => void;
}) {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState(false);
  const [endsOn, setEndsOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const end = useSend(socialServicesApi.updateRelationship, {
    invalidates: [socialServicesApi.overview],
  });
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const field = end.error instanceof ApiError ? end.error.problem.errors?.[0] : undefined;
  const shownProblem = problem ?? (field ? errorText(field) : null);

  const confirm = () => {
    const iso = parseFinnishDate(endsOn);
    if (!iso) {
      setProblem(errorText({ code: 'date.format', message: 'd.m.yyyy' }));
      input.current?.focus();
      return;
    }
    setProblem(null);
    end.mutate(
      { params: { id: personId, relationshipId: relationship.id }, body: { endsOn: iso } },
      {
        onSuccess: () => {
          setOpen(false);
          onEnded(t('social.relationship.ended', { unit: unitName, date: formatDate(iso) }));
        },
      },
    );
  };

  return (
    <>
      <Button
        variant="secondaryNoBorder"
        ref={opener}
        aria-label={t('social.relationship.endNamed', { unit: unitName })}
        onClick={() => {
          setEndsOn(formatDate(helsinkiToday()));
          setProblem(null);
          end.reset();
          setOpen(true);
        }}
      >
        {t('social.relationship.end')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('social.relationship.endTitle', { unit: unitName })}
        explanation={t('social.relationship.endExplanation')}
        failure={end.isError && !field ? end.error : null}
        busy={end.isPending}
        confirmText={t('social.relationship.end')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        opener={opener}
        focusOnOpen={input}
      >
        <TextInput
          ref={input}
          labelText={t('social.relationship.endsOn')}
          hintText={t('social.dateHint')}
          inputMode="numeric"
          autoComplete="off"
          value={endsOn}
          onChange={(value) => setEndsOn(value === undefined ? '' : String(value))}
          status={shownProblem ? 'error' : 'default'}
          statusText={shownProblem ?? undefined}
          fullWidth
        />
      </ConfirmDialog>
    </>
  );
}
