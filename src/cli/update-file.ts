import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { openPersonKeys } from '../server/keystore/open.ts';
import { systemClock } from '../server/lib/clock.ts';
import { keysFromMaster, loadMasterKey } from '../server/lib/crypto.ts';
import { databaseAccessLog } from '../server/modules/access-log/access-log.ts';
import { IMPORT_KIND_READERS } from '../server/modules/imports/import-kinds.ts';
import { profileOrError } from '../server/modules/update-files/update-files.service.ts';
import {
  runUpdateFile,
  UPDATE_FILE_ACTOR,
} from '../server/modules/update-files/update-file-run.ts';

/** Thrown for bad arguments: the CLI prints the usage. */
export class UpdateFileUsageError extends Error {}

async function hashOf(path: string): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest();
}

/**
 * `rekisteri update-file FILE --profile P --partner ID [--dry-run] [--json]` (decision 0029):
 * reads an update-service file as a stream, reports each row, and applies it unless a dry run.
 * An apply of a file whose apply was left unfinished continues it.
 */
export async function updateFileCommand(config: Config, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      partner: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'batch-size': { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UpdateFileUsageError('Give exactly one file');
  if (!values.profile) throw new UpdateFileUsageError('Give the profile with --profile');
  if (!values.partner) throw new UpdateFileUsageError('Give the sending partner with --partner');
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (
    batchSize !== undefined &&
    !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)
  ) {
    throw new UpdateFileUsageError('--batch-size must be a whole number from 1 to 10000');
  }
  const profile = profileOrError(values.profile);
  const fileHash = await hashOf(file);
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(config, database);
    const keys = keysFromMaster(loadMasterKey(config).key);
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    try {
      const started = performance.now();
      const run = await runUpdateFile(
        {
          db: database.db,
          keys,
          personKeys: opened.personKeys,
          clock: systemClock,
          accessLog: databaseAccessLog(keys, systemClock, { personKeys: opened.personKeys }),
          actor: UPDATE_FILE_ACTOR,
          requestId: 'update-file-cli',
          clientAddress: 'cli',
          trigger: 'cli',
          startedBy: null,
          ...(batchSize ? { batchSize } : {}),
          afterBatch: (batch) => {
            if (!values.json) process.stderr.write(`  batch ${batch} done\n`);
          },
        },
        {
          profile,
          partnerId: values.partner,
          fileName: file.split('/').at(-1) ?? file,
          fileHash,
          dryRun: values['dry-run'] ?? false,
          open: () => createReadStream(file),
        },
      );
      const view = await IMPORT_KIND_READERS.updateFile.run(database.db, run.id);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (values.json) {
        return JSON.stringify({
          run: run.id,
          number: run.number,
          dryRun: run.dryRun,
          status: run.status,
          lines: run.linesDone,
          counts: view?.counts,
        });
      }
      const counts = Object.entries(view?.counts ?? {})
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ');
      return [
        `Update file ${run.number}${run.dryRun ? ' (dry run: nothing changed)' : ''} finished in ${seconds} s: ${run.linesDone} lines.`,
        `Rows: ${counts}.`,
        `The report is in the web app (Imports) and at GET /api/imports/updateFile/${run.id}/rows`,
      ].join('\n');
    } finally {
      await opened.close();
    }
  } finally {
    await database.close();
  }
}
