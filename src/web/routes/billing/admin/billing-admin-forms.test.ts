import { billingSettingsApi } from '../../../../contract/billing-settings/billing-settings.endpoints.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import { errorsBeforeSending } from '../../../components/contract-form.ts';
import { fieldRules } from '../../../components/schema-rules.ts';
import { errorText, loadCatalogue } from '../../../i18n/catalogues.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BillingSettingsView } from '../../../../contract/billing-settings/billing-settings.schemas.ts';
import type { ServiceView } from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';
import {
  billingSettingsErrors,
  billingSettingsInput,
  billingSettingsProblems,
  billingSettingsValues,
} from './billing-settings-form.ts';
import {
  disclosureFiltersFrom,
  disclosureFiltersToParams,
  disclosureQuery,
} from './disclosure-register.ts';
import {
  serviceErrors,
  serviceInput,
  servicePatch,
  serviceProblems,
  serviceValues,
} from './service-form.ts';

const settings: BillingSettingsView = {
  sellerName: 'Rautavaaran kunta',
  sellerBusinessId: '0201551-3',
  sellerAddress: {
    street: 'Kunnantie 1',
    postalCode: '73900',
    postOffice: 'Rautavaara',
    country: 'FI',
  },
  iban: 'FI3715903000000776',
  bic: 'NDEAFIHH',
  eInvoiceAddress: null,
  eInvoiceIntermediator: null,
  paymentTermDays: 21,
  referenceFormat: 'rf',
  accountingRetentionYears: 10,
  socialRecordsRetentionYears: 12,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: null,
};

const service: ServiceView = {
  id: '6f1c1f0e-6c1a-4b7e-9a57-2d1b2f0c9a11',
  code: 'siivous-h',
  nameFi: 'Siivouspalvelu',
  nameSv: 'Städtjänst',
  nameEn: 'Cleaning service',
  unit: 'h',
  unitPrice: '38.50',
  unitPriceCents: 3850,
  vatRate: 25.5,
  vatRateBasisPoints: 2550,
  active: true,
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('the billing settings form', () => {
  test('starts from the server defaults before the first save, and names what is missing', () => {
    const rules = fieldRules(billingSettingsApi.save.body);
    const values = { ...billingSettingsValues(null), ...rules.defaults };
    assert.equal(values.paymentTermDays, '14');
    assert.equal(values.accountingRetentionYears, '6');
    assert.equal(values.referenceFormat, 'national');
    const errors = errorsBeforeSending(values, rules, (v) =>
      Object.values(billingSettingsProblems(v)),
    );
    assert.deepEqual(Object.keys(errors).sort(), [
      'bic',
      'iban',
      'sellerAddress.postOffice',
      'sellerAddress.postalCode',
      'sellerAddress.street',
      'sellerBusinessId',
      'sellerName',
    ]);
  });

  test('sends the stored settings back as they were, the empty e-invoice details as null', () => {
    const values = billingSettingsValues(settings);
    assert.deepEqual(billingSettingsProblems(values), {});
    assert.deepEqual(billingSettingsInput(values), {
      sellerName: settings.sellerName,
      sellerBusinessId: settings.sellerBusinessId,
      sellerAddress: settings.sellerAddress,
      iban: settings.iban,
      bic: settings.bic,
      eInvoiceAddress: null,
      eInvoiceIntermediator: null,
      paymentTermDays: 21,
      referenceFormat: 'rf',
      accountingRetentionYears: 10,
      socialRecordsRetentionYears: 12,
    });
  });

  test('says the range of a whole number, before sending and after the server refuses one', async () => {
    const values = { ...billingSettingsValues(settings), paymentTermDays: '400' };
    const before = billingSettingsProblems(values).paymentTermDays;
    assert.equal(before?.code, 'billingSettings.paymentTermDays');
    // The range is the schema's, and the message names it.
    assert.deepEqual(before?.params, { min: 0, max: 365 });
    assert.equal(
      errorText(await loadCatalogue('en'), before ?? { message: '' }),
      'Give the payment term in whole days, 0–365.',
    );
    assert.equal(billingSettingsInput({ ...values, paymentTermDays: '365' }).paymentTermDays, 365);
    const refused = billingSettingsErrors([
      { field: 'accountingRetentionYears', message: 'Too small', code: 'too_small' },
      { field: 'iban', message: 'Check digits', code: 'iban.checkDigits' },
    ]);
    assert.equal(refused.accountingRetentionYears?.code, 'billingSettings.retentionYears');
    assert.deepEqual(refused.accountingRetentionYears?.params, { min: 1, max: 20 });
    assert.equal(refused.iban?.code, 'iban.checkDigits');
  });
});

describe('the service form', () => {
  test('shows the price and VAT the way the language writes them', () => {
    assert.equal(serviceValues(service, 'fi').unitPrice, '38,50');
    assert.equal(serviceValues(service, 'fi').vatRate, '25,5');
    assert.equal(serviceValues(service, 'en').vatRate, '25.5');
  });

  test('sends decimals with a point, and only what changed', () => {
    const values = { ...serviceValues(service, 'fi'), unitPrice: ' 42,10 ' };
    assert.equal(serviceInput(values).unitPrice, '42.10');
    assert.deepEqual(servicePatch(service, values), { unitPrice: '42.10' });
    assert.deepEqual(servicePatch(service, serviceValues(service, 'sv')), {});
    assert.deepEqual(servicePatch(service, { ...values, active: 'false' }), {
      unitPrice: '42.10',
      active: false,
    });
  });

  test('names a missing text (the schema requires it) and a code the server would refuse', () => {
    const values = { ...serviceValues(null, 'fi'), code: 'ä-koodi' };
    const errors = errorsBeforeSending(values, fieldRules(serviceCatalogueApi.create.body), (v) =>
      Object.values(serviceProblems(v)),
    );
    assert.equal(errors.code?.code, 'services.codeFormat');
    assert.equal(errors.nameFi?.code, 'required');
    assert.equal(errors.unitPrice?.code, 'required');
    assert.equal(errors.active, undefined, 'a toggle with a default is never required');
    assert.deepEqual(serviceProblems({ ...values, code: 'siivous-h' }), {});
    assert.deepEqual(serviceProblems({ ...values, code: '' }), {}, 'empty: required, not format');
    assert.equal(
      serviceErrors([{ field: 'code', message: '', code: 'invalid_format' }]).code?.code,
      'services.codeFormat',
    );
  });
});

describe('the disclosures register filters', () => {
  test('keep what the server takes, and leave the rest out of the URL and the query', () => {
    const filters = disclosureFiltersFrom(
      new URLSearchParams('legalBasis=billing&partnerId=not-an-id&flagged=true'),
    );
    assert.deepEqual(filters, { legalBasis: 'billing', partnerId: '', flagged: true });
    assert.deepEqual(disclosureFiltersToParams(filters), {
      legalBasis: 'billing',
      flagged: 'true',
    });
    assert.deepEqual(disclosureQuery(filters), {
      legalBasis: 'billing',
      partnerId: undefined,
      flagged: 'true',
    });
    assert.deepEqual(
      disclosureFiltersFrom(new URLSearchParams('legalBasis=gossip')).legalBasis,
      '',
    );
  });
});
