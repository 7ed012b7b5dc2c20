import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { listValueSources } from '../../src/server/modules/persons/value-sources.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngine,
  insertTestPartner,
  manualClock,
} from '../helpers/app.ts';

const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

forEachEngine(
  'value-level sources',
  ({ ctx }) => {
    let clerk: string;
    let clerkId: string;
    let posti: string;
    let processor: string;

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      callAs(ctx(), clerk, method, url, payload);
    /** The person's current sources, as [field, kind, partner, reference]. */
    const currentSources = async (personId: string) =>
      (await listValueSources(ctx().database.db, personId))
        .filter((s) => s.current)
        .map((s) => [s.field, s.kind, s.partnerName, s.reference]);

    /** Aino, registered by the clerk with a name and an e-mail address; returns her id. */
    const registerAino = async () => {
      const response = await call('POST', '/api/persons', {
        firstName: 'Aino',
        lastName: 'Asiakas',
        email: 'aino@example.fi',
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as string;
    };

    /** The population register confirms Aino's e-mail address. */
    const confirmEmail = async (personId: string) => {
      clock.advance(60_000);
      const confirm = await call('PATCH', `/api/persons/${personId}`, {
        email: 'aino@example.fi',
        source: { kind: 'population_register', reference: 'VTJ-muutos 2026-11-25' },
      });
      assert.equal(confirm.statusCode, 200, confirm.body);
    };
    /** Posti's address file changes Aino's e-mail address and gives her a permanent address. */
    const changeFromPosti = async (personId: string) => {
      clock.advance(60_000);
      const change = await call('PATCH', `/api/persons/${personId}`, {
        email: 'aino.asiakas@example.fi',
        permanentAddress: {
          street: 'Kauppakatu 1',
          postalCode: '00100',
          postOffice: 'Helsinki',
          country: 'FI',
        },
        source: { kind: 'partner', partnerId: posti, reference: 'osoitteet-2026-48.csv' },
      });
      assert.equal(change.statusCode, 200, change.body);
    };
    const confirmThenChange = async (personId: string) => {
      await confirmEmail(personId);
      await changeFromPosti(personId);
    };

    // The clerk and the partners are read by every test and changed by none.
    before(async () => {
      clerk = await ctx().signIn('customer_service');
      clerkId = (await call('GET', '/api/auth/me')).json().id;
      posti = await insertTestPartner(ctx().database, {
        name: 'Posti Osoitepalvelu Oy',
        roles: ['source'],
      });
      processor = await insertTestPartner(ctx().database, {
        name: 'Käsittelijä Oy',
        roles: ['processor'],
      });
    });

    test('a registration without a source records staff — the signed-in user — for exactly the fields given', async () => {
      const now = clock.now().toISOString();
      const personId = await registerAino();
      const sources = await listValueSources(ctx().database.db, personId);
      assert.deepEqual(
        sources.map((s) => [s.field, s.kind, s.recordedBy, s.current]),
        [
          ['firstName', 'staff', clerkId, true],
          ['lastName', 'staff', clerkId, true],
          ['email', 'staff', clerkId, true],
        ],
      );
      assert.equal(sources[0]!.recordedAt, now);
    });

    test('the same value from another source adds a source; a different value supersedes the old ones', async () => {
      const personId = await registerAino();
      await confirmEmail(personId);
      assert.deepEqual(await currentSources(personId), [
        ['firstName', 'staff', null, null],
        ['lastName', 'staff', null, null],
        ['email', 'staff', null, null],
        ['email', 'population_register', null, 'VTJ-muutos 2026-11-25'],
      ]);

      await changeFromPosti(personId);
      assert.deepEqual(await currentSources(personId), [
        ['firstName', 'staff', null, null],
        ['lastName', 'staff', null, null],
        ['email', 'partner', 'Posti Osoitepalvelu Oy', 'osoitteet-2026-48.csv'],
        ['permanentAddress', 'partner', 'Posti Osoitepalvelu Oy', 'osoitteet-2026-48.csv'],
      ]);
      const all = await listValueSources(ctx().database.db, personId);
      const superseded = all.filter((s) => s.field === 'email' && !s.current).map((s) => s.kind);
      assert.deepEqual(superseded, ['staff', 'population_register']);
    });

    test('the access log of the change names its source', async () => {
      const personId = await registerAino();
      await confirmThenChange(personId);
      const [entry] = (await accessLogEntries(ctx()))
        .filter((e) => e.action === 'update' && e.subjectIds.includes(personId))
        .slice(-1);
      assert.deepEqual(entry?.changes?.source, {
        kind: 'partner',
        partnerId: posti,
        partner: 'Posti Osoitepalvelu Oy',
        reference: 'osoitteet-2026-48.csv',
      });
      assert.deepEqual(entry?.fields, ['email', 'permanentAddress']);
    });

    test("the person's page lists the sources, and reading them is logged", async () => {
      const personId = await registerAino();
      await confirmThenChange(personId);
      const logged = (await accessLogEntries(ctx())).length;
      const response = await call('GET', `/api/persons/${personId}/value-sources`);
      assert.equal(response.statusCode, 200, response.body);
      const items = response.json().items as { field: string; kind: string; current: boolean }[];
      assert.equal(items.length, 6);
      assert.deepEqual(
        items.filter((i) => i.field === 'email').map((i) => [i.kind, i.current]),
        [
          ['staff', false],
          ['population_register', false],
          ['partner', true],
        ],
      );
      const entries = (await accessLogEntries(ctx())).slice(logged);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [['read', [personId], ['valueSources']]],
      );
    });

    test('the source picker lists only the partners that are sources', async () => {
      const response = await call('GET', '/api/value-source-partners');
      assert.equal(response.statusCode, 200, response.body);
      const ids = (response.json().items as { id: string }[]).map((p) => p.id);
      assert.ok(ids.includes(posti));
      assert.ok(!ids.includes(processor));
    });

    test('a bad source is refused by name, and nothing is changed or recorded', async () => {
      const personId = await registerAino();
      const unchanged = await listValueSources(ctx().database.db, personId);
      const cases: [object, [string, string][]][] = [
        [
          { kind: 'partner', partnerId: processor },
          [['source.partnerId', 'source.partnerNotSource']],
        ],
        [
          { kind: 'partner', partnerId: '00000000-0000-4000-8000-000000000000' },
          [['source.partnerId', 'source.partnerUnknown']],
        ],
        [{ kind: 'partner' }, [['source.partnerId', 'source.partnerRequired']]],
        [{ kind: 'staff', partnerId: posti }, [['source.partnerId', 'source.partnerNotExpected']]],
      ];
      for (const [source, expected] of cases) {
        const response = await call('PATCH', `/api/persons/${personId}`, {
          phone: '0401234567',
          source,
        });
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(fieldsOf(response.json()), expected, JSON.stringify(source));
      }
      const request = await call('PATCH', `/api/persons/${personId}`, {
        phone: '0401234567',
        source: { kind: 'request', requestId: '00000000-0000-4000-8000-000000000000' },
      });
      assert.equal(request.statusCode, 400, request.body);
      assert.ok(fieldsOf(request.json()).some(([field]) => field === 'source.kind'));
      assert.deepEqual(await listValueSources(ctx().database.db, personId), unchanged);
      const person = (await call('GET', `/api/persons/${personId}`)).json();
      assert.equal(person.phone, null);
    });

    test('a registration from the person themself records data_subject with the letter', async () => {
      const response = await call('POST', '/api/persons', {
        firstName: 'Sven',
        lastName: 'Kund',
        language: 'sv',
        source: { kind: 'data_subject', reference: 'Anmälan 2026-11-20' },
      });
      assert.equal(response.statusCode, 201, response.body);
      const sources = await listValueSources(ctx().database.db, response.json().id);
      assert.deepEqual(
        sources.map((s) => [s.field, s.kind, s.reference]),
        [
          ['firstName', 'data_subject', 'Anmälan 2026-11-20'],
          ['lastName', 'data_subject', 'Anmälan 2026-11-20'],
          ['language', 'data_subject', 'Anmälan 2026-11-20'],
        ],
      );
    });

    test('a role without customers.write may not read the sources', async () => {
      const personId = await registerAino();
      const worker = await ctx().signIn('social_worker');
      const response = await callAs(ctx(), worker, 'GET', `/api/persons/${personId}/value-sources`);
      assert.equal(response.statusCode, 403);
    });
  },
  { clock },
);
