import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { ProblemNotice, Loading } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import { TYPE_LABELS } from './labels.ts';
import { call } from '../../client.ts';
import type { ObjectionType } from '../../../contract/enums.ts';
import { objectionsApi } from '../../../contract/objections/objections.endpoints.ts';

const TYPES = Object.keys(TYPE_LABELS) as ObjectionType[];
/** As the server: once the identity is verified, before the decision. */
const OPEN_STATUSES: readonly string[] = ['identity_verified', 'in_progress'];

/**
 * The objection request's step: the officer ticks the uses the request forbids and records them,
 * with the request as their source. Shown on objection requests only.
 */
export function RequestObjections(props: { request: RequestView; onRecorded?: () => void }) {
  return props.request.type === 'objection' ? <ObjectionStep {...props} /> : null;
}

function ObjectionStep({
  request,
  onRecorded,
}: {
  request: RequestView;
  /** The request changed (its history has the step): load it again. */
  onRecorded?: () => void;
}) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const [status, say] = useStatusLine();
  const [chosen, setChosen] = useState<ObjectionType[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [resource, , reload] = useResource(`request-objections:${request.id}`, (signal) =>
    call(objectionsApi.ofRequest, { params: { id: request.id } }, { signal }),
  );
  const open = OPEN_STATUSES.includes(request.status);
  const names = (types: readonly ObjectionType[]) =>
    TYPES.filter((type) => types.includes(type))
      .map((type) => t(TYPE_LABELS[type]).toLowerCase())
      .join(', ');

  const record = () => {
    setFailure(null);
    if (chosen.length === 0) return;
    setBusy(true);
    call(objectionsApi.recordForRequest, {
      params: { id: request.id },
      body: { types: chosen },
    }).then(
      (result) => {
        setBusy(false);
        setChosen([]);
        reload();
        onRecorded?.();
        const recorded = result.recorded.map((o) => o.type);
        say(
          [
            recorded.length > 0 ? t('objections.requestRecorded', { types: names(recorded) }) : '',
            result.alreadyActive.length > 0
              ? t('objections.requestAlready', { types: names(result.alreadyActive) })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  return (
    <Section title={t('objections.requestTitle')}>
      {status}
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'failed' && <ProblemNotice error={resource.error} />}
      {resource.state === 'ready' &&
        (resource.data.items.length === 0 ? (
          <p className="muted">{t('objections.requestNone')}</p>
        ) : (
          <ul className="plain-list">
            {resource.data.items.map((objection) => (
              <li key={objection.id}>
                {t(TYPE_LABELS[objection.type])} · {formatDate(objection.objectedOn)}
                {objection.withdrawal &&
                  ` · ${t('objections.withdrawnValue', { date: formatDate(objection.withdrawal.withdrawnOn) })}`}
              </li>
            ))}
          </ul>
        ))}
      {me.can('requests.manage') &&
        (open ? (
          <div className="billing-admin__form">
            <Paragraph mb="s">{t('objections.requestIntro')}</Paragraph>
            <CheckboxGroup
              labelText={t('objections.requestTypes')}
              groupStatus={failure instanceof ApiError ? 'error' : 'default'}
              groupStatusText={
                failure instanceof ApiError && failure.problem.errors?.[0]
                  ? errorText(failure.problem.errors[0])
                  : undefined
              }
            >
              {TYPES.map((type) => (
                <Checkbox
                  key={type}
                  checked={chosen.includes(type)}
                  onClick={({ checkboxState }) =>
                    setChosen((current) =>
                      checkboxState
                        ? [...current.filter((c) => c !== type), type]
                        : current.filter((c) => c !== type),
                    )
                  }
                >
                  {t(TYPE_LABELS[type])}
                </Checkbox>
              ))}
            </CheckboxGroup>
            {failure !== null && !(failure instanceof ApiError) && (
              <ProblemNotice error={failure} />
            )}
            <div className="billing-admin__actions">
              <Button disabled={busy || chosen.length === 0} onClick={record}>
                {t('objections.requestRecord')}
              </Button>
            </div>
          </div>
        ) : (
          request.status === 'received' && <p className="muted">{t('objections.requestNotYet')}</p>
        ))}
    </Section>
  );
}
