import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { DateField, SelectField, TextAreaField } from '../../components/Fields.tsx';
import { ProblemNotice, Loading } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { BehindButton } from '../../components/BehindButton.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { helsinkiToday } from '../access-log/access-log.ts';
import { useStatusLine, type Loaded } from '../billing/customer/customer-list.tsx';
import { useCall } from '../../data.ts';
import { isoDate, options } from '../requests/requests.ts';
import { StepForm } from '../../components/StepForm.tsx';
import { SOURCE_LABELS, STAFF_SOURCES, TYPE_LABELS, type StaffSource } from './labels.ts';
import type { ObjectionType } from '../../../contract/enums.ts';
import { objectionsApi } from '../../../contract/objections/objections.endpoints.ts';
import type {
  ObjectionList,
  ObjectionView,
} from '../../../contract/objections/objections.schemas.ts';

const today = () => formatDate(helsinkiToday());

/**
 * The person's objections and prohibitions on their page: each with its date, its source and
 * whether it is still in force; customer service and the register officer record new ones and
 * withdraw them (kept with the date).
 */
export function ObjectionsSection({
  personId,
  loaded,
  onChanged,
}: {
  personId: string;
  /** The person's page read them (decision 0007); a change then reloads the page. */
  loaded?: Loaded<ObjectionList> | undefined;
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [status, say] = useStatusLine();
  // The page's copy when it read them; else the section reads them (and a change reads again).
  const read = useCall(objectionsApi.ofPerson, { params: { id: personId } }, { enabled: !loaded });
  const list = { data: loaded?.data ?? read.data ?? null, error: loaded ? null : read.error };
  const canWrite = me.can('objections.write');
  const done = (message: string) => () => {
    onChanged?.();
    say(message);
  };

  return (
    <Section title={t('objections.title')} className="record__wide">
      <Paragraph mb="s">{t('objections.intro')}</Paragraph>
      {status}
      {list.data === null && list.error === null && <Loading />}
      {list.error !== null && <ProblemNotice error={list.error} />}
      {list.data !== null &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('objections.none')}</p>
        ) : (
          <ul className="plain-list objections__list">
            {list.data.items.map((objection) => (
              <ObjectionItem
                key={objection.id}
                personId={personId}
                objection={objection}
                canWrite={canWrite}
                onWithdrawn={done(t('objections.withdrawnDone'))}
              />
            ))}
          </ul>
        ))}
      {canWrite && (
        <BehindButton label={t('objections.addTitle')} cancel={t('common.cancel')}>
          {(close) => (
            <StepForm
              title={t('objections.addTitle')}
              endpoint={objectionsApi.add}
              invalidates={[objectionsApi.ofPerson]}
              initial={{ type: '', objectedOn: today(), source: '', note: '' }}
              dates={['objectedOn']}
              labels={{
                type: t('objections.typeLabel'),
                objectedOn: t('objections.objectedOn'),
                source: t('objections.sourceLabel'),
                note: t('objections.note'),
                status: t('objections.status'),
              }}
              submitText={t('objections.add')}
              input={(values) => {
                const note = (values.note ?? '').trim();
                return {
                  params: { id: personId },
                  body: {
                    type: values.type as ObjectionType,
                    objectedOn: isoDate(values, 'objectedOn'),
                    source: values.source as StaffSource,
                    ...(note ? { note } : {}),
                  },
                };
              }}
              onDone={() => {
                close(false);
                done(t('objections.addedDone'))();
              }}
            >
              {(form) => (
                <>
                  <SelectField
                    form={form}
                    path="type"
                    label={t('objections.typeLabel')}
                    placeholder={t('form.choose')}
                    options={options(TYPE_LABELS, t)}
                  />
                  <DateField form={form} path="objectedOn" label={t('objections.objectedOn')} />
                  <SelectField
                    form={form}
                    path="source"
                    label={t('objections.sourceLabel')}
                    placeholder={t('form.choose')}
                    options={STAFF_SOURCES.map((source) => ({
                      value: source,
                      label: t(SOURCE_LABELS[source]),
                    }))}
                  />
                  <TextAreaField
                    form={form}
                    path="note"
                    label={t('objections.note')}
                    className="span-all"
                  />
                </>
              )}
            </StepForm>
          )}
        </BehindButton>
      )}
    </Section>
  );
}

function ObjectionItem({
  personId,
  objection,
  canWrite,
  onWithdrawn,
}: {
  personId: string;
  objection: ObjectionView;
  canWrite: boolean;
  onWithdrawn: () => void;
}) {
  const { t } = useI18n();
  const [withdrawing, setWithdrawing] = useState(false);
  const type = t(TYPE_LABELS[objection.type]);
  return (
    <li className="objections__item">
      <strong>{type}</strong>{' '}
      <span className={`badge${objection.active ? ' badge--warning' : ''}`}>
        {objection.withdrawal
          ? t('objections.withdrawnValue', {
              date: formatDate(objection.withdrawal.withdrawnOn),
            })
          : t('objections.active')}
      </span>
      <div>
        {formatDate(objection.objectedOn)} · {t(SOURCE_LABELS[objection.source])}
        {objection.request &&
          ` (${t('objections.fromRequest', { number: objection.request.number })})`}
      </div>
      {objection.note && <div className="muted">{objection.note}</div>}
      <div className="muted">
        {t('objections.recordedBy', {
          user: objection.createdBy ?? '–',
          time: formatDateTime(objection.createdAt),
        })}
      </div>
      {canWrite && objection.active && !withdrawing && (
        <Button variant="secondaryNoBorder" onClick={() => setWithdrawing(true)}>
          {t('objections.withdraw')}
        </Button>
      )}
      {withdrawing && (
        <StepForm
          title={t('objections.withdrawTitle', { type })}
          endpoint={objectionsApi.withdraw}
          invalidates={[objectionsApi.ofPerson]}
          initial={{ withdrawnOn: today(), note: '' }}
          dates={['withdrawnOn']}
          labels={{
            withdrawnOn: t('objections.withdrawnOn'),
            note: t('objections.note'),
            status: t('objections.status'),
          }}
          submitText={t('objections.withdraw')}
          input={(values) => {
            const note = (values.note ?? '').trim();
            return {
              params: { id: personId, objectionId: objection.id },
              body: {
                withdrawnOn: isoDate(values, 'withdrawnOn'),
                ...(note ? { note } : {}),
              },
            };
          }}
          onDone={() => {
            setWithdrawing(false);
            onWithdrawn();
          }}
        >
          {(form) => (
            <>
              <DateField form={form} path="withdrawnOn" label={t('objections.withdrawnOn')} />
              <TextAreaField form={form} path="note" label={t('objections.note')} />
            </>
          )}
        </StepForm>
      )}
    </li>
  );
}
