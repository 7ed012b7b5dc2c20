import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from 'suomifi-ui-components';
import { rectificationApi } from '../../../contract/rectification/rectification.endpoints.ts';
import type { RectificationView } from '../../../contract/rectification/rectification.schemas.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import type {
  RequestActionName,
  RequestView,
} from '../../../contract/requests/requests.schemas.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { saveFile } from '../../components/download.ts';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { queryKeyOf, useCall, useDownload } from '../../data.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StepForm } from '../../components/StepForm.tsx';
import {
  FORM_FIELDS,
  isAddressField,
  proposedValue,
  type FormField,
} from './rectification-form.ts';
import { useSourceText } from './ValueSources.tsx';

type RectificationItem = RectificationView['items'][number];

/** What the server allows now (its state machine), not a copy of its rules. */
const allows = (request: RequestView, action: RequestActionName) =>
  request.allowedActions.some((allowed) => allowed.action === action);

/**
 * The server's field errors under the form's own prefix: several forms share the request's page,
 * and each field's id (and so its label) must be unique on it.
 */
const underPrefix = (prefix: string) => (field: string) =>
  field === 'status' ? field : `${prefix}.${field}`;

/**
 * A rectification request on its page: the fields the person asks to correct, the officer's
 * decision on each, applying the granted ones, the sources and recipients captured then, and the
 * notification letters and the refusal certificate (decision 0017).
 */
export function RectificationPanel({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const input = { params: { id: request.id } };
  const rectification = request.type === 'rectification';
  const view = useCall(rectificationApi.get, input, { enabled: rectification });
  if (!rectification) return null;
  // A change answers with the rectification (its forms read the request again: history, steps).
  const changed = (next: RectificationView) =>
    client.setQueryData(queryKeyOf(rectificationApi.get, input), next);
  return (
    <Section title={t('rectification.title')} className="rectification">
      <Loaded query={view}>
        {(data) => <RectificationBody request={request} view={data} onChanged={changed} />}
      </Loaded>
    </Section>
  );
}

function RectificationBody({
  request,
  view,
  onChanged,
}: {
  request: RequestView;
  view: RectificationView;
  onChanged: (view: RectificationView) => void;
}) {
  const { t } = useI18n();
  const decide = allows(request, 'decideRectificationItem');
  const pending = view.items.some((item) => item.decision === 'granted' && !item.appliedAt);
  return (
    <>
      <Paragraph mb="s">{t('rectification.intro')}</Paragraph>
      {view.items.length === 0 ? (
        <p className="muted">{t('rectification.noItems')}</p>
      ) : (
        <ul className="plain-list rectification__items">
          {view.items.map((item) => (
            <li key={item.id} className="rectification__item">
              <ItemDetails item={item} />
              {decide && !item.appliedAt && (
                <Decision request={request} item={item} onChanged={onChanged} />
              )}
            </li>
          ))}
        </ul>
      )}
      {view.outcome && (
        <p className="rectification__outcome">
          {t('rectification.outcomeIs', { outcome: t(`rectification.outcome.${view.outcome}`) })}
        </p>
      )}
      {allows(request, 'applyRectification') && view.outcome && pending && (
        <Apply request={request} onChanged={onChanged} />
      )}
      {decide && !view.outcome && view.items.length > 0 && (
        <p className="muted">{t('rectification.decideAll')}</p>
      )}
      {allows(request, 'addRectificationItem') && (
        <AddItem request={request} view={view} onChanged={onChanged} />
      )}
      <Documents request={request} view={view} />
    </>
  );
}

function ItemDetails({ item }: { item: RectificationItem }) {
  const { t } = useI18n();
  const sourceText = useSourceText();
  return (
    <div>
      <h3 className="rectification__field">{t(`rectification.field.${item.field}`)}</h3>
      <dl className="data-list">
        <div className="data-list__row">
          <dt>{t('rectification.proposed')}</dt>
          <dd>
            {item.proposedValue ?? <span className="muted">{t('rectification.remove')}</span>}
          </dd>
        </div>
        <div className="data-list__row">
          <dt>{t('rectification.grounds')}</dt>
          <dd className="requests__text">{item.grounds}</dd>
        </div>
        <div className="data-list__row">
          <dt>{t('rectification.decision')}</dt>
          <dd>
            {item.decision ? (
              <>
                <span className={`badge ${item.decision === 'refused' ? 'badge--warning' : ''}`}>
                  {t(`rectification.decision.${item.decision}`)}
                </span>
                {item.decidedOn && ` ${formatDate(item.decidedOn)}`}
                {item.refusalReason && <div className="requests__text">{item.refusalReason}</div>}
              </>
            ) : (
              <span className="muted">{t('rectification.undecided')}</span>
            )}
          </dd>
        </div>
        {item.appliedAt && (
          <div className="data-list__row">
            <dt>{t('rectification.applied')}</dt>
            <dd>{formatDateTime(item.appliedAt)}</dd>
          </div>
        )}
      </dl>
      {item.sources && (
        <>
          <h4>{t('rectification.oldSources')}</h4>
          {item.sources.length === 0 ? (
            <p className="muted">{t('rectification.noSources')}</p>
          ) : (
            <ul className="plain-list">
              {item.sources.map((source, index) => (
                <li key={index}>
                  {sourceText({ ...source, requestNumber: null })} ·{' '}
                  {formatDateTime(source.recordedAt)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {item.recipients && (
        <>
          <h4>{t('rectification.recipients')}</h4>
          {item.recipients.length === 0 ? (
            <p className="muted">{t('rectification.noRecipients')}</p>
          ) : (
            <ul className="plain-list">
              {item.recipients.map((recipient) => (
                <li key={recipient.partnerId}>
                  {recipient.partnerName} ·{' '}
                  {recipient.disclosures
                    .map(
                      (d) =>
                        formatDate(d.disclosedAt) +
                        (d.collection ? ` (${t('rectification.collection')})` : ''),
                    )
                    .join(', ')}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function Decision({
  request,
  item,
  onChanged,
}: {
  request: RequestView;
  item: RectificationItem;
  onChanged: (view: RectificationView) => void;
}) {
  const { t } = useI18n();
  const field = t(`rectification.field.${item.field}`);
  // Each field's form has paths of its own: ids (and labels) stay unique on the page.
  const prefix = `rectification.${item.id}`;
  const path = { decision: `${prefix}.decision`, reason: `${prefix}.reason` };
  const labels = {
    status: t('requests.statusLabel'),
    [path.decision]: t('rectification.decision'),
    [path.reason]: t('rectification.reason'),
    [`${prefix}.itemId`]: field,
  };
  return (
    <StepForm
      key={`${item.decision ?? 'open'}`}
      title={t('rectification.decideTitle', { field })}
      endpoint={rectificationApi.decide}
      serverFields={underPrefix(prefix)}
      invalidates={[requestsApi.get]}
      initial={{ [path.decision]: item.decision ?? '', [path.reason]: item.refusalReason ?? '' }}
      labels={labels}
      submitText={t('rectification.saveDecision')}
      input={(values) => ({
        params: { id: request.id, itemId: item.id },
        body:
          values[path.decision] === 'refused'
            ? { decision: 'refused' as const, reason: (values[path.reason] ?? '').trim() }
            : { decision: 'granted' as const },
      })}
      onDone={(view) => onChanged(view)}
    >
      {(form) => (
        <>
          <SelectField
            form={form}
            path={path.decision}
            label={t('rectification.decision')}
            placeholder={t('form.choose')}
            options={(['granted', 'refused'] as const).map((decision) => ({
              value: decision,
              label: t(`rectification.decision.${decision}`),
            }))}
          />
          {form.values[path.decision] === 'refused' && (
            <TextAreaField
              form={form}
              path={path.reason}
              label={t('rectification.reason')}
              hint={t('rectification.reasonHint')}
              className="span-all"
            />
          )}
        </>
      )}
    </StepForm>
  );
}

function Apply({
  request,
  onChanged,
}: {
  request: RequestView;
  onChanged: (view: RectificationView) => void;
}) {
  const { t } = useI18n();
  return (
    <StepForm
      title={t('rectification.applyTitle')}
      intro={t('rectification.applyIntro')}
      endpoint={rectificationApi.apply}
      invalidates={[requestsApi.get]}
      initial={{}}
      labels={{ status: t('requests.statusLabel'), items: t('rectification.title') }}
      submitText={t('rectification.apply')}
      input={() => ({ params: { id: request.id }, body: {} })}
      onDone={(view) => onChanged(view)}
    />
  );
}

function AddItem({
  request,
  view,
  onChanged,
}: {
  request: RequestView;
  view: RectificationView;
  onChanged: (view: RectificationView) => void;
}) {
  const { t } = useI18n();
  const named = new Set(view.items.map((item) => item.field));
  const choices = FORM_FIELDS.filter((field) => !named.has(field));
  if (choices.length === 0) return null;
  const prefix = 'rectification.new';
  const path = (name: string) => `${prefix}.${name}`;
  const labels: Record<string, string> = {
    status: t('requests.statusLabel'),
    [path('type')]: t('requests.typeLabel'),
    [path('field')]: t('rectification.fieldLabel'),
    [path('value')]: t('rectification.proposed'),
    [path('value.street')]: t('address.street'),
    [path('value.postalCode')]: t('address.postalCode'),
    [path('value.postOffice')]: t('address.postOffice'),
    [path('value.country')]: t('address.country'),
    [path('grounds')]: t('rectification.grounds'),
  };
  const label = (name: string) => labels[path(name)] ?? name;
  return (
    <StepForm
      key={view.items.length}
      title={t('rectification.addTitle')}
      intro={t('rectification.addIntro')}
      endpoint={rectificationApi.addItem}
      serverFields={underPrefix(prefix)}
      invalidates={[requestsApi.get]}
      initial={{ [path('field')]: '', [path('value')]: '', [path('grounds')]: '' }}
      labels={labels}
      submitText={t('rectification.add')}
      input={(values) => {
        const field = values[path('field')] as FormField;
        return {
          params: { id: request.id },
          body: {
            field,
            value: proposedValue(field, values, prefix),
            grounds: (values[path('grounds')] ?? '').trim(),
          },
        };
      }}
      onDone={(next) => onChanged(next)}
    >
      {(form) => {
        const field = form.values[path('field')] ?? '';
        return (
          <>
            <SelectField
              form={form}
              path={path('field')}
              label={label('field')}
              placeholder={t('form.choose')}
              options={choices.map((choice) => ({
                value: choice,
                label: t(`rectification.field.${choice}`),
              }))}
            />
            {field === 'language' && (
              <SelectField
                form={form}
                path={path('value')}
                label={label('value')}
                placeholder={t('form.choose')}
                options={(['fi', 'sv', 'en'] as const).map((code) => ({
                  value: code,
                  label: t(`language.${code}`),
                }))}
              />
            )}
            {field !== '' && field !== 'language' && !isAddressField(field) && (
              <TextField
                form={form}
                path={path('value')}
                label={label('value')}
                hint={t('rectification.valueHint')}
              />
            )}
            {isAddressField(field) && (
              <div className="span-all">
                <AddressFields form={form} prefix={path('value')} legend={label('value')} />
              </div>
            )}
            <TextAreaField
              form={form}
              path={path('grounds')}
              label={label('grounds')}
              hint={t('rectification.groundsHint')}
              className="span-all"
            />
          </>
        );
      }}
    </StepForm>
  );
}

/** The notification letters (one per source and recipient) and the refusal certificate. */
function Documents({ request, view }: { request: RequestView; view: RectificationView }) {
  const { t } = useI18n();
  const fetchLetter = useDownload(rectificationApi.letter);
  const certificate = useDownload(rectificationApi.certificate);
  const [saved, setSaved] = useState('');
  if (view.letters.length === 0 && !view.certificate) return null;
  const busy = fetchLetter.isPending || certificate.isPending;
  const failure = fetchLetter.error ?? certificate.error;
  const onSuccess = (file: { blob: Blob; fileName: string }) => {
    saveFile(file.blob, file.fileName);
    setSaved(t('rectification.downloaded', { name: file.fileName }));
  };
  const onMutate = () => {
    fetchLetter.reset();
    certificate.reset();
    setSaved('');
  };
  const partyName = (party: string, name: string) =>
    party === 'population_register'
      ? t('rectification.kind.population_register')
      : party === 'update_service'
        ? t('rectification.kind.update_service')
        : name;
  const fieldList = (fields: readonly string[]) =>
    fields.map((field) => t(`rectification.field.${field as FormField}`)).join(', ');
  return (
    <>
      {view.letters.length > 0 && (
        <>
          <h3>{t('rectification.lettersTitle')}</h3>
          <Paragraph mb="s">{t('rectification.lettersIntro')}</Paragraph>
          <ul className="plain-list rectification__letters">
            {view.letters.map((letter) => (
              <li key={letter.party}>
                <strong>{partyName(letter.party, letter.name)}</strong>
                {letter.asSource.length > 0 && (
                  <div>{t('rectification.asSource', { fields: fieldList(letter.asSource) })}</div>
                )}
                {letter.asRecipient.length > 0 && (
                  <div>
                    {t('rectification.asRecipient', { fields: fieldList(letter.asRecipient) })}
                  </div>
                )}
                <Button
                  variant="secondary"
                  disabled={busy}
                  onClick={() => {
                    onMutate();
                    fetchLetter.mutate(
                      { params: { id: request.id, party: letter.party } },
                      { onSuccess },
                    );
                  }}
                >
                  {t('rectification.downloadLetter', {
                    name: partyName(letter.party, letter.name),
                  })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.certificate && (
        <>
          <h3>{t('rectification.certificateTitle')}</h3>
          <Paragraph mb="s">{t('rectification.certificateIntro')}</Paragraph>
          <Button
            disabled={busy}
            onClick={() => {
              onMutate();
              certificate.mutate({ params: { id: request.id } }, { onSuccess });
            }}
          >
            {t('rectification.downloadCertificate')}
          </Button>
        </>
      )}
      <p role="status" className="muted">
        {saved}
      </p>
      {failure !== null && <ProblemNotice error={failure} />}
    </>
  );
}
