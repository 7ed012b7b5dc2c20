import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { importRows, importRuns, persons, valueSources } from '../../src/server/db/schema/index.ts';
import {
  createTestDatabase,
  createTestKeyStore,
  type TestDatabase,
  type TestKeyStore,
} from '../helpers/db.ts';
import { OLD_REGISTER_PROFILE, writeOldRegisterExport } from '../helpers/import-files.ts';

/*
 * `rekisteri import` (decision 0027): killed with SIGKILL in the middle of a run, the next run of
 * the same file continues it, and the register ends with exactly the rows of one clean run; a
 * third run creates nothing. PostgreSQL, so that the test can read the database while the CLI runs.
 */

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');

describe(
  'rekisteri import',
  { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  () => {
    let database: TestDatabase;
    let keyStore: TestKeyStore;
    let dataDir: string;
    let env: Record<string, string>;

    before(async () => {
      database = await createTestDatabase('postgres');
      keyStore = await createTestKeyStore('postgres');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-import-cli-'));
      env = {
        DATA_DIR: dataDir,
        DATABASE_URL: database.url!,
        KEYSTORE_DATABASE_URL: keyStore.url!,
        REKISTERI_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
      };
    });
    after(async () => {
      await database?.drop();
      await keyStore?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    function start(args: string[]) {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
      const done = new Promise<number | null>((resolve) => child.on('close', resolve));
      return { child, out, done };
    }

    async function run(args: string[]) {
      const started = start(args);
      const status = await started.done;
      return { status, ...started.out };
    }

    const count = async (table: typeof persons | typeof valueSources) =>
      Number(
        ((await database.db.select({ n: sql<number>`count(*)` }).from(table)) as [{ n: number }])[0]
          .n,
      );

    test('killed with SIGKILL in the middle, the rerun gives exactly the rows of one clean run', async () => {
      const profileFile = path.join(dataDir, 'profile.json');
      fs.writeFileSync(profileFile, JSON.stringify(OLD_REGISTER_PROFILE));
      const saved = await run(['import-profile', 'save', 'vanha', profileFile]);
      assert.equal(saved.status, 0, saved.stderr);

      const file = path.join(dataDir, 'vanha-rekisteri.csv');
      const rows = 3000;
      const { planted, clean } = await writeOldRegisterExport(file, rows, 100);
      const args = ['import', file, '--profile', 'vanha', '--batch-size', '50'];

      const first = start(args);
      // Killed once some batches have committed and more are to come.
      for (;;) {
        const [run] = await database.db.select().from(importRuns);
        if (run && run.rowsDone > 500) break;
        assert.equal(first.child.exitCode, null, `the CLI ended early: ${first.out.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      first.child.kill('SIGKILL');
      await first.done;
      const [killed] = await database.db.select().from(importRuns);
      assert.equal(killed?.status, 'running');
      assert.ok(killed.rowsDone < rows + 1, `killed in the middle (row ${killed.rowsDone})`);
      // Never half a batch: the report and the persons agree with the committed progress.
      const reported = await database.db
        .select({ n: sql<number>`count(*)`, last: sql<number>`max(row_number)` })
        .from(importRows);
      assert.equal(Number(reported[0]!.last), killed.rowsDone);
      const createdSoFar = Number(
        (
          (await database.db
            .select({ n: sql<number>`count(*)` })
            .from(importRows)
            .where(eq(importRows.outcome, 'created'))) as [{ n: number }]
        )[0].n,
      );
      assert.equal(await count(persons), createdSoFar);
      assert.equal(await count(valueSources), createdSoFar * 5);

      const second = await run([...args, '--json']);
      assert.equal(second.status, 0, second.stderr);
      const result = JSON.parse(second.stdout) as {
        run: string;
        status: string;
        counts: Record<string, number>;
      };
      assert.equal(result.run, killed.id, 'the same run is continued');
      assert.equal(result.status, 'finished');
      assert.deepEqual(result.counts, {
        created: clean,
        wouldCreate: 0,
        invalid: planted.filter((p) => p.outcome === 'invalid').length,
        duplicate: planted.filter((p) => p.outcome === 'duplicate').length,
        alreadyImported: 0,
      });
      assert.equal(await count(persons), clean);
      assert.equal(await count(valueSources), clean * 5);

      const third = await run([...args, '--json']);
      assert.equal(third.status, 0, third.stderr);
      const rerun = JSON.parse(third.stdout) as { counts: Record<string, number> };
      assert.equal(rerun.counts.created, 0);
      assert.equal(rerun.counts.alreadyImported, clean);
      assert.equal(await count(persons), clean, 'a finished file creates nothing twice');
    });

    test('usage errors exit 2 and name the problem', async () => {
      const missing = await run(['import', path.join(dataDir, 'nope.csv'), '--profile', 'vanha']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /No such file/);
      const noProfile = await run(['import', CLI]);
      assert.equal(noProfile.status, 2);
      assert.match(noProfile.stderr, /--profile/);
    });
  },
);
