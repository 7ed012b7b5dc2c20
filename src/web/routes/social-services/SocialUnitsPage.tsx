import { useId, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import type { Endpoint } from '../../../contract/endpoint.ts';
import { socialServicesSettingsApi as api } from '../../../contract/social-services/social-services.endpoints.ts';
import type {
  NeedTypeView as NeedType,
  UnitView,
} from '../../../contract/social-services/social-services.schemas.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Fields.tsx';
import { fieldId, type FormValues } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { useContractForm, type FormController } from '../../components/useContractForm.ts';
import { useCall, useSend } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { nameIn } from './client-forms.ts';
import { namedInput, namedValues, sameMembers } from './units-form.ts';
import './social-services.css';

type UnitMember = UnitView['members'][number];

type Editing = { kind: 'unit' | 'needType'; key: string | null } | null;

/**
 * The administrator's social-services settings: the units with their social workers (whose
 * clients' data each worker opens), and the list of service needs the workers record.
 */
export function SocialUnitsPage() {
  const { t } = useI18n();
  // A change invalidates the settings: the lists are read anew while the old ones stay shown.
  const settings = useCall(api.settings, {});
  const data = settings.data;
  const [editing, setEditing] = useState<Editing>(null);
  const [statusLine, setMessage] = useStatusMessage('social-status');
  const [failure, setFailure] = useState<unknown>(null);

  /** After a change: say what happened (the message takes the focus) and show the lists anew. */
  const done = (text: string) => {
    setEditing(null);
    setFailure(null);
    setMessage(text);
  };
  const start = (next: Editing) => {
    setMessage(null);
    setFailure(null);
    setEditing(next);
  };

  return (
    <div className="social-units">
      <PageHeading title={t('units.title')} />
      <Paragraph mb="m">{t('units.intro')}</Paragraph>
      {statusLine}
      {failure !== null && <ProblemNotice error={failure} />}
      {settings.isError && <ProblemNotice error={settings.error} />}
      {!data && settings.isPending && <Loading />}
      {data && (
        <>
          <Section title={t('units.unitsTitle')}>
            {editing?.kind === 'unit' && editing.key === null ? (
              <UnitForm
                unit={null}
                socialWorkers={data.socialWorkers}
                onSaved={done}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <Button variant="secondary" onClick={() => start({ kind: 'unit', key: null })}>
                {t('units.newUnit')}
              </Button>
            )}
            {data.units.length === 0 ? (
              <p className="muted">{t('units.none')}</p>
            ) : (
              <ul className="entries__list">
                {data.units.map((unit) => (
                  <li key={unit.id} className="entry">
                    {editing?.kind === 'unit' && editing.key === unit.id ? (
                      <UnitForm
                        unit={unit}
                        socialWorkers={data.socialWorkers}
                        onSaved={done}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <UnitEntry
                        unit={unit}
                        onEdit={() => start({ kind: 'unit', key: unit.id })}
                        onChanged={done}
                        onFailed={setFailure}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section title={t('units.needTypesTitle')}>
            <p className="fieldset__hint">{t('units.needTypesIntro')}</p>
            {editing?.kind === 'needType' && editing.key === null ? (
              <NeedTypeForm needType={null} onSaved={done} onCancel={() => setEditing(null)} />
            ) : (
              <Button variant="secondary" onClick={() => start({ kind: 'needType', key: null })}>
                {t('units.newNeedType')}
              </Button>
            )}
            <NeedTypeTable
              needTypes={data.needTypes}
              editing={editing?.kind === 'needType' ? editing.key : null}
              onEdit={(code) => start({ kind: 'needType', key: code })}
              onCancel={() => setEditing(null)}
              onChanged={done}
              onFailed={setFailure}
            />
          </Section>
        </>
      )}
    </div>
  );
}

function UnitEntry({
  unit,
  onEdit,
  onChanged,
  onFailed,
}: {
  unit: UnitView;
  onEdit: () => void;
  onChanged: (message: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t, language } = useI18n();
  const name = nameIn(language, unit);
  const [closing, setClosing] = useState(false);
  const update = useSend(api.updateUnit, { invalidates: [api.settings] });
  const busy = update.isPending;
  const closeButton = useRef<HTMLButtonElement>(null);

  const setActive = (active: boolean) => {
    update.reset();
    update.mutate(
      { params: { id: unit.id }, body: { active } },
      {
        onSuccess: () => {
          setClosing(false);
          onChanged(t(active ? 'units.reopened' : 'units.closed', { name }));
        },
        onError: (error) => {
          if (active) onFailed(error);
        },
      },
    );
  };
  const closeFailure = closing && update.isError ? update.error : null;

  return (
    <>
      <div className="entry__head">
        <h3 className="entry__title">
          {name} <span className="muted">· {unit.code}</span>{' '}
          {!unit.active && <span className="badge">{t('units.closedBadge')}</span>}
        </h3>
        <div className="entry__actions">
          <Button
            variant="secondaryNoBorder"
            aria-label={t('units.editNamed', { name })}
            onClick={onEdit}
          >
            {t('common.edit')}
          </Button>
          {unit.active ? (
            <Button
              variant="secondaryNoBorder"
              ref={closeButton}
              aria-label={t('units.closeNamed', { name })}
              onClick={() => {
                update.reset();
                setClosing(true);
              }}
            >
              {t('units.close')}
            </Button>
          ) : (
            <Button
              variant="secondaryNoBorder"
              aria-label={t('units.reopenNamed', { name })}
              disabled={busy}
              onClick={() => setActive(true)}
            >
              {t('units.reopen')}
            </Button>
          )}
        </div>
      </div>
      <p className="unit-names">{[unit.nameFi, unit.nameSv, unit.nameEn].join(' · ')}</p>
      <p>
        <span className="muted">{t('units.members')}:</span>{' '}
        {unit.members.length === 0 ? t('units.noMembers') : unit.members.map(staffName).join(', ')}
      </p>
      <ConfirmDialog
        open={closing}
        title={t('units.closeTitle', { name })}
        explanation={t('units.closeExplanation')}
        failure={closeFailure}
        busy={busy}
        confirmText={t('units.close')}
        onConfirm={() => setActive(false)}
        onCancel={() => setClosing(false)}
        opener={closeButton}
      />
    </>
  );
}

/** Code (on creation only) and the names in Finnish, Swedish and English. */
function NameFields({ form, withCode }: { form: FormController; withCode: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {withCode && (
        <TextField form={form} path="code" label={t('units.code')} hint={t('units.codeHint')} />
      )}
      <TextField form={form} path="nameFi" label={t('units.nameFi')} />
      <TextField form={form} path="nameSv" label={t('units.nameSv')} />
      <TextField form={form} path="nameEn" label={t('units.nameEn')} />
    </>
  );
}

/**
 * A unit's or a service need's form on the contract's schema (`create` gives the required fields
 * and lengths, for a rename too), with its error summary and any failure above the fields.
 */
function useNamedForm<E extends Endpoint>(options: {
  endpoint: E;
  schema: Endpoint['body'];
  initial: FormValues;
  labels: Record<string, string>;
  input: Parameters<typeof useContractForm<E>>[0]['input'];
  onSaved: () => void;
  onUnchanged: () => void;
  changed?: boolean;
}) {
  const contract = useContractForm({
    endpoint: options.endpoint,
    schema: options.schema,
    initial: options.initial,
    input: options.input,
    invalidates: [api.settings],
    onSaved: options.onSaved,
    onUnchanged: options.onUnchanged,
    ...(options.changed !== undefined ? { changed: options.changed } : {}),
  });
  const summary = (
    <>
      <FormErrorSummary
        errors={contract.form.errors}
        attempt={contract.attempt}
        labelFor={(path) => options.labels[path] ?? path}
      />
      {contract.failure !== null && <ProblemNotice error={contract.failure} />}
    </>
  );
  return { form: contract.form, busy: contract.busy, submit: contract.submit, summary };
}

function UnitForm({
  unit,
  socialWorkers,
  onSaved,
  onCancel,
}: {
  unit: UnitView | null;
  socialWorkers: UnitMember[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language, errorText } = useI18n();
  const titleId = useId();
  const labels: Record<string, string> = {
    code: t('units.code'),
    nameFi: t('units.nameFi'),
    nameSv: t('units.nameSv'),
    nameEn: t('units.nameEn'),
    memberIds: t('units.members'),
  };
  const [initial] = useState(() => namedValues(unit));
  const initialMembers = unit?.members.map((member) => member.id) ?? [];
  const [members, setMembers] = useState<string[]>(initialMembers);
  const { form, busy, submit, summary } = useNamedForm({
    endpoint: unit ? api.updateUnit : api.createUnit,
    schema: api.createUnit.body,
    initial,
    labels,
    input: (values) => {
      const { code, names } = namedInput(values);
      return unit === null
        ? { body: { ...names, code, memberIds: members } }
        : {
            params: { id: unit.id },
            body: {
              ...names,
              ...(sameMembers(initialMembers, members) ? {} : { memberIds: members }),
            },
          };
    },
    onSaved: () =>
      onSaved(
        t(unit ? 'units.saved' : 'units.created', {
          name: nameIn(language, namedInput(form.values).names),
        }),
      ),
    onUnchanged: onCancel,
    changed: !sameMembers(initialMembers, members),
  });
  // A member no longer among the social workers (e.g. deactivated) is still shown, to remove.
  const choices = [
    ...socialWorkers,
    ...(unit?.members.filter((member) => !socialWorkers.some((w) => w.id === member.id)) ?? []),
  ];

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="entry-form">
      <h3 id={titleId} className="entry-form__title">
        {unit ? t('units.editTitle', { name: nameIn(language, unit) }) : t('units.newUnit')}
      </h3>
      {summary}
      <div className="field-grid">
        <NameFields form={form} withCode={unit === null} />
        {choices.length === 0 ? (
          <p className="muted span-all">{t('units.noSocialWorkers')}</p>
        ) : (
          <CheckboxGroup
            id={fieldId('memberIds')}
            className="span-all"
            labelText={labels.memberIds}
            groupHintText={t('units.membersHint')}
            groupStatus={form.errors.memberIds ? 'error' : 'default'}
            groupStatusText={form.errors.memberIds ? errorText(form.errors.memberIds) : undefined}
          >
            {choices.map((member) => (
              <Checkbox
                key={member.id}
                checked={members.includes(member.id)}
                onClick={({ checkboxState }) =>
                  setMembers((current) =>
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
          {unit ? t('common.saveChanges') : t('units.createUnit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NeedTypeForm({
  needType,
  onSaved,
  onCancel,
}: {
  needType: NeedType | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const titleId = useId();
  const labels: Record<string, string> = {
    code: t('units.code'),
    nameFi: t('units.nameFi'),
    nameSv: t('units.nameSv'),
    nameEn: t('units.nameEn'),
  };
  const [initial] = useState(() => namedValues(needType));
  const { form, busy, submit, summary } = useNamedForm({
    endpoint: needType ? api.updateNeedType : api.createNeedType,
    schema: api.createNeedType.body,
    initial,
    labels,
    input: (values) => {
      const { code, names } = namedInput(values);
      return needType === null
        ? { body: { ...names, code } }
        : { params: { code: needType.code }, body: names };
    },
    onSaved: () =>
      onSaved(
        t(needType ? 'units.needTypeSaved' : 'units.needTypeCreated', {
          name: nameIn(language, namedInput(form.values).names),
        }),
      ),
    onUnchanged: onCancel,
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="entry-form">
      <h3 id={titleId} className="entry-form__title">
        {needType
          ? t('units.renameNeedTypeTitle', { name: nameIn(language, needType) })
          : t('units.newNeedType')}
      </h3>
      {summary}
      <div className="field-grid">
        <NameFields form={form} withCode={needType === null} />
      </div>
      <div className="entry-form__actions">
        <Button type="submit" disabled={busy}>
          {needType ? t('common.saveChanges') : t('units.createNeedType')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NeedTypeTable({
  needTypes,
  editing,
  onEdit,
  onCancel,
  onChanged,
  onFailed,
}: {
  needTypes: NeedType[];
  editing: string | null;
  onEdit: (code: string) => void;
  onCancel: () => void;
  onChanged: (message: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t, language } = useI18n();
  const update = useSend(api.updateNeedType, { invalidates: [api.settings] });
  const busy = update.isPending ? update.variables.params.code : null;

  const setActive = (needType: NeedType, active: boolean) => {
    const name = nameIn(language, needType);
    update.mutate(
      { params: { code: needType.code }, body: { active } },
      {
        onSuccess: () =>
          onChanged(t(active ? 'units.needTypeActivated' : 'units.needTypeDeactivated', { name })),
        onError: onFailed,
      },
    );
  };

  if (needTypes.length === 0) return <p className="muted">{t('units.noNeedTypes')}</p>;
  return (
    <div className="log-table__scroll">
      <table className="log-table need-type-table">
        <caption className="visually-hidden">{t('units.needTypesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.nameFi')}</th>
            <th scope="col">{t('units.nameSv')}</th>
            <th scope="col">{t('units.nameEn')}</th>
            <th scope="col">{t('units.code')}</th>
            <th scope="col">{t('units.status')}</th>
            <th scope="col">{t('review.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {needTypes.map((needType) => {
            const name = nameIn(language, needType);
            if (editing === needType.code) {
              return (
                <tr key={needType.code}>
                  <td colSpan={6}>
                    <NeedTypeForm needType={needType} onSaved={onChanged} onCancel={onCancel} />
                  </td>
                </tr>
              );
            }
            return (
              <tr key={needType.code}>
                <th scope="row">{needType.nameFi}</th>
                <td>{needType.nameSv}</td>
                <td>{needType.nameEn}</td>
                <td>{needType.code}</td>
                <td>
                  {needType.active ? (
                    <span className="badge badge--active">{t('units.inUse')}</span>
                  ) : (
                    <span className="badge">{t('units.notInUse')}</span>
                  )}
                </td>
                <td>
                  <div className="review-table__actions">
                    <Button
                      variant="secondaryNoBorder"
                      aria-label={t('units.renameNamed', { name })}
                      onClick={() => onEdit(needType.code)}
                    >
                      {t('units.rename')}
                    </Button>
                    <Button
                      variant="secondaryNoBorder"
                      disabled={busy === needType.code}
                      aria-label={t(
                        needType.active ? 'units.deactivateNamed' : 'units.activateNamed',
                        { name },
                      )}
                      onClick={() => setActive(needType, !needType.active)}
                    >
                      {needType.active ? t('units.deactivate') : t('units.activate')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
