import type { Config } from '../config.ts';
import { openDatabase, type Database } from './client.ts';
import { isPermissionDenied } from './errors.ts';
import { checkRuntimeRole, StartRefused } from './roles.ts';

/**
 * Runs the migrations: as the owner role when MIGRATION_DATABASE_URL names one (its connection is
 * closed straight after), else through `database` itself.
 */
export async function migrateDatabase(config: Config, database: Database): Promise<void> {
  if (config.migrationDatabaseUrl) {
    const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, poolSize: 1 });
    try {
      await owner.migrate();
    } finally {
      await owner.close();
    }
    return;
  }
  try {
    await database.migrate();
  } catch (error) {
    if (database.engine === 'postgres' && isPermissionDenied(error)) {
      throw new StartRefused(
        `The database role of DATABASE_URL may not migrate the database (${(error as Error).message}). Set MIGRATION_DATABASE_URL to the owner role, which runs the migrations (docs/operations.md, "Two database roles").`,
      );
    }
    throw error;
  }
}

/**
 * On PostgreSQL, what the runtime role may do to the access log: with a separate owner
 * (MIGRATION_DATABASE_URL) a role that may change or delete entries is refused; returns the
 * warnings to log otherwise.
 */
export async function checkDatabaseRoles(config: Config, database: Database): Promise<string[]> {
  if (database.engine !== 'postgres') return [];
  const check = await checkRuntimeRole(database, {
    separateOwner: config.migrationDatabaseUrl !== undefined,
  });
  if (check.problems.length > 0) throw new StartRefused(check.problems.join('\n'));
  return check.warnings;
}
