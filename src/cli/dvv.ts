import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { openPersonKeys } from '../server/keystore/open.ts';
import { systemClock } from '../server/lib/clock.ts';
import { keysFromMaster, loadMasterKey } from '../server/lib/crypto.ts';
import { databaseAccessLog } from '../server/modules/access-log/access-log.ts';
import { countOutcomes, runSync } from '../server/modules/population-register/dvv-sync.ts';
import {
  SYNC_ACTOR,
  syncContext,
} from '../server/modules/population-register/population-register.service.ts';
import { DVV_RECORD_OUTCOMES } from '../contract/population-register/population-register.constants.ts';

/** Thrown for bad arguments: the CLI prints the usage. */
export class DvvUsageError extends Error {}

/**
 * `rekisteri dvv sync [--json]`: one sync with DVV's change interface (decision 0026), to its
 * end; an unfinished run (killed, or stopped by an error) is continued, not started over.
 */
export async function dvvCommand(config: Config, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  if (sub !== 'sync') throw new DvvUsageError(`Unknown dvv command "${sub ?? ''}"`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'batch-size': { type: 'string' } },
  });
  if (positionals.length > 0) throw new DvvUsageError('dvv sync takes no arguments');
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (
    batchSize !== undefined &&
    !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)
  ) {
    throw new DvvUsageError('--batch-size must be a whole number from 1 to 10000');
  }
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(config, database);
    const keys = keysFromMaster(loadMasterKey(config).key);
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    try {
      const started = performance.now();
      const sync = syncContext(
        {
          db: database.db,
          keys,
          personKeys: opened.personKeys,
          clock: systemClock,
          accessLog: databaseAccessLog(keys, systemClock, { personKeys: opened.personKeys }),
          actor: SYNC_ACTOR,
          requestId: 'dvv-sync-cli',
          clientAddress: 'cli',
        },
        config,
        {
          trigger: 'cli',
          ...(batchSize ? { batchSize } : {}),
          afterPage: (page) => {
            if (!values.json) process.stderr.write(`  page ${page} applied\n`);
          },
        },
      );
      const run = await runSync(sync);
      const counts = (await countOutcomes(database.db, [run.id])).get(run.id);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (values.json) {
        return JSON.stringify({
          run: run.id,
          number: run.number,
          status: run.status,
          startPosition: run.startPosition,
          position: run.reachedPosition,
          persons: run.persons,
          pages: run.pages,
          counts,
        });
      }
      const outcomes = DVV_RECORD_OUTCOMES.map((o) => `${o} ${counts?.[o] ?? 0}`).join(', ');
      return [
        `DVV sync ${run.number} finished in ${seconds} s: ${run.persons} persons followed, ${run.pages} pages, position ${run.startPosition} → ${run.reachedPosition}.`,
        `Records: ${outcomes}.`,
        'The report is in the web app (Population register) and at GET /api/population-register/syncs/' +
          run.id,
      ].join('\n');
    } finally {
      await opened.close();
    }
  } finally {
    await database.close();
  }
}
