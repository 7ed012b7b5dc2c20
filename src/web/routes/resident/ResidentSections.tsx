import { useMemo, useState } from 'react';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { residentApi } from '../../../contract/resident/resident.endpoints.ts';
import { OBJECTION_TYPES, REQUEST_TYPES, type RequestType } from '../../../contract/enums.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { addressInput, addressValues, textOrNull, type FormValues } from '../../components/form.ts';
import type { ContractForm } from '../../components/useContractForm.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TYPE_LABELS } from '../objections/labels.ts';

type Person = NonNullable<Answer<typeof residentApi.me>['person']>;

/** The contact fields the resident types, at registration and when correcting them. */
export function ContactFields<E extends Parameters<typeof TextField>[0]['form']>({
  form,
}: {
  form: E;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        form={form}
        path="email"
        label={t('resident.field.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
      />
      <TextField
        form={form}
        path="phone"
        label={t('resident.field.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      <AddressFields
        form={form}
        prefix="contactAddress"
        legend={t('resident.field.contactAddress')}
      />
      <SelectField
        form={form}
        path="language"
        label={t('resident.field.language')}
        options={LANGUAGES.map((option) => ({ value: option, label: LANGUAGE_NAMES[option] }))}
      />
    </>
  );
}

/** The contact fields' body: empty text is no value. */
export function contactBody(values: FormValues, fallback: (typeof LANGUAGES)[number]) {
  return {
    email: textOrNull(values, 'email'),
    phone: textOrNull(values, 'phone'),
    contactAddress: addressInput(values, 'contactAddress'),
    language: isLanguage(values.language) ? values.language : fallback,
  };
}

export function contactLabels(t: ReturnType<typeof useI18n>['t']) {
  return {
    email: t('resident.field.email'),
    phone: t('resident.field.phone'),
    contactAddress: t('resident.field.contactAddress'),
    language: t('resident.field.language'),
  };
}

function FormErrors<E extends Parameters<typeof TextField>[0]['form']>({
  form,
  attempt,
  failure,
}: {
  form: E;
  attempt: number;
  failure: unknown;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, contactLabels(t))}
      />
      {failure !== null && <ProblemNotice error={failure} />}
    </>
  );
}

/**
 * Correcting one's own contact details, with oneself as the source (decision 0032); names, the
 * identity code and the population register's address go by a rectification request.
 */
export function CorrectContact({ person }: { person: Person }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const initial = useMemo(
    () => ({
      email: person.email ?? '',
      phone: person.phoneDisplay ?? '',
      language: person.language,
      ...addressValues('contactAddress', person.contactAddress),
    }),
    [person],
  );
  const contract: ContractForm<typeof residentApi.correctContact> = useContractForm({
    endpoint: residentApi.correctContact,
    initial,
    input: (values) => ({ body: contactBody(values, language) }),
    invalidates: [residentApi.me, residentApi.data],
    onSaved: () => {
      setOpen(false);
      setSaved(true);
    },
    checkOnBlur: false,
  });
  const { form, submit, busy, attempt, failure } = contract;
  return (
    <section className="resident__section" aria-labelledby="resident-contact">
      <Heading variant="h2" id="resident-contact">
        {t('resident.contact.title')}
      </Heading>
      <div role="status">
        {saved && !open && (
          <InlineAlert status="neutral" className="notice notice--success">
            {t('resident.contact.saved')}
          </InlineAlert>
        )}
      </div>
      {open ? (
        <form noValidate onSubmit={submit} className="form">
          <FormErrors form={form} attempt={attempt} failure={failure} />
          <ContactFields form={form} />
          <Paragraph className="resident__note">{t('resident.contact.namesNote')}</Paragraph>
          <div className="form-actions">
            <Button type="submit" disabled={busy}>
              {t('resident.contact.save')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('resident.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t('resident.contact.open')}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The prohibitions: each one set or withdrawn from today, the e-service as its source. */
export function Prohibitions() {
  const { t } = useI18n();
  const list = useCall(residentApi.objections, {});
  const add = useSend(residentApi.addObjection, { invalidates: [residentApi.objections] });
  const withdraw = useSend(residentApi.withdrawObjection, {
    invalidates: [residentApi.objections],
  });
  const failure = add.error ?? withdraw.error ?? null;
  const busy = add.isPending || withdraw.isPending;
  return (
    <section className="resident__section" aria-labelledby="resident-prohibitions">
      <Heading variant="h2" id="resident-prohibitions">
        {t('resident.prohibitions.title')}
      </Heading>
      <Paragraph>{t('resident.prohibitions.intro')}</Paragraph>
      {failure !== null && <ProblemNotice error={failure} />}
      <Loaded query={list}>
        {({ items }) => (
          <ul className="resident__list">
            {OBJECTION_TYPES.map((type) => {
              const active = items.find((item) => item.type === type && item.active);
              const label = t(TYPE_LABELS[type]);
              return (
                <li key={type} className="resident__row">
                  <span>
                    <strong>{label}</strong>
                    <br />
                    {active
                      ? t('resident.prohibitions.activeSince', {
                          date: formatDate(active.objectedOn),
                        })
                      : t('resident.prohibitions.notSet')}
                  </span>
                  {active ? (
                    <Button
                      variant="secondary"
                      disabled={busy}
                      aria-label={`${t('resident.prohibitions.withdraw')}: ${label}`}
                      onClick={() =>
                        withdraw.mutate({ params: { objectionId: active.id }, body: {} })
                      }
                    >
                      {t('resident.prohibitions.withdraw')}
                    </Button>
                  ) : (
                    <Button
                      disabled={busy}
                      aria-label={`${t('resident.prohibitions.set')}: ${label}`}
                      onClick={() => add.mutate({ body: { type } })}
                    >
                      {t('resident.prohibitions.set')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

const REQUEST_TYPE_LABELS: Record<RequestType, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  access: 'requests.type.access',
  rectification: 'requests.type.rectification',
  erasure: 'requests.type.erasure',
  objection: 'requests.type.objection',
  restriction: 'requests.type.restriction',
};

/** The resident's requests, and a new one: channel e-service, identity verified already. */
export function Requests() {
  const { t, language } = useI18n();
  const list = useCall(residentApi.requests, {});
  const [sent, setSent] = useState<number | null>(null);
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: residentApi.fileRequest,
    initial: { type: '' },
    input: (values) =>
      (REQUEST_TYPES as readonly string[]).includes(values.type ?? '')
        ? { body: { type: values.type as RequestType, language } }
        : null,
    invalidates: [residentApi.requests],
    onSaved: (answer) => setSent(answer.number),
    emptyWhenSaved: true,
    checkOnBlur: false,
  });
  const typeLabel = t('resident.requests.type');
  return (
    <section className="resident__section" aria-labelledby="resident-requests">
      <Heading variant="h2" id="resident-requests">
        {t('resident.requests.title')}
      </Heading>
      <Loaded query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('resident.requests.none')}</Paragraph>
          ) : (
            <ul className="resident__list">
              {items.map((item) => (
                <li key={item.id} className="resident__row">
                  <span>
                    <strong>
                      {t(REQUEST_TYPE_LABELS[item.type])}{' '}
                      {t('resident.requests.number', { number: item.number })}
                    </strong>
                    <br />
                    {t(`requests.status.${item.status}`)} ·{' '}
                    {t('resident.requests.received', { date: formatDate(item.receivedOn) })} ·{' '}
                    {t('resident.requests.due', { date: formatDate(item.dueOn) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <Heading variant="h3">{t('resident.requests.new')}</Heading>
      <Paragraph>{t('resident.requests.intro')}</Paragraph>
      <div role="status">
        {sent !== null && (
          <InlineAlert status="neutral" className="notice notice--success">
            {t('resident.requests.sent', { number: sent })}
          </InlineAlert>
        )}
      </div>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, { type: typeLabel })}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <form noValidate onSubmit={submit} className="form">
        <SelectField
          form={form}
          path="type"
          label={typeLabel}
          placeholder={t('resident.requests.choose')}
          options={REQUEST_TYPES.map((type) => ({
            value: type,
            label: t(REQUEST_TYPE_LABELS[type]),
          }))}
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('resident.requests.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** "Who has processed my data", the last two years, opened on demand. */
export function Processing() {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const entries = useCall(residentApi.processing, { query: { lang: language } }, { enabled: open });
  return (
    <section className="resident__section" aria-labelledby="resident-processing">
      <Heading variant="h2" id="resident-processing">
        {t('resident.processing.title')}
      </Heading>
      {!open ? (
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('resident.processing.open')}
          </Button>
        </div>
      ) : (
        <Loaded query={entries}>
          {(report) =>
            report.entries.length === 0 ? (
              <Paragraph>{t('resident.processing.none')}</Paragraph>
            ) : (
              <ul className="resident__list">
                {report.entries.map((entry, index) => (
                  <li key={index} className="resident__row resident__row--text">
                    <span>
                      <strong>{formatDateTime(entry.occurredAt)}</strong> · {entry.actionText}
                      <br />
                      {entry.user}
                      {entry.role && entry.role !== entry.user ? `, ${entry.role}` : ''}
                      {entry.data.length > 0 ? ` — ${entry.data.join(', ')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
