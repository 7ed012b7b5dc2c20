import assert from 'node:assert/strict';
import { json, type TestApp } from './app.ts';

/** Known strings stored in every special category, to look for where they must not be. */
export const MARKERS = {
  healthCategory: 'MERKKI-TERVEYSLUOKKA-7311',
  healthText: 'MERKKI-TERVEYSTEKSTI-7312',
  healthSource: 'MERKKI-TERVEYSLAHDE-7313',
  decisionReference: 'MERKKI-PAATOS-7314',
  needSource: 'MERKKI-TARVELAHDE-7315',
  incomeSource: 'MERKKI-TULOLAHDE-7316',
  bankPurpose: 'MERKKI-TILINKAYTTO-7317',
  bankSource: 'MERKKI-TILILAHDE-7318',
  familySource: 'MERKKI-PERHELAHDE-7319',
  /** Valid Finnish IBAN; stored electronically, shown in groups of four. */
  iban: 'FI2112345600000785',
};

export type SocialSetting = {
  admin: string;
  officer: string;
  /** A social worker of unit A, and their account id. */
  workerA: string;
  workerAId: string;
  /** A social worker of unit B only. */
  workerB: string;
  unitA: string;
  unitB: string;
  /** A client of unit A, and a relative of theirs who is no client. */
  client: string;
  relative: string;
};

async function post(testApp: TestApp, cookie: string, url: string, payload: object) {
  const response = await testApp.app.inject({
    method: 'POST',
    url,
    headers: json(cookie),
    payload,
  });
  assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
  return response.json() as { id: string };
}

async function idOf(testApp: TestApp, cookie: string): Promise<string> {
  const me = await testApp.app.inject({ url: '/api/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 200, me.body);
  return me.json().id as string;
}

/**
 * Two units with a social worker each, a person who is a client of unit A (from 2026-01-01) and
 * a relative of theirs, set up through the API as staff would.
 */
export async function setUpSocialServices(testApp: TestApp): Promise<SocialSetting> {
  const admin = await testApp.signIn('admin');
  const officer = await testApp.signIn('register_officer');
  const workerA = await testApp.signIn('social_worker');
  const workerB = await testApp.signIn('social_worker');
  const workerAId = await idOf(testApp, workerA);
  const suffix = Math.random().toString(36).slice(2, 8);
  const unitA = await post(testApp, admin, '/api/social-services/units', {
    code: `aikuiset-${suffix}`,
    nameFi: 'Aikuissosiaalityö',
    nameSv: 'Socialt arbete för vuxna',
    nameEn: 'Adult social work',
    memberIds: [workerAId],
  });
  const unitB = await post(testApp, admin, '/api/social-services/units', {
    code: `perheet-${suffix}`,
    nameFi: 'Perhepalvelut',
    nameSv: 'Familjeservice',
    nameEn: 'Family services',
    memberIds: [await idOf(testApp, workerB)],
  });
  const client = await post(testApp, officer, '/api/persons', {
    firstName: 'Siiri',
    lastName: 'Asiakas',
    language: 'sv',
  });
  const relative = await post(testApp, officer, '/api/persons', {
    firstName: 'Veikko',
    lastName: 'Asiakas',
  });
  await post(testApp, workerA, `/api/persons/${client.id}/social-services/relationships`, {
    unitId: unitA.id,
    startsOn: '2026-01-01',
    responsibleWorkerIds: [workerAId],
  });
  return {
    admin,
    officer,
    workerA,
    workerAId,
    workerB,
    unitA: unitA.id,
    unitB: unitB.id,
    client: client.id,
    relative: relative.id,
  };
}

/** Stores a MARKERS value in every special category of the client, as their worker. */
export async function fillEveryCategory(testApp: TestApp, s: SocialSetting): Promise<void> {
  const base = `/api/persons/${s.client}/social-services`;
  await post(testApp, s.workerA, `${base}/health`, {
    date: '2026-03-02',
    category: MARKERS.healthCategory,
    text: MARKERS.healthText,
    source: MARKERS.healthSource,
  });
  await post(testApp, s.workerA, `${base}/service-needs`, {
    needType: 'housing',
    assessedOn: '2026-03-03',
    status: 'granted',
    decisionReference: MARKERS.decisionReference,
    source: MARKERS.needSource,
  });
  await post(testApp, s.workerA, `${base}/income`, {
    year: 2025,
    annualIncome: 23456.78,
    totalAssets: 9876.54,
    source: MARKERS.incomeSource,
    recordedOn: '2026-03-04',
  });
  await post(testApp, s.workerA, `${base}/bank-accounts`, {
    iban: 'FI21 1234 5600 0007 85',
    purpose: MARKERS.bankPurpose,
    source: MARKERS.bankSource,
  });
  await post(testApp, s.workerA, `${base}/family-relations`, {
    relatedPersonId: s.relative,
    type: 'child',
    startsOn: '2010-05-06',
    source: MARKERS.familySource,
  });
}
