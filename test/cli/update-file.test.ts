import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { loadConfig } from '../../src/server/config.ts';
import { persons } from '../../src/server/db/schema/index.ts';
import { openRegister } from '../../src/server/start.ts';
import { insertTestPartner, json, signInNewUser } from '../helpers/app.ts';
import {
  createTestDatabase,
  createTestKeyStore,
  type TestDatabase,
  type TestKeyStore,
} from '../helpers/db.ts';
import { postiFile } from '../helpers/update-files.ts';

/*
 * `rekisteri update-file` beside the register on PostgreSQL (decision 0029): a dry run reports
 * and changes nothing; the apply changes the address; the same file again changes nothing.
 */

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');
const CODE = makeIdentityCode('1985-02-03', 953);

describe(
  'rekisteri update-file',
  { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  () => {
    let database: TestDatabase;
    let keyStore: TestKeyStore;
    let dataDir: string;
    let env: Record<string, string>;

    before(async () => {
      database = await createTestDatabase('postgres');
      keyStore = await createTestKeyStore('postgres');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-update-file-'));
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

    function run(
      args: string[],
    ): Promise<{ status: number | null; stdout: string; stderr: string }> {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, ...env },
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

    test('dry run, apply, and the same file again', async () => {
      const {
        app,
        database: db,
        keys,
      } = await openRegister(loadConfig(env), {
        logger: false,
        serveWeb: false,
      });
      let personId: string;
      let partnerId: string;
      try {
        const cookie = await signInNewUser(app, db, keys, {
          username: 'virkailija',
          role: 'register_officer',
        });
        partnerId = await insertTestPartner(db, { name: 'Posti Oy', roles: ['source'] });
        const created = await app.inject({
          method: 'POST',
          url: '/api/persons',
          headers: json(cookie),
          payload: {
            firstName: 'Ville',
            lastName: 'Virtanen',
            personalIdentityCode: CODE,
            personalIdentityCodePurpose: 'unambiguous_identification',
            permanentAddress: { street: 'Vanhatie 1', postalCode: '00100', postOffice: 'Helsinki' },
          },
        });
        assert.equal(created.statusCode, 201, created.body);
        personId = created.json().id as string;
      } finally {
        await app.close();
      }
      const file = path.join(dataDir, 'muutokset.txt');
      fs.writeFileSync(
        file,
        postiFile([
          {
            identityCode: CODE,
            lastName: 'Virtanen',
            firstName: 'Ville',
            street: 'Åkertie 5',
            postalCode: '65100',
            postOffice: 'Vaasa',
          },
        ]),
      );
      const args = ['update-file', file, '--profile', 'posti', '--partner', partnerId, '--json'];
      const street = async () =>
        (
          await database.db
            .select({ a: persons.permanentAddress })
            .from(persons)
            .where(eq(persons.id, personId))
        )[0]?.a?.street;

      const dry = await run([...args, '--dry-run']);
      assert.equal(dry.status, 0, dry.stderr);
      assert.deepEqual(JSON.parse(dry.stdout).counts, {
        applied: 1,
        unchanged: 0,
        noMatch: 0,
        refused: 0,
      });
      assert.equal(await street(), 'Vanhatie 1');

      const applied = await run(args);
      assert.equal(applied.status, 0, applied.stderr);
      assert.equal(JSON.parse(applied.stdout).counts.applied, 1);
      assert.equal(await street(), 'Åkertie 5', 'read as ISO-8859-1');

      const again = await run(args);
      assert.deepEqual(JSON.parse(again.stdout).counts, {
        applied: 0,
        unchanged: 1,
        noMatch: 0,
        refused: 0,
      });

      const bad = await run(['update-file', file, '--profile', 'nope', '--partner', partnerId]);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /profile: No such profile/);
    });
  },
);
