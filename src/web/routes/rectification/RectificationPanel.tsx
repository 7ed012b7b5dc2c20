import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import { call, download } from '../../client.ts';
import { rectificationApi } from '../../../contract/rectification/rectification.endpoints.ts';
import type { RectificationView } from '../../../contract/rectification/rectification.schemas.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { saveFile } from '../../components/download.ts';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { StepForm } from '../requests/StepForm.tsx';
import {
  FORM_FIELDS,
  isAddressField,
  proposedValue,
  underPrefix,
  type FormField,
} from './rectification-form.ts';
import { useSourceText } from './ValueSources.tsx';

type RectificationItem = RectificationView['items'][number];

const OPEN_FOR_ITEMS = ['received', 'identity_verified', 'in_progress'];

/**
 * A rectification request on its page: the fields the person asks to correct, the officer's
 * decision on each, applying the granted ones, the sources and recipients captured then, and the
 * notification letters and the refusal certificate (decision 0017).
 */
export function RectificationPanel({
  request,
  onChange,
}: {
  request: RequestView;
  onChange: (request: RequestView) => void;
}) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const [resource, replace] = useResource(
    `rectification:${request.id}:${request.status}:${generation}`,
    (signal) =>
      request.type === 'rectification'
        ? call(rectificationApi.get, { params: { id: request.id } }, { signal })
        : Promise.resolve(null),
  );
  if (request.type !== 'rectification') return null;
  /** A change answered with the rectification; the request's history is read again too. */
  const changed = (view: RectificationView) => {
    replace(view);
    void call(requestsApi.get, { params: { id: request.id } }).then(onChange, () =>
      setGeneration((n) => n + 1),
    );
  };
  return (
    <Section title={t('rectification.title')} className="rectification">
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'failed' && <ProblemNotice error={resource.error} />}
      {resource.state === 'ready' && resource.data && (
        <RectificationBody request={request} view={resource.data} onChanged={changed} />
      )}
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
  const me = useMe();
  const manage = me.can('requests.manage');
  const inProgress = request.status === 'in_progress';
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
              {manage && inProgress && !item.appliedAt && (
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
      {manage && inProgress && view.outcome && pending && (
        <Apply request={request} onChanged={onChanged} />
      )}
      {manage && inProgress && !view.outcome && view.items.length > 0 && (
        <p className="muted">{t('rectification.decideAll')}</p>
      )}
      {manage && OPEN_FOR_ITEMS.includes(request.status) && (
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
      initial={{ [path.decision]: item.decision ?? '', [path.reason]: item.refusalReason ?? '' }}
      required={[path.decision]}
      labels={labels}
      submitText={t('rectification.saveDecision')}
      run={(values) => {
        const reason = (values[path.reason] ?? '').trim();
        return underPrefix(
          prefix,
          values[path.decision] === 'refused'
            ? call(rectificationApi.decide, {
                params: { id: request.id, itemId: item.id },
                body: { decision: 'refused', reason },
              })
            : call(rectificationApi.decide, {
                params: { id: request.id, itemId: item.id },
                body: { decision: 'granted' },
              }),
        );
      }}
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
      initial={{}}
      labels={{ status: t('requests.statusLabel'), items: t('rectification.title') }}
      submitText={t('rectification.apply')}
      run={() => call(rectificationApi.apply, { params: { id: request.id }, body: {} })}
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
      initial={{ [path('field')]: '', [path('value')]: '', [path('grounds')]: '' }}
      required={[path('field'), path('grounds')]}
      labels={labels}
      submitText={t('rectification.add')}
      run={(values) => {
        const field = values[path('field')] as FormField;
        return underPrefix(
          prefix,
          call(rectificationApi.addItem, {
            params: { id: request.id },
            body: {
              field,
              value: proposedValue(field, values, prefix),
              grounds: (values[path('grounds')] ?? '').trim(),
            },
          }),
        );
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
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  if (view.letters.length === 0 && !view.certificate) return null;
  const save = async (key: string, fetchFile: () => Promise<{ blob: Blob; fileName: string }>) => {
    setBusy(key);
    setFailure(null);
    setSaved('');
    try {
      const file = await fetchFile();
      saveFile(file.blob, file.fileName);
      setSaved(t('rectification.downloaded', { name: file.fileName }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
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
                  disabled={busy !== null}
                  onClick={() =>
                    void save(letter.party, () =>
                      download(rectificationApi.letter, {
                        params: { id: request.id, party: letter.party },
                      }),
                    )
                  }
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
            disabled={busy !== null}
            onClick={() =>
              void save('certificate', () =>
                download(rectificationApi.certificate, { params: { id: request.id } }),
              )
            }
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
