import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { loadConfig } from '../../src/server/config.ts';
import {
  accessLog,
  dvvSyncRecords,
  dvvSyncRuns,
  persons,
} from '../../src/server/db/schema/index.ts';
import { openRegister } from '../../src/server/start.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import {
  createTestDatabase,
  createTestKeyStore,
  type TestDatabase,
  type TestKeyStore,
} from '../helpers/db.ts';
import { dvvRecord, startDvvStandIn, type DvvStandIn } from '../helpers/dvv-stand-in.ts';

/*
 * `rekisteri dvv sync` beside the register on PostgreSQL (decision 0026): the CLI is killed
 * (SIGKILL) while it waits for DVV between two batches; the next run continues the same run and
 * the register ends with each change applied exactly once.
 */

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');
const code = (n: number) => makeIdentityCode(`1985-02-${String(n).padStart(2, '0')}`, 950 + n);

describe(
  'rekisteri dvv sync',
  { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  () => {
    let standIn: DvvStandIn;
    let database: TestDatabase;
    let keyStore: TestKeyStore;
    let dataDir: string;
    let env: Record<string, string>;

    before(async () => {
      standIn = await startDvvStandIn({ pageSize: 1 });
      database = await createTestDatabase('postgres');
      keyStore = await createTestKeyStore('postgres');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-dvv-'));
      env = {
        DATA_DIR: dataDir,
        DATABASE_URL: database.url!,
        KEYSTORE_DATABASE_URL: keyStore.url!,
        REKISTERI_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
        ...standIn.env,
        DVV_SYNC_FROM: '2026-11-01',
      };
    });
    after(async () => {
      await standIn?.close();
      await database?.drop();
      await keyStore?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const processEnv = () => {
      const base: Record<string, string | undefined> = { ...process.env };
      for (const name of Object.keys(base)) if (name.startsWith('DVV_')) delete base[name];
      return { ...base, ...env };
    };

    function run(
      args: string[],
    ): Promise<{ status: number | null; stdout: string; stderr: string }> {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: processEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      return new Promise((resolve) =>
        child.on('close', (status) => resolve({ status, stdout, stderr })),
      );
    }

    test('killed between two batches, the next run loses and repeats nothing', async () => {
      // Four persons registered through the register itself, as the CLI will find them.
      const {
        app,
        database: db,
        keys,
      } = await openRegister(loadConfig(env), { logger: false, serveWeb: false });
      const ids: string[] = [];
      try {
        const cookie = await signInNewUser(app, db, keys, {
          username: 'virkailija',
          role: 'register_officer',
        });
        for (const n of [1, 2, 3, 4]) {
          const created = await app.inject({
            method: 'POST',
            url: '/api/persons',
            headers: json(cookie),
            payload: {
              firstName: `Ennen${n}`,
              lastName: 'Kokeilu',
              personalIdentityCode: code(n),
              personalIdentityCodePurpose: 'unambiguous_identification',
            },
          });
          assert.equal(created.statusCode, 201, created.body);
          ids.push(created.json().id as string);
        }
      } finally {
        await app.close();
      }
      standIn.reset({ positionsByDay: { '2026-11-01': 10 }, head: 10 });
      [1, 2, 3, 4].forEach((n) =>
        standIn.append({
          position: 10 + n,
          identityCode: code(n),
          record: dvvRecord(code(n), [
            {
              tietoryhma: 'HENKILON_NIMI',
              muutosattribuutti: 'MUUTETTU',
              etunimi: `Jälkeen${n}`,
              sukunimi: 'Kokeilu',
            },
          ]),
        }),
      );
      // The third call (the third batch: one person a batch) never answers: the CLI waits there.
      standIn.holdCall = { call: 3, until: new Promise(() => {}) };
      const child = spawn(process.execPath, [CLI, 'dvv', 'sync', '--batch-size', '1'], {
        env: processEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_c, signal) => resolve(signal)),
      );
      const deadline = Date.now() + 120_000;
      while (standIn.calls.length < 3) {
        assert.ok(Date.now() < deadline, `the CLI did not reach the third batch: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');

      const [killed] = await database.db.select().from(dvvSyncRuns);
      assert.equal(killed?.status, 'running');
      assert.equal(killed?.pages, 2, 'two pages committed before the kill');
      const callsBefore = standIn.calls.map((c) => JSON.stringify(c));

      standIn.holdCall = null;
      // Not spawnSync: the stand-in answers from this process.
      const again = await run(['dvv', 'sync', '--json', '--batch-size', '1']);
      assert.equal(again.status, 0, again.stderr);
      const summary = JSON.parse(again.stdout) as {
        run: string;
        status: string;
        counts: Record<string, number>;
        position: number;
      };
      assert.equal(summary.run, killed?.id, 'the killed run is continued');
      assert.equal(summary.status, 'finished');
      assert.equal(summary.position, 14);
      assert.deepEqual(summary.counts, {
        applied: 4,
        unchanged: 0,
        skipped: 0,
        noPerson: 0,
        unparsable: 0,
        failed: 0,
      });
      const later = standIn.calls.slice(callsBefore.length).map((c) => JSON.stringify(c));
      assert.deepEqual(
        later.filter((c) => callsBefore.slice(0, 2).includes(c)),
        [],
        'no committed page asked again',
      );

      const records = await database.db
        .select()
        .from(dvvSyncRecords)
        .where(eq(dvvSyncRecords.runId, summary.run));
      assert.deepEqual(records.map((r) => r.personId).sort(), [...ids].sort(), 'each record once');
      for (const [i, id] of ids.entries()) {
        const [row] = await database.db
          .select({ firstName: persons.firstName })
          .from(persons)
          .where(eq(persons.id, id));
        assert.equal(row?.firstName, `Jälkeen${i + 1}`);
        const updates = (await database.db.select().from(accessLog)).filter(
          (e) => e.action === 'update' && e.subjectIds.includes(id),
        );
        assert.equal(updates.length, 1, 'one change logged for each person');
        assert.equal(updates[0]?.username, 'dvv-sync');
      }
    });

    test('without DVV configured the CLI says what to set', () => {
      const base: Record<string, string | undefined> = { ...processEnv() };
      for (const name of Object.keys(base)) if (name.startsWith('DVV_')) delete base[name];
      const result = spawnSync(process.execPath, [CLI, 'dvv', 'sync'], {
        env: base,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /DVV's change interface is not configured: set DVV_CHANGES_URL/);
      const partial = spawnSync(process.execPath, [CLI, 'dvv', 'sync'], {
        env: { ...base, DVV_CHANGES_URL: 'https://dvv.example/api/v1' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(partial.status, 2);
      assert.match(
        partial.stderr,
        /DVV_CHANGES_USERNAME, DVV_CHANGES_PASSWORD, DVV_XROAD_CLIENT are not set/,
      );
    });
  },
);
