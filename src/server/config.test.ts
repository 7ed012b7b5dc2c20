import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, embedded database under ./data, key file beside it', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, path.resolve('data'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.keyFile, path.resolve('data/keys/master.key'));
  assert.equal(config.keystoreDatabaseUrl, undefined);
  assert.equal(config.keystoreDir, path.resolve('data/keystore'));
  assert.equal(config.wrappingKeyDir, path.resolve('data/keys/wrapping'));
  assert.equal(config.signInMaxFailures, 5);
  assert.equal(config.signInMaxFailuresPerAddress, 20);
  assert.equal(config.signInWindowMinutes, 15);
  assert.equal(config.signInLockMinutes, 15);
});

test('reads every setting from the environment', () => {
  const config = loadConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATA_DIR: '/srv/rekisteri',
    DATABASE_URL: 'postgres://app@db/rekisteri',
    KEYSTORE_DATABASE_URL: 'postgres://keys@keydb/rekisteri_keys',
    REKISTERI_WRAPPING_KEY_DIR: '/etc/rekisteri/wrapping',
    REKISTERI_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    SESSION_IDLE_MINUTES: '15',
    COOKIE_SECURE: 'always',
    SIGN_IN_MAX_FAILURES: '3',
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '50',
    SIGN_IN_WINDOW_MINUTES: '10',
    SIGN_IN_LOCK_MINUTES: '30',
  });
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, '/srv/rekisteri');
  assert.equal(config.databaseUrl, 'postgres://app@db/rekisteri');
  assert.equal(config.keystoreDatabaseUrl, 'postgres://keys@keydb/rekisteri_keys');
  assert.equal(config.wrappingKeyDir, '/etc/rekisteri/wrapping');
  assert.equal(config.sessionIdleMinutes, 15);
  assert.equal(config.cookieSecure, 'always');
  assert.equal(config.signInMaxFailures, 3);
  assert.equal(config.signInMaxFailuresPerAddress, 50);
  assert.equal(config.signInWindowMinutes, 10);
  assert.equal(config.signInLockMinutes, 30);
});

test('names every bad value at once', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REKISTERI_MASTER_KEY: 'short',
        LOG_LEVEL: 'loud',
        HOST: 'bad host',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 5);
      assert.match(error.message, /PORT must be a whole number from 0 to 65535, got "eighty"/);
      assert.match(error.message, /DATABASE_URL must start with postgres:\/\//);
      assert.match(error.message, /REKISTERI_MASTER_KEY must be 32 random bytes/);
      assert.match(error.message, /LOG_LEVEL must be one of/);
      assert.match(error.message, /HOST is not a host name/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT must be a whole number from 0 to 65535/);
});

test('sign-in throttling settings: bad values are named', () => {
  assert.throws(
    () =>
      loadConfig({
        SIGN_IN_MAX_FAILURES: '0',
        SIGN_IN_LOCK_MINUTES: 'forever',
        SIGN_IN_WINDOW_MINUTES: '-5',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 3);
      assert.match(
        error.message,
        /SIGN_IN_MAX_FAILURES must be a whole number from 1 to 100, got "0"/,
      );
      assert.match(
        error.message,
        /SIGN_IN_LOCK_MINUTES must be a whole number from 1 to 1440, got "forever"/,
      );
      assert.match(
        error.message,
        /SIGN_IN_WINDOW_MINUTES must be a whole number from 1 to 1440, got "-5"/,
      );
      return true;
    },
  );
  assert.throws(
    () => loadConfig({ SIGN_IN_MAX_FAILURES: '10', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '5' }),
    /SIGN_IN_MAX_FAILURES_PER_ADDRESS \(5\) must be at least SIGN_IN_MAX_FAILURES \(10\)/,
  );
});

test('STAFF_NETWORKS limits staff access to CIDR networks; a bad one is named', () => {
  assert.deepEqual(loadConfig({}).staffNetworks, []);
  assert.deepEqual(loadConfig({ STAFF_NETWORKS: '10.0.0.0/8,::1/128' }).staffNetworks, [
    '10.0.0.0/8',
    '::1/128',
  ]);
  assert.throws(
    () => loadConfig({ STAFF_NETWORKS: '10.0.0.0/8, office' }),
    /STAFF_NETWORKS: "office" is not a network/,
  );
});

test('MIGRATION_DATABASE_URL: the owner role for migrations, beside the runtime DATABASE_URL', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://rekisteri_app@db/rekisteri',
    MIGRATION_DATABASE_URL: 'postgres://rekisteri_owner@db/rekisteri',
    KEYSTORE_DATABASE_URL: 'postgres://rekisteri_keys@keydb/rekisteri_keys',
  });
  assert.equal(config.migrationDatabaseUrl, 'postgres://rekisteri_owner@db/rekisteri');
  assert.equal(loadConfig({}).migrationDatabaseUrl, undefined);
  assert.throws(
    () => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://rekisteri_owner@db/rekisteri' }),
    /MIGRATION_DATABASE_URL goes with DATABASE_URL/,
  );
  assert.throws(
    () =>
      loadConfig({
        DATABASE_URL: 'postgres://a@db/r',
        MIGRATION_DATABASE_URL: 'mysql://x',
        KEYSTORE_DATABASE_URL: 'postgres://a@db/r_keys',
      }),
    /MIGRATION_DATABASE_URL must start with postgres:\/\//,
  );
});

test('PostgreSQL needs a key store database of its own', () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'postgres://app@db/rekisteri' }),
    /KEYSTORE_DATABASE_URL must be set with DATABASE_URL/,
  );
  for (const same of [
    'postgres://app@db/rekisteri',
    'postgresql://keys:secret@db:5432/rekisteri?sslmode=require',
  ]) {
    assert.throws(
      () =>
        loadConfig({ DATABASE_URL: 'postgres://app@db/rekisteri', KEYSTORE_DATABASE_URL: same }),
      /KEYSTORE_DATABASE_URL names the data database/,
      same,
    );
  }
  assert.throws(
    () => loadConfig({ KEYSTORE_DATABASE_URL: 'mysql://keys' }),
    /KEYSTORE_DATABASE_URL must start with postgres:\/\//,
  );
  const other = loadConfig({
    DATABASE_URL: 'postgres://app@db/rekisteri',
    KEYSTORE_DATABASE_URL: 'postgres://app@db/rekisteri_keys',
  });
  assert.equal(other.keystoreDatabaseUrl, 'postgres://app@db/rekisteri_keys');
});
