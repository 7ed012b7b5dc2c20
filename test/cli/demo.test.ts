import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { asc, count, eq } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import {
  accessLog,
  commitmentSignatures,
  persons,
  staffUsers,
  valueSources,
} from '../../src/server/db/schema/index.ts';
import { openPersonKeys } from '../../src/server/keystore/open.ts';
import { parseIdentityCode } from '../../src/finnish/index.ts';
import { identityCodeContext } from '../../src/server/modules/persons/persons.service.ts';
import { ROLES } from '../../src/contract/auth/permissions.ts';
import { createTestDatabase, createTestKeyStore } from '../helpers/db.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');
let dataDir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'REKISTERI_MASTER_KEY',
    'KEYSTORE_DATABASE_URL',
    'KEYSTORE_DIR',
    'REKISTERI_WRAPPING_KEY_DIR',
  ]) {
    delete base[name];
  }
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...base, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-demo-'));
});
after(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('rekisteri demo refuses a PostgreSQL DATABASE_URL unless told --allow-postgresql', () => {
  // Refused before any connection: nothing listens on port 1.
  const refused = cli(['demo'], {
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/rekisteri',
    KEYSTORE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/avaimet',
  });
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /DATABASE_URL names a PostgreSQL database/);
  assert.match(refused.stderr, /npx rekisteri demo --allow-postgresql/);
  assert.deepEqual(fs.readdirSync(dataDir), [], 'nothing was made under DATA_DIR');
});

test('rekisteri demo fills a new embedded register through its own rules; a second run refuses', async () => {
  const run = cli(['demo']);
  assert.equal(run.status, 0, run.stderr);
  // Progress while it runs, on standard error; the report on standard output.
  assert.match(run.stderr, /Creating the embedded database in .*first start only/);
  assert.match(run.stderr, /Applying the database migrations…/);
  assert.match(run.stderr, /Creating the key store in .*and the key ring/);
  assert.match(run.stdout, /8 persons with test identity codes \(individual numbers 900–999\)/);
  assert.match(run.stdout, /an access request \(no\. 1\) of Oskar Testberg/);
  for (const role of ROLES) assert.match(run.stdout, new RegExp(`^  demo\\.${role} `, 'm'));
  const password = /Password of every demo account: (\S+)/.exec(run.stdout)?.[1] ?? '';
  assert.ok(password.length >= 12, 'the password is printed');
  // The roles that require a second factor get an authenticator key and its otpauth:// link.
  for (const role of ['admin', 'social_worker', 'register_officer']) {
    assert.match(
      run.stdout,
      new RegExp(`  demo\\.${role}\\n    key: {2}[A-Z2-7 ]{39}\\n    link: otpauth://totp/`),
    );
  }
  assert.doesNotMatch(run.stdout, /demo\.billing\n {4}key:/);

  const config = loadConfig({ DATA_DIR: dataDir });
  const database = await openDatabase({ dataDir });
  const keys = await openPersonKeys(config);
  try {
    const rows = await database.db
      .select({
        id: persons.id,
        lastName: persons.lastName,
        encrypted: persons.identityCodeEncrypted,
        temporary: persons.identityCodeTemporary,
      })
      .from(persons)
      .orderBy(asc(persons.lastName));
    assert.equal(rows.length, 8);
    for (const row of rows) {
      assert.equal(row.temporary, true, row.lastName);
      assert.ok(row.encrypted, `${row.lastName} has an identity code`);
      // Encrypted under the person's own data key, and a valid code of the temporary range.
      const code = await keys.personKeys.decrypt(
        row.id,
        row.encrypted,
        identityCodeContext(row.id),
      );
      const parsed = parseIdentityCode(code);
      assert.ok(parsed.ok && parsed.value.temporary, `${code} is a valid temporary code`);
    }
    // Every write is in the access log under the demo user who made it.
    const logged = await database.db
      .select({ username: accessLog.username, action: accessLog.action })
      .from(accessLog);
    const creates = logged.filter((e) => e.action === 'create');
    assert.ok(creates.some((e) => e.username === 'demo.customer_service'));
    assert.ok(creates.some((e) => e.username === 'demo.register_officer'));
    assert.ok(creates.some((e) => e.username === 'demo.social_worker'));
    // The persons' values have their sources: themselves, and the population register for the
    // protected address.
    const sources = await database.db
      .select({ kind: valueSources.kind, field: valueSources.field })
      .from(valueSources);
    assert.ok(sources.some((s) => s.kind === 'data_subject' && s.field === 'personalIdentityCode'));
    assert.ok(
      sources.some((s) => s.kind === 'population_register' && s.field === 'addressProtection'),
    );
    const staff = await database.db
      .select({ username: staffUsers.username, fullName: staffUsers.fullName })
      .from(staffUsers)
      .innerJoin(commitmentSignatures, eq(commitmentSignatures.userId, staffUsers.id));
    assert.equal(staff.length, ROLES.length, 'every demo account has signed its commitment');
    assert.ok(staff.every((s) => s.username.startsWith('demo.') && s.fullName));
  } finally {
    await keys.close();
    await database.close();
  }

  const again = cli(['demo']);
  assert.equal(again.status, 1);
  assert.match(
    again.stderr,
    /already has customers \(8 persons, 1 organisation\): the demo fills only a new, empty register/,
  );
  assert.equal(again.stdout, '');
});

test(
  'rekisteri demo --allow-postgresql fills an empty PostgreSQL database',
  { skip: process.env.TEST_DATABASE_URL ? false : 'set TEST_DATABASE_URL to run on PostgreSQL' },
  async () => {
    const database = await createTestDatabase('postgres');
    const keyStore = await createTestKeyStore('postgres');
    const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-demo-pg-'));
    try {
      const env = {
        DATA_DIR: keysDir,
        DATABASE_URL: database.url ?? '',
        KEYSTORE_DATABASE_URL: keyStore.url ?? '',
      };
      const run = cli(['demo', '--allow-postgresql'], env);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /ready in the PostgreSQL database of DATABASE_URL/);
      assert.match(run.stderr, /Opening the PostgreSQL database…/);
      const [row] = await database.db.select({ n: count() }).from(persons);
      assert.equal(row?.n, 8);
      const again = cli(['demo', '--allow-postgresql'], env);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /already has customers \(8 persons, 1 organisation\)/);
    } finally {
      await database.drop();
      await keyStore.drop();
      fs.rmSync(keysDir, { recursive: true, force: true });
    }
  },
);
