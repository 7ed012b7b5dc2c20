#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=20
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { grantRuntime, GrantRefused, StartRefused } from '../server/db/roles.ts';
import { keysFromMaster, loadMasterKey } from '../server/lib/crypto.ts';
import type { KeyStore } from '../server/keystore/client.ts';
import { KeyRingError, type KeyRing } from '../server/keystore/key-ring.ts';
import { openKeyStoreAndRing } from '../server/keystore/open.ts';
import { keyStoreStatus, rotateWrappingKeys } from '../server/keystore/rotate.ts';
import { AppError } from '../server/lib/errors.ts';
import { sealAccessLog, verifyAccessLog } from '../server/modules/access-log/access-log.chain.ts';
import { WrongAuditKeyError } from '../server/modules/access-log/access-log.key-check.ts';
import { ROLES } from '../contract/auth/permissions.ts';
import { checkNewStaffUser, createStaffUser } from '../server/modules/staff/staff.service.ts';
import { DemoRefused, fillDemoRegister } from './demo.ts';
import { demoReport } from './demo-report.ts';
import { dvvCommand, DvvUsageError } from './dvv.ts';
import { importCommand, importProfileCommand, ImportUsageError } from './import.ts';
import { updateFileCommand, UpdateFileUsageError } from './update-file.ts';
import { retentionCommand, RetentionUsageError } from './retention.ts';
import { ConcurrentUpdateFile } from '../server/modules/update-files/update-file-run.ts';
import { UnreadableFile } from '../server/modules/update-files/update-file-rows.ts';
import { DvvError } from '../server/modules/population-register/dvv-client.ts';
import { ConcurrentSync } from '../server/modules/population-register/dvv-sync.ts';
import { promptNewPassword, PromptFailed } from './password-prompt.ts';

const USAGE = `Usage: rekisteri <command>

Commands:
  migrate                         apply the migrations of the database (as MIGRATION_DATABASE_URL's
                                  owner role when it is set) and of the key store
  keys rotate                     make a new master key in the key ring, rewrap every person's
                                  data key under it (in batches, beside a running server on
                                  PostgreSQL), then retire the old master keys
  keys status                     the master keys: in the ring, in the key store, and how many
                                  data keys each wraps
  db grant-runtime ROLE           give the PostgreSQL runtime role ROLE its privileges: read and
                                  change customer data, only read and append to the access log
                                  (run as the owner: MIGRATION_DATABASE_URL, else DATABASE_URL)
  audit verify                    check that no access-log entry was changed, removed or reordered;
                                  lists every entry that does not verify. Exit 0 intact, 1 tampered,
                                  3 wrong key (the master key is not the log's)
  audit seal                      chain the access-log entries written until now (the server does
                                  this by itself every few seconds)
  user add USERNAME --role ROLE [--name "FULL NAME"] [--password-stdin]
                [--commitment-signed YYYY-MM-DD [--commitment-kept-at PLACE]]
                [--partner PARTNER_ID] [--expires YYYY-MM-DD]
                                  create a staff account. The password is asked twice at a prompt
                                  that does not show it, or read from standard input with
                                  --password-stdin (scripts). --name is the person's full name,
                                  as the app shows staff. --commitment-signed records the signed
                                  paper confidentiality commitment (its date, and where the paper
                                  is kept). roles: ${ROLES.join(', ')}
  demo [--allow-postgresql]       fill a new, empty register with fictional data (persons with
                                  test identity codes, an organisation, services, orders,
                                  invoices, a request, a social-services client) and a demo staff
                                  account of every role, then print how to sign in as each.
                                  Refuses a register that has customers, and a PostgreSQL
                                  DATABASE_URL unless --allow-postgresql (a training database)
  dvv sync [--json]               one sync with DVV's change interface (DVV_CHANGES_URL and the
                                  rest): applies the changes of every person with an identity code
                                  and prints the run's counts (--json: as JSON). A run stopped
                                  half-way is continued where it stopped
  import-profile save NAME FILE.json
                                  save a column mapping for moving in from an old register: the
                                  file's format (CSV: delimiter, quote, encoding; or XLSX) and the
                                  column of each person's or organisation's field
  import FILE --profile NAME [--dry-run] [--json] [--batch-size N]
                                  import an old register's export (CSV or XLSX) through a saved
                                  profile: checks every row, finds duplicates, creates customers in
                                  batches (--dry-run: only the report) with a progress bar; a run
                                  stopped half-way is continued, a file imported before creates
                                  nothing twice
  update-file FILE --profile P --partner PARTNER_ID [--dry-run] [--json]
                                  read an update service's file (profiles: posti, csv): match
                                  each row to a person, report what was done with it, and apply
                                  the new addresses (--dry-run: report only). Persons under
                                  address protection or DVV's customer-register update
                                  prohibition are refused. The partner (role source) is the
                                  values' source. An apply left unfinished is continued
  retention run [--dry-run] [--json]
                                  erase the customers past the retention settings' periods (years
                                  after the last relationship, or after death) through the
                                  erasure and its blockers; --dry-run lists them with what erasing
                                  each would do and what blocks it. Customers by id, never by name

The database is the one the server uses: DATABASE_URL, or the embedded one under DATA_DIR (./data);
migrations run as MIGRATION_DATABASE_URL's role when it is set. The key store is
KEYSTORE_DATABASE_URL, or the embedded one in KEYSTORE_DIR (DATA_DIR/keystore); the key ring is
REKISTERI_WRAPPING_KEY_DIR (DATA_DIR/keys/wrapping).
The embedded databases open in one process at a time: stop the server before using them here.`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * Migrates (as the owner when MIGRATION_DATABASE_URL is set) and runs the command on the
 * server's own connection (DATABASE_URL, the runtime role), or as the owner when `asOwner`.
 */
async function withDatabase<T>(
  run: (database: Database) => Promise<T>,
  { asOwner = false }: { asOwner?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const url = (asOwner ? config.migrationDatabaseUrl : undefined) ?? config.databaseUrl;
  const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: config.dataDir });
  try {
    await migrateDatabase(config, database);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function grantRuntimeCommand(args: string[]): Promise<string> {
  const [role, ...extra] = args;
  if (!role || extra.length > 0) throw new UsageError('Give exactly one role name');
  const statements = await withDatabase((database) => grantRuntime(database, role), {
    asOwner: true,
  });
  return [
    `Granted "${role}" the runtime role's privileges:`,
    ...statements.map((s) => `  ${s};`),
  ].join('\n');
}

class VerifyFailure extends Error {}
/** The key is not the log's: exit 3, apart from tampering (1) and usage (2). */
class WrongKeyFailure extends Error {}

/** Runs `run` on the key store the server uses, migrated and agreeing with the key ring. */
async function withKeyStore<T>(run: (store: KeyStore, ring: KeyRing) => Promise<T>): Promise<T> {
  const { keyStore, ring } = await openKeyStoreAndRing(loadConfig());
  try {
    return await run(keyStore, ring);
  } finally {
    await keyStore.close();
  }
}

async function keysRotate(): Promise<string> {
  const started = performance.now();
  const report = await withKeyStore((store, ring) =>
    rotateWrappingKeys(store, ring, {
      onBatch: (rewrapped) => {
        if (rewrapped % 100_000 < 1_000)
          process.stderr.write(`  ${rewrapped} data keys rewrapped\n`);
      },
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return [
    `New master key ${report.newKeyId}: ${report.rewrapped} data keys rewrapped under it in ${report.batches} batches (${seconds} s).`,
    report.retired.length > 0
      ? `Retired ${report.retired.join(', ')}: removed from the key store and the key ring. Key-store backups made before now still need them: keep them in the key-ring backup only as long as those backups (docs/operations.md, "The key store").`
      : 'No old master key to retire.',
    'Back up the new key file now, apart from the data and the key store.',
  ].join('\n');
}

async function keysStatus(): Promise<string> {
  const status = await withKeyStore((store, ring) => keyStoreStatus(store, ring));
  const lines = status.masterKeys.map(
    (key) =>
      `  ${key.id}${key.id === status.current ? ' (current)' : ''}: ${key.dataKeys} data keys${key.inRing ? '' : ', FILE MISSING from the key ring'}${key.listed ? '' : ', retired (not in the key store): delete the file'}`,
  );
  return [
    'Master keys:',
    ...lines,
    `Destroyed data keys (erased persons): ${status.destroyed}`,
  ].join('\n');
}

function loadKeys() {
  return keysFromMaster(loadMasterKey(loadConfig()).key);
}

async function auditVerify(): Promise<string> {
  const keys = loadKeys();
  const started = performance.now();
  const result = await withDatabase((database) => verifyAccessLog(database.db, keys));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!result.ok && result.wrongKey) {
    throw new WrongKeyFailure(
      'Wrong key: the master key is not the one the access log was written under (its key check value does not match), so no entry was checked. Give the right REKISTERI_MASTER_KEY or key file.',
    );
  }
  const noCheck =
    result.keyCheck === 'absent'
      ? ' No key check value is stored yet (the server writes one at its start and the sealer before its first seal), so a wrong key cannot be told from tampering.'
      : '';
  if (!result.ok) {
    const shown = result.problems.map((p) => `  position ${p.position}: ${p.problem}`);
    const more = result.problemCount - result.problems.length;
    throw new VerifyFailure(
      [
        `The access log has been tampered with: ${result.problemCount} of ${result.entries} entries do not verify${more > 0 ? ` (the first ${result.problems.length} listed)` : ''}:`,
        ...shown,
        ...(more > 0 ? [`  … and ${more} more`] : []),
        ...(result.noneVerified && result.keyCheck === 'absent'
          ? [
              'Not one entry verifies under this key: most likely it is the wrong key rather than tampering.',
            ]
          : []),
        `(${result.entries} entries read in ${seconds} s)${noCheck}`,
      ].join('\n'),
    );
  }
  return `The access log is intact: ${result.entries} entries, ${result.sealed} chained, ${result.unsealed} not chained yet (checked one by one). ${seconds} s.${noCheck}`;
}

async function auditSeal(): Promise<string> {
  const keys = loadKeys();
  const { sealed } = await withDatabase((database) =>
    sealAccessLog(database.db, keys, { before: new Date() }),
  );
  return `Chained ${sealed} new access-log entries.`;
}

async function userAdd(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'commitment-signed': { type: 'string' },
      'commitment-kept-at': { type: 'string' },
      partner: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const [username, ...extra] = positionals;
  if (!username || extra.length > 0) throw new UsageError('Give exactly one user name');
  if (!values.role) throw new UsageError(`Give the role with --role (${ROLES.join(', ')})`);
  if (values['commitment-kept-at'] !== undefined && values['commitment-signed'] === undefined) {
    throw new UsageError('--commitment-kept-at goes with --commitment-signed');
  }
  let password: string;
  if (values['password-stdin']) {
    if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
    password = await readStdin();
  } else {
    // Never a command-line argument: it would stay in the shell's history and the process list.
    password = await promptNewPassword({ input: process.stdin, output: process.stderr });
  }
  const newUser = {
    username,
    role: values.role,
    password,
    fullName: values.name,
    commitmentSignedOn: values['commitment-signed'],
    commitmentKeptAt: values['commitment-kept-at'],
    partnerId: values.partner,
    expiresOn: values.expires,
  };
  checkNewStaffUser(newUser);
  const user = await withDatabase((database) => createStaffUser(database.db, newUser));
  const keptAt = values['commitment-kept-at']?.trim();
  const commitment = values['commitment-signed']
    ? `confidentiality commitment signed ${values['commitment-signed']}${keptAt ? `, paper kept at ${keptAt}` : ''}`
    : 'no confidentiality commitment recorded yet: personal data stays closed until one is';
  const name = values.name?.trim() ? ` for ${values.name.trim()}` : '';
  return `Created ${user.role} account "${user.username}"${name} (${commitment}).`;
}

async function demo(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'allow-postgresql': { type: 'boolean' } },
  });
  if (positionals.length > 0) throw new UsageError('demo takes no arguments');
  const config = loadConfig();
  const started = performance.now();
  const result = await fillDemoRegister(config, {
    allowPostgresql: values['allow-postgresql'] ?? false,
    onProgress: (step) => process.stderr.write(`${step}\n`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return demoReport(result, {
    where: config.databaseUrl ? 'the PostgreSQL database of DATABASE_URL' : config.dataDir,
    address: `http://${config.host}:${config.port}`,
    seconds,
    qrCodes: process.stdout.isTTY === true,
  });
}

async function main(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      await withDatabase(() => Promise.resolve());
      await withKeyStore(() => Promise.resolve());
      return 'The database and the key store are up to date.';
    case 'keys': {
      const [sub] = rest;
      if (sub === 'rotate') return keysRotate();
      if (sub === 'status') return keysStatus();
      throw new UsageError(`Unknown keys command "${sub ?? ''}"`);
    }
    case 'audit': {
      const [sub] = rest;
      if (sub === 'verify') return auditVerify();
      if (sub === 'seal') return auditSeal();
      throw new UsageError(`Unknown audit command "${sub ?? ''}"`);
    }
    case 'db': {
      const [sub, ...args] = rest;
      if (sub === 'grant-runtime') return grantRuntimeCommand(args);
      throw new UsageError(`Unknown db command "${sub ?? ''}"`);
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub === 'add') return userAdd(args);
      throw new UsageError(`Unknown user command "${sub ?? ''}"`);
    }
    case 'demo':
      return demo(rest);
    case 'dvv':
      return dvvCommand(loadConfig(), rest);
    case 'import':
      return importCommand(loadConfig(), rest);
    case 'import-profile':
      return importProfileCommand(loadConfig(), rest);
    case 'update-file':
      return updateFileCommand(loadConfig(), rest);
    case 'retention':
      return retentionCommand(loadConfig(), rest);
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (message) => {
    console.log(message);
  },
  (error: unknown) => {
    if (error instanceof VerifyFailure) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof WrongKeyFailure || error instanceof WrongAuditKeyError) {
      console.error(error.message);
      process.exitCode = 3;
    } else if (
      error instanceof UsageError ||
      error instanceof DvvUsageError ||
      error instanceof ImportUsageError ||
      error instanceof UpdateFileUsageError ||
      error instanceof RetentionUsageError
    ) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof AppError) {
      const details = error.errors?.map((e) => `  - ${e.field}: ${e.message}`).join('\n');
      console.error(details ? `${error.message}:\n${details}` : error.message);
      process.exitCode = 1;
    } else if (
      error instanceof DemoRefused ||
      error instanceof StartRefused ||
      error instanceof GrantRefused ||
      error instanceof KeyRingError ||
      error instanceof DvvError ||
      error instanceof ConcurrentSync ||
      error instanceof ConcurrentUpdateFile ||
      error instanceof UnreadableFile
    ) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof PromptFailed ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
