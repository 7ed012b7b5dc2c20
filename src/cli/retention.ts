import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { openPersonKeys } from '../server/keystore/open.ts';
import { systemClock } from '../server/lib/clock.ts';
import { keysFromMaster, loadMasterKey } from '../server/lib/crypto.ts';
import { databaseAccessLog } from '../server/modules/access-log/access-log.ts';
import {
  getRetentionRun,
  retentionDryRunByRef,
  runRetention,
  type RetentionStarter,
} from '../server/modules/retention/retention.service.ts';

/** Thrown for bad arguments: the CLI prints the usage. */
export class RetentionUsageError extends Error {}

const STARTER: RetentionStarter = {
  trigger: 'cli',
  userId: null,
  username: 'retention-cli',
  role: null,
  clientAddress: 'cli',
  requestId: 'retention-cli',
};

/**
 * `rekisteri retention run [--dry-run] [--json]` (decision 0034): erases the customers past the
 * retention settings' periods through the erasure and its blockers, or (--dry-run) lists them
 * with what erasing each would do. Customers are named by their ids only, never by name.
 */
export async function retentionCommand(config: Config, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new RetentionUsageError(`Unknown retention command "${sub ?? ''}"`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length > 0) throw new RetentionUsageError('retention run takes no arguments');
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(config, database);
    const keys = keysFromMaster(loadMasterKey(config).key);
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    try {
      const deps = {
        db: database.db,
        personKeys: opened.personKeys,
        clock: systemClock,
        accessLog: databaseAccessLog(keys, systemClock, { personKeys: opened.personKeys }),
      };
      if (values['dry-run']) {
        const dry = await retentionDryRunByRef(deps, STARTER);
        const customers = dry.customers.map((c) => ({
          personId: c.personId,
          basis: c.basis,
          basisOn: c.basisOn,
          dueOn: c.dueOn,
          plan: c.plan,
          blockers: c.blockers.map((b) => ({ code: b.code, blocks: b.blocks, until: b.until })),
        }));
        if (values.json) {
          return JSON.stringify({
            dryRun: true,
            today: dry.today,
            customerYears: dry.customerYears,
            deceasedYears: dry.deceasedYears,
            customers,
          });
        }
        const blocked = customers.filter((c) => c.plan === 'refused');
        return [
          `Retention dry run on ${dry.today} (${dry.customerYears} years after the last relationship, ${dry.deceasedYears} after death): ${customers.length} customers past retention, ${customers.length - blocked.length} would be erased, ${blocked.length} blocked.`,
          ...customers.map(
            (c) =>
              `  ${c.personId}  ${c.basis === 'deceased' ? 'died' : 'last'} ${c.basisOn}, kept until ${c.dueOn}: ${
                c.plan === 'refused'
                  ? `blocked (${c.blockers.map((b) => b.code).join(', ')})`
                  : c.plan === 'partial'
                    ? `erased but ${c.blockers.map((b) => b.blocks).join(', ')} kept`
                    : 'erased'
              }`,
          ),
        ].join('\n');
      }
      const run = await runRetention(deps, STARTER);
      const report = await getRetentionRun(database.db, run.id);
      if (values.json) return JSON.stringify(report);
      const c = report.counts;
      return [
        `Retention run ${report.number} on ${report.today}: ${c.erased} erased, ${c.partlyErased} partly erased (kept parts finish by themselves), ${c.blocked} blocked, ${c.failed} failed.`,
        'The report is in the web app (Retention) and at GET /api/retention/runs/' + report.id,
      ].join('\n');
    } finally {
      await opened.close();
    }
  } finally {
    await database.close();
  }
}
