import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { systemClock } from './lib/clock.ts';
import { keysFromMaster, loadMasterKey, type Keys } from './lib/crypto.ts';
import { SEAL_DELAY_MS, sealAccessLog } from './modules/access-log/access-log.chain.ts';
import { countStaffUsers } from './modules/staff/staff.queries.ts';

/** Chains new access-log entries every few seconds, off the request path. */
function startSealing(database: Database, keys: Keys, log: FastifyBaseLogger): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAccessLog(database.db, keys, { before: new Date(Date.now() - SEAL_DELAY_MS) })
      .catch((error: unknown) => log.error({ err: error }, 'sealing the access log failed'))
      .finally(() => {
        running = false;
      });
  }, 5_000);
  timer.unref();
  return timer;
}

/** Opens the database (embedded unless DATABASE_URL), migrates it and builds the app. */
export async function openRegister(
  config: Config,
  options: BuildOptions = {},
): Promise<{ app: FastifyInstance; database: Database; keyCreated: boolean }> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await database.migrate();
    const master = loadMasterKey(config);
    const keys = keysFromMaster(master.key);
    const app = await buildApp({ config, database, keys, clock: systemClock }, options);
    const sealer = startSealing(database, keys, app.log);
    app.addHook('onClose', async () => {
      clearInterval(sealer);
      await database.close();
    });
    return { app, database, keyCreated: master.created };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function firstAdministratorHint(database: Database): string {
  return [
    'No staff accounts yet. Create the first administrator:',
    ...(database.engine === 'pglite'
      ? ['  1. stop this server (Ctrl-C): the embedded database opens in one process at a time']
      : []),
    `  ${database.engine === 'pglite' ? '2' : '1'}. run: npx rekisteri user add admin --role admin --commitment-signed $(date +%F) --password-stdin`,
    '     type the password (at least 12 characters), press Enter, then Ctrl-D',
    ...(database.engine === 'pglite'
      ? ['  3. npm start, and sign in as admin']
      : ['  2. sign in as admin']),
  ].join('\n');
}

export async function needsFirstAdministrator(database: Database): Promise<boolean> {
  return (await countStaffUsers(database.db)) === 0;
}
