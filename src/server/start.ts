import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { checkDatabaseRoles, migrateDatabase } from './db/migrate.ts';
import { systemClock } from './lib/clock.ts';
import { keysFromMaster, loadMasterKey } from './lib/crypto.ts';
import { startSealer } from './modules/access-log/access-log.chain.ts';
import { countStaffUsers } from './modules/staff/staff.queries.ts';

/** Opens the database (embedded unless DATABASE_URL), migrates it and builds the app. */
export async function openRegister(
  config: Config,
  options: BuildOptions = {},
): Promise<{ app: FastifyInstance; database: Database; keyCreated: boolean }> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(config, database);
    const warnings = await checkDatabaseRoles(config, database);
    const master = loadMasterKey(config);
    const keys = keysFromMaster(master.key);
    const app = await buildApp({ config, database, keys, clock: systemClock }, options);
    for (const warning of warnings) app.log.warn(warning);
    const stopSealer = startSealer(database.db, keys, (error) =>
      app.log.error({ err: error }, 'sealing the access log failed'),
    );
    app.addHook('onClose', async () => {
      stopSealer();
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
