import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, pgliteExtensions, type Database } from '../../src/server/db/client.ts';
import { persons } from '../../src/server/db/schema/index.ts';
import { PersonKeyDestroyedError } from '../../src/server/keystore/person-keys.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { forEachEngine, json, signInNewUser, type TestApp } from '../helpers/app.ts';
import { adminQuery, serverUrl } from '../helpers/db.ts';
import { fillEveryCategory, MARKERS, setUpSocialServices } from '../helpers/social-services.ts';

const ERASED = { firstName: 'Poistettava', code: makeIdentityCode('1980-01-01', 123) };
const KEPT = { firstName: 'Säilyvä', code: makeIdentityCode('1980-02-02', 234) };
const hasMarker = (text: string) => Object.values(MARKERS).find((m) => text.includes(m));

/** A database backup as the operator takes it: pg_dump, or the embedded data directory. */
async function backUp(t: TestApp, file: string): Promise<void> {
  if (t.database.url) {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, t.database.url]);
    return;
  }
  const dump = await t.database.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('no PGlite to back up');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** The backup restored into a fresh database of its own. */
async function restore(
  t: TestApp,
  file: string,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (t.database.url) {
    const name = `rekisteri_restored_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${serverUrl(name)}`, file]);
    const database = await openDatabase({ databaseUrl: serverUrl(name), poolSize: 2 });
    return {
      database,
      drop: async () => {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const pglite = await PGlite.create({
    extensions: pgliteExtensions,
    loadDataDir: new Blob([fs.readFileSync(file)]),
  });
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}

forEachEngine(
  'crypto-shredding: an erased person’s data in an old backup stays unreadable',
  ({ ctx }) => {
    test('backup, erase (destroy the key, delete the row), restore with the current key store', async () => {
      const t = ctx();
      const cookie = await t.signIn('register_officer');
      const register = async (person: typeof ERASED) => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/persons',
          headers: json(cookie),
          payload: {
            firstName: person.firstName,
            lastName: 'Varmuuskopio',
            personalIdentityCode: person.code,
            personalIdentityCodePurpose: 'consent',
          },
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      const erasedId = await register(ERASED);
      const keptId = await register(KEPT);

      // Both are social-services clients with data in every special category.
      const { personKeys } = t.personKeys;
      const social = await setUpSocialServices(t);
      for (const client of [erasedId, keptId]) {
        const made = await t.app.inject({
          method: 'POST',
          url: `/api/persons/${client}/social-services/relationships`,
          headers: json(social.workerA),
          payload: { unitId: social.unitA, startsOn: '2026-01-01' },
        });
        assert.equal(made.statusCode, 201, made.body);
        await fillEveryCategory(t, { ...social, client });
      }
      const readHealth = (app: TestApp['app'], worker: string, id: string) =>
        app.inject({
          url: `/api/persons/${id}/social-services/health?purpose=palautuksen%20tarkistus`,
          headers: { cookie: worker },
        });

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-backup-'));
      const file = path.join(dir, 'data.backup');
      try {
        await backUp(t, file);

        // The erasure (issue #6 brings its API): the key first, then the rows.
        await personKeys.destroy(erasedId);
        await t.database.db.delete(persons).where(eq(persons.id, erasedId));
        const gone = await t.app.inject({ url: `/api/persons/${erasedId}`, headers: { cookie } });
        assert.equal(gone.statusCode, 404);

        const restored = await restore(t, file);
        try {
          // The backup does hold the erased person's encrypted values …
          const [row] = await restored.database.db
            .select({ encrypted: persons.identityCodeEncrypted })
            .from(persons)
            .where(eq(persons.id, erasedId));
          assert.equal(row?.encrypted?.[0], 2, 'the code is in the backup, under the person key');
          const special = await restored.database.rows<{
            id: string;
            person_id: string;
            kind: string;
            content_encrypted: Buffer;
          }>(sql`select id, person_id, kind, content_encrypted from social_record`);
          assert.equal(special.filter((r) => r.person_id === erasedId).length, 4);

          // … and the register opened on it with the current key store reads none of them.
          personKeys.cache.clear();
          const app = await buildApp(
            {
              config: loadConfig({ DATA_DIR: '/nonexistent-test-data-dir' }),
              database: restored.database,
              keys: t.keys,
              personKeys,
              clock: systemClock,
            },
            { logger: false, serveWeb: false },
          );
          try {
            const officer = await signInNewUser(app, restored.database, t.keys, {
              username: 'palautus',
              role: 'register_officer',
            });
            const reveal = (id: string) =>
              app.inject({
                method: 'POST',
                url: `/api/persons/${id}/reveal-identity-code`,
                headers: json(officer),
                payload: { purpose: 'palautuksen tarkistus' },
              });

            const erased = await app.inject({
              url: `/api/persons/${erasedId}`,
              headers: { cookie: officer },
            });
            assert.equal(erased.statusCode, 200, erased.body);
            assert.equal(erased.json().firstName, ERASED.firstName, 'plain columns are restored');
            assert.equal(erased.json().personalIdentityCode, null, 'the code is not');
            const erasedReveal = await reveal(erasedId);
            assert.equal(erasedReveal.statusCode, 409);
            assert.equal(erasedReveal.json().errors[0].code, 'personKey.destroyed');
            assert.ok(!erasedReveal.body.includes(ERASED.code.slice(7)));

            const kept = await app.inject({
              url: `/api/persons/${keptId}`,
              headers: { cookie: officer },
            });
            assert.equal(kept.json().personalIdentityCode, `${KEPT.code.slice(0, 7)}****`);
            assert.equal((await reveal(keptId)).json().personalIdentityCode, KEPT.code);

            const listed = await app.inject({
              url: '/api/search?q=Varmuuskopio',
              headers: { cookie: officer },
            });
            const codes = Object.fromEntries(
              listed
                .json()
                .items.map((item: { person: { id: string; personalIdentityCode: string } }) => [
                  item.person.id,
                  item.person.personalIdentityCode,
                ]),
            );
            const erasedHealth = await readHealth(app, social.workerA, erasedId);
            assert.equal(erasedHealth.statusCode, 409, erasedHealth.body);
            assert.equal(erasedHealth.json().errors[0].code, 'personKey.destroyed');
            assert.equal(hasMarker(erasedHealth.body), undefined);
            const keptHealth = await readHealth(app, social.workerA, keptId);
            assert.equal(keptHealth.json().items[0].text, MARKERS.healthText);

            assert.deepEqual(codes, {
              [erasedId]: null,
              [keptId]: `${KEPT.code.slice(0, 7)}****`,
            });

            // The residual risk of decision 0011: the blind index (an HMAC under the global
            // index key) still matches a guessed code in the old backup.
            const guessed = await app.inject({
              url: `/api/search?q=${ERASED.code}`,
              headers: { cookie: officer },
            });
            assert.equal(guessed.json().items[0]?.person.id, erasedId);
          } finally {
            await app.close();
          }

          const items = (id: string) =>
            special
              .filter((row) => row.person_id === id)
              .map((row) => ({
                personId: id,
                ciphertext: Buffer.from(row.content_encrypted),
                context: `social_record:${row.kind}:${row.id}`,
              }));
          const [first] = items(erasedId);
          assert.ok(first);
          await assert.rejects(
            personKeys.decrypt(erasedId, first.ciphertext, first.context),
            PersonKeyDestroyedError,
          );
          assert.deepEqual(await personKeys.decryptMany(items(erasedId)), [null, null, null, null]);
          const kept = (await personKeys.decryptMany(items(keptId))).join(' ');
          for (const marker of [MARKERS.healthText, MARKERS.bankPurpose, MARKERS.incomeSource]) {
            assert.ok(kept.includes(marker), `the kept client's ${marker} reads back`);
          }
        } finally {
          await restored.drop();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
