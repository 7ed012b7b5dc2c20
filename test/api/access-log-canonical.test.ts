import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import {
  sealAccessLog,
  verifyAccessLog,
} from '../../src/server/modules/access-log/access-log.chain.ts';
import { ROLES, roleHas, type Role } from '../../src/contract/auth/permissions.ts';
import { accessLogEntries, forEachEngine, json } from '../helpers/app.ts';
import { setUpSocialServices } from '../helpers/social-services.ts';

/*
 * Ordinary requests — ids in upper case in the path, the query and the body; odd Unicode in
 * purposes, reasons, filters and changed values — as every role that may make them, and the
 * access log still verifies: an entry's MAC covers what the database stores, not what the
 * request gave. The text policy at the schemas may refuse some of this input with a 4xx; the
 * log must verify either way, and no request may answer 5xx.
 */

/** Text the database stores otherwise than given, or that trips a careless encoder. */
const ODD = [
  // NFD: a and a combining diaeresis, where NFC has ä.
  'Perinta\u0308 ja Ha\u0308meenlinnan selvitys',
  // A lone high surrogate, and a lone low one at the end: the drivers store U+FFFD.
  'Laskun selvitys \uD800 kesken',
  'Selvitys loppuu \uDC00',
  // Emoji: a ZWJ family, a flag and a skin tone.
  'Perheen asia 👩‍👩‍👧 🇫🇮 👍🏽 selvitetään',
  // Right-to-left text with a mark, and Arabic-Indic digits.
  'بحث عن العميل \u200F ٣٤٥ tarkistus',
  // Zero-width characters and a byte-order mark.
  'Peri\u200Bntä\u200C sel\u200Dvitys\uFEFF loppu',
  // Stacked combining marks, and a Hangul syllable typed as jamo.
  'Z\u0351\u0364a\u0300l\u0489go \u1100\u1161\u11A8 tarkistus',
];

/** Percent-encodes, sending a lone surrogate as the bytes a careless client would (CESU-8). */
function query(value: string): string {
  return [...value]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(ch);
    })
    .join('');
}

/** As the log keeps text; the schemas trim it first. */
const canonical = (value: string) => value.toWellFormed().normalize('NFC').trim();

forEachEngine('access log: ordinary requests cannot break it', ({ ctx }) => {
  test('upper-case ids and odd Unicode from every role: no 5xx, and the log verifies', async () => {
    const t = ctx();
    const s = await setUpSocialServices(t);
    const cookies = new Map<Role, string>();
    for (const role of ROLES) cookies.set(role, await t.signIn(role));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(s.officer),
      payload: {
        firstName: 'Kanoni',
        lastName: 'Kanoninen',
        personalIdentityCode: '131052-308T',
        personalIdentityCodePurpose: 'consent',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const person = created.json().id as string;
    const PERSON = person.toUpperCase();
    const CLIENT = s.client.toUpperCase();
    const answers: { label: string; response: LightMyRequestResponse }[] = [];
    const call = async (
      label: string,
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
    ) => {
      const response = await t.app.inject({
        method,
        url,
        headers: payload ? json(cookie) : { cookie },
        ...(payload ? { payload } : {}),
      });
      assert.ok(response.statusCode < 500, `${label} → ${response.statusCode}: ${response.body}`);
      answers.push({ label, response });
      return response;
    };
    const may = (permission: Parameters<typeof roleHas>[1]) =>
      ROLES.filter((role) => roleHas(role, permission)).map(
        (role) => [role, cookies.get(role) as string] as const,
      );

    for (const [role, cookie] of may('customers.read')) {
      await call(`${role} reads`, cookie, 'GET', `/api/persons/${PERSON}`);
      for (const odd of ODD) {
        await call(`${role} searches`, cookie, 'GET', `/api/search?q=${query(`${odd} Kanoninen`)}`);
      }
      await call(`${role} searches`, cookie, 'GET', `/api/search?q=KANONINEN`);
    }
    const reveals: { purpose: string; response: LightMyRequestResponse }[] = [];
    for (const [role, cookie] of may('customers.revealIdentityCode')) {
      for (const purpose of ODD) {
        const response = await call(
          `${role} reveals`,
          cookie,
          'POST',
          `/api/persons/${PERSON}/reveal-identity-code`,
          { purpose },
        );
        reveals.push({ purpose, response });
      }
    }
    // NUL: stored by PostgreSQL in no text at all, so refused, never a 500.
    const nul = await call(
      'a reveal with NUL in its purpose',
      s.officer,
      'POST',
      `/api/persons/${PERSON}/reveal-identity-code`,
      { purpose: 'Perintä\u0000selvitys' },
    );
    assert.ok(nul.statusCode >= 400, nul.body);
    const changed: string[] = [];
    for (const [role, cookie] of may('customers.write')) {
      const notes = `${ODD[changed.length % ODD.length]} (${role})`;
      const response = await call(`${role} changes`, cookie, 'PATCH', `/api/persons/${PERSON}`, {
        notes,
      });
      if (response.statusCode === 200) changed.push(notes);
    }
    for (const [role, cookie] of may('accessLog.read')) {
      await call(
        `${role} reads the log`,
        cookie,
        'GET',
        `/api/access-log?subjectId=${PERSON}&userId=${s.workerAId.toUpperCase()}`,
      );
      await call(`${role} reads the log`, cookie, 'GET', `/api/access-log?subjectId=${CLIENT}`);
    }
    // Social services: the client's own worker reads with odd purposes; another unit's worker
    // breaks the glass with an odd reason; the admin names unit members in upper case.
    const base = `/api/persons/${CLIENT}/social-services`;
    for (const purpose of ODD) {
      await call('worker reads a client', s.workerA, 'GET', `${base}?purpose=${query(purpose)}`);
      await call('worker reads', s.workerA, 'GET', `${base}/summary?purpose=${query(purpose)}`);
    }
    await call(
      'worker, NUL purpose',
      s.workerA,
      'GET',
      `${base}/summary?purpose=Syy%00t%C3%A4ss%C3%A4`,
    );
    for (const reason of ODD) {
      await call('break-glass', s.workerB, 'POST', `${base}/break-glass`, {
        reason: `${reason}, kiireellinen sijoitus`,
      });
    }
    await call(
      'worker B reads',
      s.workerB,
      'GET',
      `${base}/summary?purpose=${query(ODD[0] ?? '')}`,
    );
    await call('admin adds a unit', s.admin, 'POST', '/api/social-services/units', {
      code: 'kanoninen',
      nameFi: ODD[0],
      nameSv: ODD[3],
      nameEn: ODD[4],
      memberIds: [s.workerAId.toUpperCase()],
    });
    await call(
      'relationship',
      s.workerA,
      'POST',
      `/api/persons/${PERSON}/social-services/relationships`,
      {
        unitId: s.unitA.toUpperCase(),
        startsOn: '2026-01-01',
        responsibleWorkerIds: [s.workerAId.toUpperCase()],
      },
    );

    const ok = answers.filter((a) => a.response.statusCode < 300).length;
    assert.ok(ok > answers.length / 2, `${ok} of ${answers.length} requests served`);

    await sealAccessLog(t.database.db, t.keys, { before: new Date(Date.now() + 1000) });
    const verified = await verifyAccessLog(t.database.db, t.keys);
    assert.equal(verified.ok, true, JSON.stringify(verified));

    // What was logged is the canonical form, and the sealed values open under the person's key.
    const entries = await accessLogEntries(t);
    const reveal = entries.filter((e) => e.action === 'reveal');
    const served = reveals.filter((r) => r.response.statusCode === 200);
    assert.ok(served.length > 0, 'some reveals served');
    assert.deepEqual(
      reveal.map((e) => e.purpose),
      served.map((r) => canonical(r.purpose)),
    );
    const updates = entries.filter((e) => e.action === 'update' && e.subjectIds[0] === person);
    assert.deepEqual(
      updates.map((e) => (e.changes?.notes as { new?: unknown } | undefined)?.new),
      changed.map(canonical),
      'sealed under the key of the person the log names, and opened with it',
    );
    for (const entry of entries) {
      for (const id of entry.subjectIds) assert.equal(id, id.toLowerCase());
      if (entry.purpose !== null) {
        assert.equal(entry.purpose, canonical(entry.purpose));
        assert.equal(entry.purpose.includes('\u0000'), false);
      }
    }
  });
});
