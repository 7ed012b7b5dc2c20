import { useState } from 'react';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { formatDate } from '../../format.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useI18n, type I18n } from '../../i18n/I18nProvider.tsx';
import {
  bankAccountInput,
  bankAccountValues,
  type BankAccountInput,
  type FamilyRelationInput,
  type HealthInput,
  type IncomeInput,
  type ServiceNeedInput,
  familyInput,
  familyValues,
  formatEuros,
  healthInput,
  healthValues,
  incomeInput,
  incomeValues,
  nameIn,
  RECORDED_RELATION_TYPES,
  serviceNeedInput,
  serviceNeedValues,
  SERVICE_NEED_STATUSES,
} from './client-forms.ts';
import { RecordPanel, type PanelSpec } from './RecordPanel.tsx';
import { RelativePicker } from './RelativePicker.tsx';
import {
  socialRecordsApi,
  socialServicesApi,
} from '../../../contract/social-services/social-services.endpoints.ts';
import type {
  BankAccountView as BankAccount,
  FamilyRelationView as FamilyRelation,
  HealthView as HealthEntry,
  IncomeView as IncomeEntry,
  NeedTypeView as NeedType,
  ServiceNeedView as ServiceNeed,
} from '../../../contract/social-services/social-services.schemas.ts';

const CATEGORIES = ['health', 'serviceNeeds', 'income', 'bankAccounts', 'family'] as const;
type Category = (typeof CATEGORIES)[number];

const TAB_LABELS: Record<Category, MessageKey> = {
  health: 'social.tab.health',
  serviceNeeds: 'social.tab.serviceNeeds',
  income: 'social.tab.income',
  bankAccounts: 'social.tab.bankAccounts',
  family: 'social.tab.family',
};

type Context = {
  personId: string;
  purpose: string;
  needTypes: NeedType[];
  i18n: I18n;
};

/** "Period: 1.1.2020 – until further notice", or null without dates. */
function period(i18n: I18n, startsOn: string | null, endsOn: string | null): string | null {
  if (!startsOn && !endsOn) return null;
  return i18n.t('social.periodValue', {
    start: startsOn ? formatDate(startsOn) : '',
    end: endsOn ? formatDate(endsOn) : i18n.t('social.untilFurtherNotice'),
  });
}

/** The client's special-category data, a tab for each category; each tab loads when shown. */
export function ClientRecords({
  personId,
  purpose,
  readOnly,
  needTypes,
}: {
  personId: string;
  purpose: string;
  readOnly: boolean;
  needTypes: NeedType[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [category, setCategory] = useState<Category>('health');
  const context: Context = { personId, purpose, needTypes, i18n };

  return (
    <div className="social-records">
      <h3 className="social__subheading">{t('social.recordsTitle')}</h3>
      <Tabs
        label={t('social.recordsTitle')}
        tabs={CATEGORIES.map((key) => ({ key, label: t(TAB_LABELS[key]) }))}
        selected={category}
        onSelect={setCategory}
      >
        {category === 'health' && (
          <RecordPanel key="health" spec={healthSpec(context)} readOnly={readOnly} />
        )}
        {category === 'serviceNeeds' && (
          <RecordPanel key="needs" spec={serviceNeedSpec(context)} readOnly={readOnly} />
        )}
        {category === 'income' && (
          <RecordPanel key="income" spec={incomeSpec(context)} readOnly={readOnly} />
        )}
        {category === 'bankAccounts' && (
          <RecordPanel key="accounts" spec={bankAccountSpec(context)} readOnly={readOnly} />
        )}
        {category === 'family' && (
          <RecordPanel key="family" spec={familySpec(context)} readOnly={readOnly} />
        )}
      </Tabs>
    </div>
  );
}

function healthSpec({ personId, purpose, i18n }: Context): PanelSpec<HealthEntry, HealthInput> {
  const { t } = i18n;
  const labels = {
    date: t('social.health.date'),
    category: t('social.health.category'),
    text: t('social.health.text'),
    source: t('social.source'),
  };
  return {
    endpoints: socialRecordsApi.health,
    personId,
    purpose,
    texts: {
      add: t('social.health.add'),
      none: t('social.health.none'),
      newTitle: t('social.health.newTitle'),
      correctTitle: t('social.health.correctTitle'),
    },
    values: healthValues,
    convert: healthInput,
    labels,
    fields: (form) => (
      <>
        <DateField form={form} path="date" label={labels.date} hint={t('social.dateHint')} />
        <TextField
          form={form}
          path="category"
          label={labels.category}
          hint={t('social.health.categoryHint')}
        />
        <TextAreaField
          form={form}
          path="text"
          label={labels.text}
          hint={t('social.health.textHint')}
          className="span-all"
        />
        <TextField form={form} path="source" label={labels.source} hint={t('social.sourceHint')} />
      </>
    ),
    title: (entry) => `${formatDate(entry.date)} · ${entry.category}`,
    facts: (entry) => [
      { label: labels.text, value: <span className="notes">{entry.text}</span> },
      { label: labels.source, value: entry.source },
    ],
  };
}

function serviceNeedSpec({
  personId,
  purpose,
  needTypes,
  i18n,
}: Context): PanelSpec<ServiceNeed, ServiceNeedInput> {
  const { t, language } = i18n;
  const labels = {
    needType: t('social.need.type'),
    assessedOn: t('social.need.assessedOn'),
    status: t('social.need.status'),
    decisionReference: t('social.need.decisionReference'),
    source: t('social.source'),
  };
  const needName = (need: ServiceNeed) =>
    need.needTypeName ? need.needTypeName[language] : need.needType;
  return {
    endpoints: socialRecordsApi.serviceNeed,
    personId,
    purpose,
    texts: {
      add: t('social.need.add'),
      none: t('social.need.none'),
      newTitle: t('social.need.newTitle'),
      correctTitle: t('social.need.correctTitle'),
    },
    values: serviceNeedValues,
    convert: serviceNeedInput,
    labels,
    fields: (form, need) => {
      // A need recorded before its type left the list keeps its type when corrected.
      const types = needTypes.map((type) => ({ value: type.code, label: nameIn(language, type) }));
      if (need && !needTypes.some((type) => type.code === need.needType)) {
        types.push({ value: need.needType, label: needName(need) });
      }
      return (
        <>
          <SelectField
            form={form}
            path="needType"
            label={labels.needType}
            placeholder={t('form.choose')}
            options={types}
          />
          <DateField
            form={form}
            path="assessedOn"
            label={labels.assessedOn}
            hint={t('social.dateHint')}
          />
          <SelectField
            form={form}
            path="status"
            label={labels.status}
            placeholder={t('form.choose')}
            options={SERVICE_NEED_STATUSES.map((status) => ({
              value: status,
              label: t(`social.need.status.${status}`),
            }))}
          />
          <TextField
            form={form}
            path="decisionReference"
            label={labels.decisionReference}
            hint={t('social.need.decisionReferenceHint')}
          />
          <TextField
            form={form}
            path="source"
            label={labels.source}
            hint={t('social.sourceHint')}
          />
        </>
      );
    },
    title: (need) => `${needName(need)} · ${t(`social.need.status.${need.status}`)}`,
    facts: (need) => [
      { label: labels.assessedOn, value: formatDate(need.assessedOn) },
      { label: labels.decisionReference, value: need.decisionReference },
      { label: labels.source, value: need.source },
    ],
  };
}

function incomeSpec({ personId, purpose, i18n }: Context): PanelSpec<IncomeEntry, IncomeInput> {
  const { t, language } = i18n;
  const labels = {
    year: t('social.income.year'),
    annualIncome: t('social.income.annualIncome'),
    totalAssets: t('social.income.totalAssets'),
    source: t('social.source'),
    recordedOn: t('social.income.recordedOn'),
  };
  return {
    endpoints: socialRecordsApi.income,
    personId,
    purpose,
    texts: {
      add: t('social.income.add'),
      none: t('social.income.none'),
      newTitle: t('social.income.newTitle'),
      correctTitle: t('social.income.correctTitle'),
    },
    values: (entry) => incomeValues(language, entry),
    convert: incomeInput,
    labels,
    fields: (form) => (
      <>
        <TextField
          form={form}
          path="year"
          label={labels.year}
          hint={t('social.income.yearHint')}
          inputMode="numeric"
          maxLength={4}
        />
        <DateField
          form={form}
          path="recordedOn"
          label={labels.recordedOn}
          hint={t('social.income.recordedOnHint')}
        />
        <TextField
          form={form}
          path="annualIncome"
          label={labels.annualIncome}
          hint={t('social.eurosHint')}
          inputMode="text"
        />
        <TextField
          form={form}
          path="totalAssets"
          label={labels.totalAssets}
          hint={t('social.eurosHint')}
          inputMode="text"
        />
        <TextField form={form} path="source" label={labels.source} hint={t('social.sourceHint')} />
      </>
    ),
    title: (entry) => t('social.income.heading', { year: entry.year }),
    facts: (entry) => [
      { label: labels.annualIncome, value: formatEuros(entry.annualIncome, language) },
      { label: labels.totalAssets, value: formatEuros(entry.totalAssets, language) },
      { label: labels.source, value: entry.source },
      { label: labels.recordedOn, value: formatDate(entry.recordedOn) },
    ],
  };
}

function bankAccountSpec({
  personId,
  purpose,
  i18n,
}: Context): PanelSpec<BankAccount, BankAccountInput> {
  const { t } = i18n;
  const labels = {
    iban: t('social.bank.iban'),
    purpose: t('social.bank.purpose'),
    source: t('social.source'),
  };
  return {
    endpoints: socialRecordsApi.bankAccount,
    personId,
    purpose,
    texts: {
      add: t('social.bank.add'),
      none: t('social.bank.none'),
      newTitle: t('social.bank.newTitle'),
      correctTitle: t('social.bank.correctTitle'),
    },
    values: bankAccountValues,
    convert: bankAccountInput,
    labels,
    fields: (form) => (
      <>
        <TextField
          form={form}
          path="iban"
          label={labels.iban}
          hint={t('social.bank.ibanHint')}
          maxLength={42}
        />
        <TextField
          form={form}
          path="purpose"
          label={labels.purpose}
          hint={t('social.bank.purposeHint')}
        />
        <TextField form={form} path="source" label={labels.source} hint={t('social.sourceHint')} />
      </>
    ),
    title: (account) => account.ibanDisplay,
    heading: (account) => <span className="iban">{account.ibanDisplay}</span>,
    facts: (account) => [
      { label: labels.purpose, value: account.purpose },
      { label: labels.source, value: account.source },
    ],
  };
}

function familySpec({
  personId,
  purpose,
  i18n,
}: Context): PanelSpec<FamilyRelation, FamilyRelationInput> {
  const { t } = i18n;
  const labels = {
    relatedPersonId: t('social.family.relative'),
    type: t('social.family.type'),
    startsOn: t('social.family.startsOn'),
    endsOn: t('social.family.endsOn'),
    source: t('social.source'),
  };
  const name = (relation: FamilyRelation) =>
    `${relation.relative.firstName} ${relation.relative.lastName}`;
  return {
    endpoints: {
      list: socialServicesApi.family,
      create: socialServicesApi.addFamilyRelation,
      correct: socialServicesApi.correctFamilyRelation,
    },
    personId,
    purpose,
    // The relative stays: a correction may not name them.
    patch: ({ relatedPersonId: _relative, ...changed }) => changed,
    texts: {
      add: t('social.family.add'),
      none: t('social.family.none'),
      newTitle: t('social.family.newTitle'),
      correctTitle: t('social.family.correctTitle'),
    },
    values: familyValues,
    convert: familyInput,
    labels,
    fields: (form, relation) => (
      <>
        {relation ? (
          <p className="span-all">
            {labels.relatedPersonId}: <strong>{name(relation)}</strong>
          </p>
        ) : (
          <RelativePicker form={form} clientId={personId} />
        )}
        <SelectField
          form={form}
          path="type"
          label={labels.type}
          hint={t('social.family.typeHint')}
          placeholder={t('form.choose')}
          options={RECORDED_RELATION_TYPES.map((type) => ({
            value: type,
            label: t(`social.relation.${type}`),
          }))}
        />
        <TextField form={form} path="source" label={labels.source} hint={t('social.sourceHint')} />
        <DateField
          form={form}
          path="startsOn"
          label={labels.startsOn}
          hint={t('social.optionalDateHint')}
        />
        <DateField
          form={form}
          path="endsOn"
          label={labels.endsOn}
          hint={t('social.optionalDateHint')}
        />
      </>
    ),
    title: (relation) => `${name(relation)} · ${t(`social.relation.${relation.type}`)}`,
    heading: (relation) => (
      <>
        <RouterLink asComponent={Link} to={`/persons/${encodeURIComponent(relation.relative.id)}`}>
          {name(relation)}
        </RouterLink>{' '}
        · {t(`social.relation.${relation.type}`)}
      </>
    ),
    facts: (relation) => [
      {
        label: t('social.family.period'),
        value: period(i18n, relation.startsOn, relation.endsOn),
      },
      { label: labels.source, value: relation.source },
      ...(relation.recordedOn === 'relative'
        ? [{ label: t('social.family.recordedOn'), value: t('social.family.onRelative') }]
        : []),
    ],
    canCorrect: (relation) => relation.recordedOn === 'own',
  };
}
