import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { openPersonKeys } from '../server/keystore/open.ts';
import { systemClock } from '../server/lib/clock.ts';
import { keysFromMaster, loadMasterKey } from '../server/lib/crypto.ts';
import { databaseAccessLog } from '../server/modules/access-log/access-log.ts';
import { countOutcomes, runImport, type ImportRun } from '../server/modules/move-in/move-in-run.ts';
import {
  getImportProfile,
  parseProfileJson,
  saveImportProfile,
} from '../server/modules/move-in/move-in-profiles.ts';
import { IMPORT_ACTOR } from '../server/modules/move-in/move-in.service.ts';
import { IMPORT_ROW_OUTCOMES } from '../contract/move-in/move-in.constants.ts';
import { importProfileName } from '../contract/move-in/move-in.schemas.ts';
import type { CustomerContext } from '../server/modules/customers/context.ts';

/** Thrown for bad arguments: the CLI prints the usage. */
export class ImportUsageError extends Error {}

type Opened = { ctx: CustomerContext; close: () => Promise<void> };

async function open(config: Config): Promise<Opened> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(config, database);
    const keys = keysFromMaster(loadMasterKey(config).key);
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    return {
      ctx: {
        db: database.db,
        keys,
        personKeys: opened.personKeys,
        clock: systemClock,
        accessLog: databaseAccessLog(keys, systemClock, { personKeys: opened.personKeys }),
        actor: IMPORT_ACTOR,
        requestId: 'import-cli',
        clientAddress: 'cli',
      },
      close: async () => {
        await opened.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** `rekisteri import-profile save NAME FILE.json`: saves (or replaces) a column mapping. */
export async function importProfileCommand(config: Config, args: string[]): Promise<string> {
  const [sub, name, file, ...extra] = args;
  if (sub !== 'save' || !name || !file || extra.length > 0) {
    throw new ImportUsageError('Usage: import-profile save NAME FILE.json');
  }
  if (!importProfileName.safeParse(name).success) {
    throw new ImportUsageError(
      'A profile name is lower-case letters, digits, dot, dash or underscore',
    );
  }
  const body = parseProfileJson(fs.readFileSync(file, 'utf8'));
  const opened = await open(config);
  try {
    await saveImportProfile(opened.ctx.db, { name, body, by: null, now: systemClock.now() });
    return `Profile "${name}" saved (${body.target}, ${body.format.kind}).`;
  } finally {
    await opened.close();
  }
}

/** A bar on a terminal, a plain line per batch otherwise. */
function progress(json: boolean) {
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return (run: ImportRun) => {
    if (json) return;
    const share = run.fileBytes > 0 ? run.bytesDone / run.fileBytes : 1;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  row ${run.rowsDone}`,
      );
    } else if (Date.now() - lastLine > 1000 || share >= 1) {
      lastLine = Date.now();
      process.stderr.write(
        `  ${(share * 100).toFixed(0)}%: row ${run.rowsDone}, batch ${run.batches}\n`,
      );
    }
  };
}

/**
 * `rekisteri import FILE --profile P [--dry-run] [--json] [--batch-size N]`: one import of an old
 * register's export to its end (decision 0027); an unfinished run of the same file is continued.
 */
export async function importCommand(config: Config, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'batch-size': { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new ImportUsageError('Give exactly one file to import');
  if (!values.profile) throw new ImportUsageError('Give the profile with --profile');
  if (!fs.existsSync(file)) throw new ImportUsageError(`No such file: ${file}`);
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (
    batchSize !== undefined &&
    !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 5000)
  ) {
    throw new ImportUsageError('--batch-size must be a whole number from 1 to 5000');
  }
  const json = values.json === true;
  const opened = await open(config);
  try {
    const profile = await getImportProfile(opened.ctx.db, values.profile);
    const started = performance.now();
    const run = await runImport(opened.ctx, {
      file: { path: file, name: path.basename(file) },
      profile,
      dryRun: values['dry-run'] === true,
      ...(batchSize ? { batchSize } : {}),
      afterBatch: progress(json),
    });
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    const counts = (await countOutcomes(opened.ctx.db, [run.id])).get(run.id)!;
    const seconds = (performance.now() - started) / 1000;
    if (json) {
      return JSON.stringify({
        run: run.id,
        number: run.number,
        status: run.status,
        dryRun: run.dryRun,
        rows: run.rowsDone,
        batches: run.batches,
        counts,
        seconds: Number(seconds.toFixed(2)),
      });
    }
    return [
      `Import ${run.number}${run.dryRun ? ' (dry run)' : ''} of ${run.fileName} finished in ${seconds.toFixed(1)} s: ${run.rowsDone} rows in ${run.batches} batches.`,
      `Rows: ${IMPORT_ROW_OUTCOMES.map((o) => `${o} ${counts[o]}`).join(', ')}.`,
      `The report: GET /api/move-in/runs/${run.id}/rows (and the run's page in the web app).`,
    ].join('\n');
  } finally {
    await opened.close();
  }
}
