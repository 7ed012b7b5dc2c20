import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import { BehindButton } from '../../../components/BehindButton.tsx';
import { DataList } from '../../../components/DataList.tsx';
import { useSavedDownload } from '../../../components/download.ts';
import { DateField, SelectField, TextAreaField } from '../../../components/Fields.tsx';
import { fieldId } from '../../../components/form.ts';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { StepForm } from '../../../components/StepForm.tsx';
import { useCall } from '../../../data.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { REQUEST_LISTS } from '../request-lists.ts';
import { isoDate, staffDisplay } from '../requests.ts';
import type { RestrictionGround } from '../../../../contract/enums.ts';
import { requestsApi } from '../../../../contract/requests/requests.endpoints.ts';
import type { RequestView } from '../../../../contract/requests/requests.schemas.ts';
import { restrictionApi } from '../../../../contract/restriction/restriction.endpoints.ts';
import type { RestrictionView } from '../../../../contract/restriction/restriction.schemas.ts';

export const GROUND_LABELS: Record<RestrictionGround, MessageKey> = {
  accuracy_contested: 'restriction.ground.accuracy_contested',
  unlawful_erasure_opposed: 'restriction.ground.unlawful_erasure_opposed',
  legal_claims: 'restriction.ground.legal_claims',
  objection_pending: 'restriction.ground.objection_pending',
};
const GROUNDS = Object.keys(GROUND_LABELS) as RestrictionGround[];

const today = () => formatDate(helsinkiToday());

/**
 * A restriction request's restriction (GDPR Art. 18, decision 0033): placed with its grounds
 * (and, when the accuracy is contested, the rectification request it waits for), shown while it
 * holds, lifted from a day with the reason, and the notice to the person in the request's
 * language. The forms show when the request's allowed actions include them.
 */
export function RestrictionPanel({ request }: { request: RequestView }) {
  return request.type === 'restriction' ? <Restriction request={request} /> : null;
}

function Restriction({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const params = { id: request.id };
  const read = useCall(restrictionApi.get, { params });
  const [saved, setSaved] = useState('');
  const letter = useSavedDownload(restrictionApi.letter, (name) =>
    setSaved(t('restriction.letterDownloaded', { name })),
  );
  const restriction = read.data?.restriction ?? null;
  const allowed = (action: 'placeRestriction' | 'liftRestriction') =>
    request.allowedActions.some((a) => a.action === action);
  return (
    <Section title={t('restriction.title')}>
      <Paragraph mb="s">{t('restriction.intro')}</Paragraph>
      {read.data && !restriction && (
        <p className="muted">
          {request.status === 'received' ? t('restriction.notYet') : t('restriction.none')}
        </p>
      )}
      {restriction && <RestrictionFacts restriction={restriction} />}
      {restriction && (
        <div className="requests__actions">
          <Button
            variant="secondary"
            disabled={letter.isPending}
            onClick={() => {
              setSaved('');
              letter.mutate({ params });
            }}
          >
            {t('restriction.letter')}
          </Button>
        </div>
      )}
      <div role="status">{saved}</div>
      {read.error !== null && <ProblemNotice error={read.error} />}
      {letter.error !== null && <ProblemNotice error={letter.error} />}
      {allowed('placeRestriction') && (
        <PlaceForm request={request} onDone={() => setSaved(t('restriction.placedDone'))} />
      )}
      {restriction && allowed('liftRestriction') && (
        <BehindButton label={t('restriction.liftTitle')} cancel={t('common.cancel')}>
          {(close) => (
            <StepForm
              title={t('restriction.liftTitle')}
              intro={t('restriction.liftIntro')}
              endpoint={restrictionApi.lift}
              invalidates={[restrictionApi.get, requestsApi.get, ...REQUEST_LISTS]}
              initial={{ liftedOn: today(), reason: '' }}
              dates={['liftedOn']}
              labels={{
                status: t('requests.statusLabel'),
                liftedOn: t('restriction.liftedOn'),
                reason: t('restriction.liftReason'),
              }}
              submitText={t('restriction.lift')}
              onCancel={close}
              input={(values) => ({
                params,
                body: {
                  liftedOn: isoDate(values, 'liftedOn'),
                  reason: (values.reason ?? '').trim(),
                },
              })}
              onDone={() => {
                close();
                setSaved(t('restriction.liftedDone'));
              }}
            >
              {(form) => (
                <>
                  <DateField form={form} path="liftedOn" label={t('restriction.liftedOn')} />
                  <TextAreaField
                    form={form}
                    path="reason"
                    label={t('restriction.liftReason')}
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

function RestrictionFacts({ restriction }: { restriction: RestrictionView }) {
  const { t } = useI18n();
  const ended = restriction.liftedOn !== null && !restriction.active;
  return (
    <DataList
      items={[
        {
          label: t('requests.statusLabel'),
          value: (
            <>
              <span className={ended ? 'badge' : 'badge badge--warning'}>
                {ended
                  ? t('restriction.ended', { date: formatDate(restriction.liftedOn ?? '') })
                  : t('restriction.inForce', { date: formatDate(restriction.placedOn) })}
              </span>
              {!ended && restriction.liftedOn && (
                <span className="muted">
                  {' '}
                  {t('restriction.endsOn', { date: formatDate(restriction.liftedOn) })}
                </span>
              )}
            </>
          ),
        },
        {
          label: t('restriction.grounds'),
          value: (
            <ul className="plain-list">
              {restriction.grounds.map((ground) => (
                <li key={ground}>{t(GROUND_LABELS[ground])}</li>
              ))}
            </ul>
          ),
        },
        ...(restriction.rectificationRequest
          ? [
              {
                label: t('restriction.rectificationRequest'),
                value: t('restriction.waitsFor', {
                  number: restriction.rectificationRequest.number,
                }),
              },
            ]
          : []),
        ...(restriction.placedBy
          ? [
              {
                label: t('restriction.placedOn'),
                value: `${formatDate(restriction.placedOn)} · ${t('restriction.placedBy', {
                  user: staffDisplay(restriction.placedBy),
                })}`,
              },
            ]
          : []),
        ...(restriction.liftReason
          ? [{ label: t('restriction.liftReason'), value: restriction.liftReason }]
          : []),
      ]}
    />
  );
}

/** The grounds (one or more), the first day, and the rectification request it may wait for. */
function PlaceForm({ request, onDone }: { request: RequestView; onDone: () => void }) {
  const { t, errorText } = useI18n();
  const [grounds, setGrounds] = useState<RestrictionGround[]>([]);
  const personRequests = useCall(requestsApi.personRequests, {
    params: { id: request.person.id },
    query: { status: 'all', limit: 100 },
  });
  const rectifications = (personRequests.data?.items ?? []).filter(
    (r) => r.type === 'rectification',
  );
  const contested = grounds.includes('accuracy_contested');
  return (
    <StepForm
      title={t('restriction.place')}
      endpoint={restrictionApi.place}
      invalidates={[restrictionApi.get, requestsApi.get, ...REQUEST_LISTS]}
      initial={{ placedOn: today(), rectificationRequestId: '' }}
      dates={['placedOn']}
      labels={{
        status: t('requests.statusLabel'),
        grounds: t('restriction.grounds'),
        placedOn: t('restriction.placedOn'),
        rectificationRequestId: t('restriction.rectificationRequest'),
      }}
      submitText={t('restriction.place')}
      input={(values) => ({
        params: { id: request.id },
        body: {
          grounds,
          placedOn: isoDate(values, 'placedOn'),
          ...(contested && values.rectificationRequestId
            ? { rectificationRequestId: values.rectificationRequestId }
            : {}),
        },
      })}
      onDone={() => {
        setGrounds([]);
        onDone();
      }}
    >
      {(form) => (
        <>
          <CheckboxGroup
            id={fieldId('grounds')}
            className="span-all"
            labelText={t('restriction.grounds')}
            groupStatus={form.errors.grounds ? 'error' : 'default'}
            groupStatusText={form.errors.grounds ? errorText(form.errors.grounds) : undefined}
          >
            {GROUNDS.map((ground) => (
              <Checkbox
                key={ground}
                checked={grounds.includes(ground)}
                onClick={({ checkboxState }) =>
                  setGrounds((current) =>
                    checkboxState
                      ? [...current.filter((g) => g !== ground), ground]
                      : current.filter((g) => g !== ground),
                  )
                }
              >
                {t(GROUND_LABELS[ground])}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <DateField form={form} path="placedOn" label={t('restriction.placedOn')} />
          {contested && rectifications.length === 0 && (
            <p className="muted span-all">{t('restriction.noRectification')}</p>
          )}
          {/* suomifi's Dropdown cannot be empty: offered when the person has such a request. */}
          {contested && rectifications.length > 0 && (
            <SelectField
              form={form}
              path="rectificationRequestId"
              label={t('restriction.rectificationRequest')}
              hint={t('restriction.rectificationHint')}
              placeholder={t('form.choose')}
              options={rectifications.map((r) => ({
                value: r.id,
                label: t('restriction.rectificationOption', {
                  number: r.number,
                  date: formatDate(r.receivedOn),
                }),
              }))}
            />
          )}
        </>
      )}
    </StepForm>
  );
}
