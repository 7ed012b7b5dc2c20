import { useId, useMemo, useState } from 'react';
import { Button, Paragraph, ToggleInput } from 'suomifi-ui-components';
import { TextField } from '../../../components/Fields.tsx';
import { FormErrorSummary } from '../../../components/FormErrors.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Section } from '../../../components/Section.tsx';
import { useStatusMessage } from '../../../components/StatusMessage.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { useCall } from '../../../data.ts';
import type { Language } from '../../../i18n/catalogues.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { nameIn } from '../../social-services/client-forms.ts';
import { formatEuros } from '../customer/billing-format.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import type { ServiceView } from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';
import {
  serviceErrors,
  serviceInput,
  servicePatch,
  serviceProblems,
  serviceValues,
} from './service-form.ts';
import './billing-admin.css';

/** Which form is open: a new service (null) or the service of the id. */
type Editing = { id: string | null } | null;

const NUMBER_LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' };

/** A VAT rate the way the language writes it: `25,5 %`. */
const formatPercent = (percent: number, language: Language): string =>
  `${new Intl.NumberFormat(NUMBER_LOCALES[language], { maximumFractionDigits: 2 }).format(percent)} %`;

/**
 * The services the municipality sells, as orders choose them: names in three languages, unit,
 * price and VAT. A deactivated service stays (its orders name it) but leaves the order form.
 */
export function ServiceCataloguePage() {
  const { t } = useI18n();
  const services = useCall(serviceCatalogueApi.all, {});
  const [editing, setEditing] = useState<Editing>(null);
  const [statusLine, setMessage] = useStatusMessage('billing-admin__status');

  const start = (next: Editing) => {
    setMessage(null);
    setEditing(next);
  };
  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <div className="billing-admin">
      <PageHeading title={t('services.title')} />
      <Paragraph mb="m">{t('services.intro')}</Paragraph>
      {statusLine}
      <Section title={t('services.listTitle')}>
        {editing?.id === null ? (
          <ServiceForm service={null} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : (
          <Button variant="secondary" onClick={() => start({ id: null })}>
            {t('services.new')}
          </Button>
        )}
        <Loaded query={services}>
          {(data) => (
            <ServiceTable
              services={data.items}
              editing={editing?.id ?? null}
              onEdit={(id) => start({ id })}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          )}
        </Loaded>
      </Section>
    </div>
  );
}

function ServiceTable({
  services,
  editing,
  onEdit,
  onSaved,
  onCancel,
}: {
  services: ServiceView[];
  editing: string | null;
  onEdit: (id: string) => void;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  if (services.length === 0) return <p className="muted">{t('services.none')}</p>;
  return (
    <div className="log-table__scroll">
      <table className="log-table billing-admin__table">
        <caption className="visually-hidden">{t('services.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('services.name')}</th>
            <th scope="col">{t('services.code')}</th>
            <th scope="col">{t('services.unit')}</th>
            <th scope="col" className="billing-admin__number">
              {t('services.unitPrice')}
            </th>
            <th scope="col" className="billing-admin__number">
              {t('services.vatRate')}
            </th>
            <th scope="col">{t('services.status')}</th>
            <th scope="col">{t('services.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const name = nameIn(language, service);
            if (editing === service.id) {
              return (
                <tr key={service.id}>
                  <td colSpan={7}>
                    <ServiceForm service={service} onSaved={onSaved} onCancel={onCancel} />
                  </td>
                </tr>
              );
            }
            return (
              <tr key={service.id}>
                <th scope="row" className="billing-admin__wrap">
                  {name}
                </th>
                <td>{service.code}</td>
                <td>{service.unit}</td>
                <td className="billing-admin__number">
                  {formatEuros(service.unitPriceCents, language)}
                </td>
                <td className="billing-admin__number">
                  {formatPercent(service.vatRate, language)}
                </td>
                <td>
                  {service.active ? (
                    <span className="badge badge--active">{t('services.active')}</span>
                  ) : (
                    <span className="badge">{t('services.inactive')}</span>
                  )}
                </td>
                <td>
                  <Button
                    variant="secondaryNoBorder"
                    aria-label={t('services.editNamed', { name })}
                    onClick={() => onEdit(service.id)}
                  >
                    {t('common.edit')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A new service, or a change to one: code, names, unit, price, VAT and whether it is in use. */
function ServiceForm({
  service,
  onSaved,
  onCancel,
}: {
  service: ServiceView | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const titleId = useId();
  const initial = useMemo(() => serviceValues(service, language), [service, language]);
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: service ? serviceCatalogueApi.update : serviceCatalogueApi.create,
    // The new service's schema: every text is required, and how long it may be.
    schema: serviceCatalogueApi.create.body,
    initial,
    check: (values) => Object.values(serviceProblems(values)),
    input: (values) =>
      service
        ? { params: { id: service.id }, body: servicePatch(service, values) }
        : { body: serviceInput(values) },
    // The order form offers the active services.
    invalidates: [serviceCatalogueApi.all, serviceCatalogueApi.active],
    describe: (errors) => serviceErrors(Object.values(errors)),
    // The errors change only when the form is sent (see the staff forms).
    checkOnBlur: false,
    onSaved: (_, values) =>
      onSaved(
        t(service ? 'services.saved' : 'services.created', {
          name: nameIn(language, serviceInput(values)),
        }),
      ),
  });

  const labels: Record<string, string> = {
    code: t('services.code'),
    nameFi: t('services.nameFi'),
    nameSv: t('services.nameSv'),
    nameEn: t('services.nameEn'),
    unit: t('services.unit'),
    unitPrice: t('services.unitPriceEuros'),
    vatRate: t('services.vatRatePercent'),
    active: t('services.activeToggle'),
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="billing-admin__form">
      <h3 id={titleId} className="billing-admin__form-title">
        {service ? t('services.editTitle', { name: nameIn(language, service) }) : t('services.new')}
      </h3>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <div className="field-grid">
        <TextField form={form} path="code" label={labels.code} hint={t('services.codeHint')} />
        <TextField form={form} path="unit" label={labels.unit} hint={t('services.unitHint')} />
        <TextField form={form} path="nameFi" label={labels.nameFi} />
        <TextField form={form} path="nameSv" label={labels.nameSv} />
        <TextField form={form} path="nameEn" label={labels.nameEn} />
        <TextField
          form={form}
          path="unitPrice"
          label={labels.unitPrice}
          hint={t('services.unitPriceHint')}
          inputMode="text"
          maxLength={20}
        />
        <TextField
          form={form}
          path="vatRate"
          label={labels.vatRate}
          hint={t('services.vatRateHint')}
          inputMode="text"
          maxLength={10}
        />
        <ToggleInput
          id="field-active"
          className="billing-admin__toggle"
          checked={form.values.active !== 'false'}
          onChange={(checked) => form.set('active', String(checked))}
        >
          {labels.active}
        </ToggleInput>
      </div>
      <div className="billing-admin__actions">
        <Button type="submit" disabled={busy}>
          {service ? t('common.saveChanges') : t('services.createButton')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
