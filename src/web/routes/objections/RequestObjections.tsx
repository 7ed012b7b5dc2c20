import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import { fieldId } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import { TYPE_LABELS } from './labels.ts';
import type { ObjectionType } from '../../../contract/enums.ts';
import { objectionsApi } from '../../../contract/objections/objections.endpoints.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';

const TYPES = Object.keys(TYPE_LABELS) as ObjectionType[];

/**
 * The objection request's step: the officer ticks the uses the request forbids and records them,
 * with the request as their source. Shown on objection requests only.
 */
export function RequestObjections(props: { request: RequestView }) {
  return props.request.type === 'objection' ? <ObjectionStep {...props} /> : null;
}

function ObjectionStep({ request }: { request: RequestView }) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const [status, say] = useStatusLine();
  const [chosen, setChosen] = useState<ObjectionType[]>([]);
  const objections = useCall(objectionsApi.ofRequest, { params: { id: request.id } });
  // The server says when objections may be recorded (identity verified, not yet decided).
  const open = request.allowedActions.some((allowed) => allowed.action === 'recordObjections');
  const names = (types: readonly ObjectionType[]) =>
    TYPES.filter((type) => types.includes(type))
      .map((type) => t(TYPE_LABELS[type]).toLowerCase())
      .join(', ');
  const record = useContractForm({
    endpoint: objectionsApi.recordForRequest,
    initial: {},
    changed: chosen.length > 0,
    input: () =>
      chosen.length === 0 ? null : { params: { id: request.id }, body: { types: chosen } },
    // The request is read again too: its history has the step.
    invalidates: [objectionsApi.ofRequest, requestsApi.get],
    onSaved: (result) => {
      setChosen([]);
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
  });
  const typesError = record.form.errors.types;

  return (
    <Section title={t('objections.requestTitle')}>
      {status}
      <Loaded query={objections}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('objections.requestNone')}</p>
          ) : (
            <ul className="plain-list">
              {list.items.map((objection) => (
                <li key={objection.id}>
                  {t(TYPE_LABELS[objection.type])} · {formatDate(objection.objectedOn)}
                  {objection.withdrawal &&
                    ` · ${t('objections.withdrawnValue', { date: formatDate(objection.withdrawal.withdrawnOn) })}`}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {me.can('requests.manage') &&
        (open ? (
          <form noValidate className="billing-admin__form" onSubmit={record.submit}>
            <Paragraph mb="s">{t('objections.requestIntro')}</Paragraph>
            <FormErrorSummary
              errors={record.form.errors}
              attempt={record.attempt}
              labelFor={(path) =>
                path === 'types' ? t('objections.requestTypes') : t('objections.status')
              }
            />
            <CheckboxGroup
              id={fieldId('types')}
              labelText={t('objections.requestTypes')}
              groupStatus={typesError ? 'error' : 'default'}
              groupStatusText={typesError ? errorText(typesError) : undefined}
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
            {record.failure !== null && <ProblemNotice error={record.failure} />}
            <div className="billing-admin__actions">
              <Button type="submit" disabled={record.busy || chosen.length === 0}>
                {t('objections.requestRecord')}
              </Button>
            </div>
          </form>
        ) : (
          request.status === 'received' && <p className="muted">{t('objections.requestNotYet')}</p>
        ))}
    </Section>
  );
}
