import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.ts';
import type { Config } from './config.ts';
import { isDatabaseUnavailable } from './db/availability.ts';
import { openDatabase, type Database } from './db/client.ts';
import { checkDatabaseRoles, migrateDatabase } from './db/migrate.ts';
import { StartRefused } from './db/roles.ts';
import { secureDataDir } from './data-dir-permissions.ts';
import { systemClock } from './lib/clock.ts';
import { keysFromMaster, loadMasterKey, type Keys } from './lib/crypto.ts';
import { openPersonKeys } from './keystore/open.ts';
import { startSealer } from './modules/access-log/access-log.chain.ts';
import {
  ensureAuditKeyCheck,
  WrongAuditKeyError,
} from './modules/access-log/access-log.key-check.ts';
import { upgradeIdentityCodes } from './modules/persons/identity-code-upgrade.ts';
import { databaseAccessLog } from './modules/access-log/access-log.ts';
import { startErasureFinisher } from './modules/erasure/erasure.service.ts';
import { startDailyRetention } from './modules/retention/retention.service.ts';
import {
  startDailySync,
  SYNC_ACTOR,
  syncContext,
} from './modules/population-register/population-register.service.ts';
import { countStaffUsers } from './modules/staff/staff.queries.ts';

export type OpenOptions = BuildOptions & {
  /** Told each step of the opening as it begins: the first start takes a while (initdb). */
  onProgress?: (step: string) => void;
};

/** Whether an embedded PostgreSQL data directory is still to be made (its initdb is slow). */
const embeddedIsNew = (dir: string) => !fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'));

/**
 * Opens the database (embedded unless DATABASE_URL) and the key store (embedded unless
 * KEYSTORE_DATABASE_URL), migrates both and builds the app. Identity codes still under the
 * global key move to their persons' keys in the background.
 */
export async function openRegister(
  config: Config,
  { onProgress = () => {}, ...options }: OpenOptions = {},
): Promise<{
  app: FastifyInstance;
  database: Database;
  /** The global keys (blind index, access-log MACs, TOTP secrets). */
  keys: Keys;
  keyCreated: boolean;
  /** The id of the first master key of the key ring, made on this start; else null. */
  wrappingKeyCreated: string | null;
  /** Settles when the background upgrade of old identity codes has finished. */
  upgraded: Promise<void>;
}> {
  secureDataDir(config.dataDir);
  onProgress(
    config.databaseUrl
      ? 'Opening the PostgreSQL database…'
      : embeddedIsNew(config.dataDir)
        ? `Creating the embedded database in ${path.join(config.dataDir, 'pgdata')} (first start only: about 15 s)…`
        : `Opening the embedded database in ${config.dataDir}…`,
  );
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  let closeKeyStore = async () => {};
  try {
    onProgress('Applying the database migrations…');
    await migrateDatabase(config, database);
    const warnings = await checkDatabaseRoles(config, database);
    const master = loadMasterKey(config);
    const keys = keysFromMaster(master.key);
    // A server with another master key would write entries no one could verify, for good.
    await ensureAuditKeyCheck(database.db, keys).catch((error: unknown) => {
      throw error instanceof WrongAuditKeyError ? new StartRefused(error.message) : error;
    });
    onProgress(
      config.keystoreDatabaseUrl
        ? 'Opening the key store and applying its migrations…'
        : embeddedIsNew(config.keystoreDir)
          ? `Creating the key store in ${config.keystoreDir} and the key ring (first start only: about 10 s)…`
          : 'Opening the key store and applying its migrations…',
    );
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    closeKeyStore = () => opened.close();
    const { personKeys } = opened;
    const app = await buildApp({ config, database, keys, personKeys, clock: systemClock }, options);
    for (const warning of warnings) app.log.warn(warning);
    // The background jobs run again on their next tick; an outage is logged once, by the
    // database's watcher (app.ts), not on every tick.
    const logUnlessUnavailable = (message: string) => (error: unknown) => {
      if (!isDatabaseUnavailable(error)) app.log.error({ err: error }, message);
    };
    const stopSealer = startSealer(
      database.db,
      keys,
      logUnlessUnavailable('sealing the access log failed'),
    );
    const stopFinisher = startErasureFinisher(
      {
        db: database.db,
        personKeys,
        clock: systemClock,
        accessLog: databaseAccessLog(keys, systemClock, { personKeys }),
      },
      logUnlessUnavailable('finishing erasures failed'),
    );
    // Retention of customers, daily once the administrator turns it on (decision 0034).
    const stopDailyRetention = startDailyRetention(
      {
        db: database.db,
        personKeys,
        clock: systemClock,
        accessLog: databaseAccessLog(keys, systemClock, { personKeys }),
      },
      logUnlessUnavailable('the daily retention run failed'),
    );
    // DVV's change interface, daily, when configured (decision 0026).
    const stopDailySync = config.dvv
      ? startDailySync(
          () =>
            syncContext(
              {
                db: database.db,
                keys,
                personKeys,
                clock: systemClock,
                accessLog: databaseAccessLog(keys, systemClock, { personKeys }),
                actor: SYNC_ACTOR,
                requestId: 'dvv-sync-timer',
                clientAddress: 'server',
              },
              config,
              { trigger: 'timer' },
            ),
          logUnlessUnavailable('the daily DVV sync failed'),
        )
      : async () => {};
    let closing = false;
    const upgraded = upgradeIdentityCodes(database.db, keys, personKeys, {
      stop: () => closing,
    }).then(
      ({ upgraded: count, destroyed }) => {
        if (count > 0 || destroyed > 0) {
          app.log.info(
            `Moved ${count} identity codes from the global key to their persons' keys${destroyed > 0 ? `; ${destroyed} left as they were, their persons' keys destroyed` : ''}`,
          );
        }
      },
      (error: unknown) => {
        if (!closing)
          app.log.error({ err: error }, 'moving identity codes to per-person keys failed');
      },
    );
    app.addHook('onClose', async () => {
      closing = true;
      stopSealer();
      await stopFinisher();
      await stopDailySync();
      await stopDailyRetention();
      await upgraded;
      await opened.close();
      await database.close();
    });
    return {
      app,
      database,
      keys,
      keyCreated: master.created,
      wrappingKeyCreated: opened.createdMasterKey,
      upgraded,
    };
  } catch (error) {
    await closeKeyStore();
    await database.close();
    throw error;
  }
}

/**
 * What the first start prints: create the administrator with the CLI; at the first sign-in the
 * web app itself has them set up the authenticator app their role requires and sign the
 * confidentiality commitment. On the embedded database, a register filled with fictional data
 * (`rekisteri demo`) is offered first, for a newcomer who wants to see the product.
 */
export function firstAdministratorHint(database: Database, address = 'the register'): string {
  const embedded = database.engine === 'pglite';
  const step = (n: number) => `  ${embedded ? n + 1 : n}.`;
  return [
    ...(embedded
      ? [
          'To look around first, fill a register with fictional data and demo staff of every role:',
          '  stop this server (Ctrl-C), run: npx rekisteri demo',
          '  then npm start again and sign in as the demo prints.',
          '',
        ]
      : []),
    'No staff accounts yet. Create the first administrator:',
    ...(embedded
      ? ['  1. stop this server (Ctrl-C): the embedded database opens in one process at a time']
      : []),
    `${step(1)} run: npx rekisteri user add admin --role admin --name "Your Name"`,
    '     and type the password (at least 12 characters) twice at the prompt',
    `${step(2)} ${embedded ? 'npm start again, ' : ''}open ${address} and sign in as admin`,
    `${step(3)} set up an authenticator app: scan the QR code the page shows (or type its key)`,
    '     and give the code it shows; from then on sign-in asks for a code',
    `${step(4)} read the confidentiality commitment and sign it with your password`,
  ].join('\n');
}

export async function needsFirstAdministrator(database: Database): Promise<boolean> {
  return (await countStaffUsers(database.db)) === 0;
}
