import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bankAccountInput,
  eurosValue,
  familyInput,
  formatEuros,
  healthInput,
  healthValues,
  incomeInput,
  incomeValues,
  parseEuros,
  purposeText,
  relationshipInput,
  serviceNeedInput,
} from './client-forms.ts';
import { namedInput, sameMembers } from './units-form.ts';
import {
  socialRecordsApi,
  socialServicesApi,
  socialServicesSettingsApi,
} from '../../../contract/social-services/social-services.endpoints.ts';
import { fieldRules } from '../../components/schema-rules.ts';

const requiredOf = (schema: Parameters<typeof fieldRules>[0]) =>
  [...fieldRules(schema).required].sort();

const author = {
  id: 'x',
  author: 'sosiaali.aalto',
  authorFullName: null,
  createdAt: '',
  updatedAt: '',
};

describe('euros', () => {
  test('read as a person types them, the Finnish way or not', () => {
    assert.equal(parseEuros('23 456,78'), 23456.78);
    assert.equal(parseEuros('23\u00a0456,78 €'), 23456.78);
    assert.equal(parseEuros('1234.5'), 1234.5);
    assert.equal(parseEuros('0'), 0);
    for (const bad of ['', '-5', '1,234', '12,345,6', 'abc', '1.2.3'])
      assert.equal(parseEuros(bad), null, bad);
  });

  test('go back to the form as typed, and read in the reader’s language', () => {
    assert.equal(eurosValue(23456.78, 'fi'), '23456,78');
    assert.equal(eurosValue(23456.7, 'en'), '23456.70');
    assert.equal(eurosValue(100, 'sv'), '100');
    assert.match(formatEuros(23456.78, 'fi'), /^23\s456,78\s€$/);
    assert.match(formatEuros(23456.78, 'en'), /23,456\.78/);
  });
});

describe('the client record forms', () => {
  test('the required fields are the schemas’, not restated here', () => {
    assert.deepEqual(requiredOf(socialRecordsApi.health.create.body), [
      'category',
      'date',
      'source',
      'text',
    ]);
    assert.deepEqual(requiredOf(socialRecordsApi.serviceNeed.create.body), [
      'assessedOn',
      'needType',
      'source',
      'status',
    ]);
    assert.deepEqual(requiredOf(socialRecordsApi.income.create.body), [
      'annualIncome',
      'recordedOn',
      'source',
      'totalAssets',
      'year',
    ]);
    assert.deepEqual(requiredOf(socialServicesApi.addFamilyRelation.body), [
      'relatedPersonId',
      'source',
      'type',
    ]);
    assert.deepEqual(requiredOf(socialServicesApi.addRelationship.body), ['startsOn', 'unitId']);
    assert.deepEqual(requiredOf(socialServicesSettingsApi.createUnit.body), [
      'code',
      'nameEn',
      'nameFi',
      'nameSv',
    ]);
  });

  test('a health entry: the date as d.m.yyyy', () => {
    assert.equal(healthInput(healthValues()).errors, null, 'empty fields are the schema’s');
    const bad = healthInput({ date: '31.2.2026', category: 'a', text: 'b', source: 'c' });
    assert.equal(bad.errors?.date?.code, 'date.format');
    const good = healthInput({
      date: '2.3.2026',
      category: ' Toimintakyky ',
      text: 'x',
      source: 'y',
    });
    assert.deepEqual(good.input, {
      date: '2026-03-02',
      category: 'Toimintakyky',
      text: 'x',
      source: 'y',
    });
  });

  test('a corrected entry starts from what it says, in the form’s own format', () => {
    const values = healthValues({
      ...author,
      date: '2026-03-02',
      category: 'c',
      text: 't',
      source: 's',
    });
    assert.equal(values.date, '2.3.2026');
    assert.deepEqual(healthInput(values).input?.date, '2026-03-02');
    const income = incomeValues('fi', {
      ...author,
      year: 2025,
      annualIncome: 23456.78,
      totalAssets: 0,
      source: 's',
      recordedOn: '2026-03-04',
    });
    assert.deepEqual(income, {
      year: '2025',
      annualIncome: '23456,78',
      totalAssets: '0',
      source: 's',
      recordedOn: '4.3.2026',
    });
    assert.deepEqual(incomeInput(income).input, {
      year: 2025,
      annualIncome: 23456.78,
      totalAssets: 0,
      source: 's',
      recordedOn: '2026-03-04',
    });
  });

  test('income: a year of four digits and euros', () => {
    const result = incomeInput({
      year: '25',
      annualIncome: '12,345',
      totalAssets: '',
      source: 's',
      recordedOn: '1.1.2026',
    });
    assert.equal(result.errors?.year?.code, 'year.format');
    assert.equal(result.errors?.annualIncome?.code, 'euros.format');
    assert.equal(result.errors?.totalAssets, undefined, 'an empty field is the schema’s');
  });

  test('a service need: an optional decision reference is null when empty', () => {
    const result = serviceNeedInput({
      needType: 'housing',
      assessedOn: '3.3.2026',
      status: 'granted',
      decisionReference: ' ',
      source: 's',
    });
    assert.deepEqual(result.input, {
      needType: 'housing',
      assessedOn: '2026-03-03',
      status: 'granted',
      decisionReference: null,
      source: 's',
    });
  });

  test('a bank account: the IBAN checked with the register’s parser', () => {
    const bad = bankAccountInput({ iban: 'FI21 1234 5600 0007 86', purpose: 'p', source: 's' });
    assert.equal(bad.errors?.iban?.code, 'iban.checkDigits');
    const good = bankAccountInput({ iban: 'FI21 1234 5600 0007 85', purpose: 'p', source: 's' });
    assert.equal(good.input?.iban, 'FI21 1234 5600 0007 85');
  });

  test('a family relation: dates optional, as d.m.yyyy', () => {
    const bad = familyInput({ relatedPersonId: 'p', type: 'child', endsOn: '1.13.2026' });
    assert.equal(bad.errors?.endsOn?.code, 'date.format');
    const open = familyInput({ relatedPersonId: 'p', type: 'guardian', source: 's' });
    assert.deepEqual(open.input, {
      relatedPersonId: 'p',
      type: 'guardian',
      startsOn: null,
      endsOn: null,
      source: 's',
    });
  });

  test('a client relationship: a unit and a start; the end may stay open', () => {
    const result = relationshipInput({ unitId: 'u', startsOn: '1.1.2026', endsOn: '' }, ['w']);
    assert.deepEqual(result.input, {
      unitId: 'u',
      startsOn: '2026-01-01',
      endsOn: null,
      responsibleWorkerIds: ['w'],
    });
  });
});

describe('the purpose of a read', () => {
  const label = (purpose: string) => `label:${purpose}`;
  test('is the chosen reason in words, or the worker’s own', () => {
    assert.equal(purposeText('clientWork', '', label), 'label:clientWork');
    assert.equal(
      purposeText('other', '  Lausuntopyyntö hallinto-oikeudelle ', label),
      'Lausuntopyyntö hallinto-oikeudelle',
    );
    assert.equal(purposeText('other', ' ', label), null);
    assert.equal(purposeText('', 'x', label), null);
  });
});

describe('the unit and need-type forms', () => {
  test('read the code and the names as typed', () => {
    const read = namedInput({ code: ' aikuiset ', nameFi: 'A', nameSv: 'B ', nameEn: 'C' });
    assert.deepEqual(read, { code: 'aikuiset', names: { nameFi: 'A', nameSv: 'B', nameEn: 'C' } });
  });

  test('tell whether the members changed, in any order', () => {
    assert.equal(sameMembers(['a', 'b'], ['b', 'a']), true);
    assert.equal(sameMembers(['a'], ['a', 'b']), false);
  });
});
