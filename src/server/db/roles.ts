import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * The two PostgreSQL roles (docs/operations.md, "Two database roles"): the owner runs the
 * migrations and owns the tables; the runtime role, which the server uses, reads and changes
 * customer data but may only read and append to the access log and its chain.
 */

/**
 * Tables the runtime role may only read and append to: the log, its chain, and its key check
 * value (which the server writes once, at its first start, and must never be able to replace).
 */
export const APPEND_ONLY_TABLES = [
  'access_log',
  'access_log_chain',
  'access_log_key_check',
] as const;

/** An error the server refuses to start with; its message says what to do. */
export class StartRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartRefused';
  }
}

/** grant-runtime cannot do what it was asked; the message says why. */
export class GrantRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrantRefused';
  }
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The grants of the runtime role, as run (and as docs/operations.md shows them). */
export function runtimeGrants(role: string): string[] {
  if (!ROLE_NAME.test(role)) {
    throw new GrantRefused(
      `"${role}" is not a role name this command accepts: lower-case letters, digits and _, at most 63`,
    );
  }
  const r = `"${role}"`;
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    // From a clean slate, so that a privilege given by hand earlier does not survive.
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Tables and sequences a later migration creates (as this owner) are usable at once; the
    // server's start check still refuses a runtime role that may change the log.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/**
 * Gives `role` exactly the runtime role's privileges, in one transaction. Run as the owner of the
 * tables (MIGRATION_DATABASE_URL, else DATABASE_URL), again after migrations run by another role.
 */
export async function grantRuntime(database: Database, role: string): Promise<string[]> {
  if (database.engine !== 'postgres') {
    throw new GrantRefused(
      'grant-runtime is for PostgreSQL (DATABASE_URL): the embedded database has one role',
    );
  }
  const statements = runtimeGrants(role);
  const [found] = await database.rows<{ rolsuper: boolean; is_me: boolean }>(
    sql`select rolsuper, rolname = current_user as is_me from pg_roles where rolname = ${role}`,
  );
  if (!found)
    throw new GrantRefused(`There is no role "${role}": create it first (docs/operations.md)`);
  if (found.rolsuper) {
    throw new GrantRefused(
      `"${role}" is a superuser, which no privilege limits: use an ordinary role`,
    );
  }
  if (found.is_me) {
    throw new GrantRefused(
      `"${role}" is the role running this command, the owner: the runtime role must be another`,
    );
  }
  await database.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
  return statements;
}

type Privileges = {
  table: string;
  owned: boolean;
  can_select: boolean;
  can_insert: boolean;
  can_update: boolean;
  can_delete: boolean;
  can_truncate: boolean;
};

export type RuntimeRoleCheck = {
  role: string;
  /** Reasons to refuse to start when the owner is a separate role (MIGRATION_DATABASE_URL). */
  problems: string[];
  /** Reasons to warn otherwise. */
  warnings: string[];
};

/**
 * What the connection's role (DATABASE_URL) may do to the access log. With a separate owner
 * (`separateOwner`, MIGRATION_DATABASE_URL set) a role that may change or delete entries, or
 * lacks what the server needs, is a problem the server refuses to start with; without one, a role
 * that owns the log is only warned about: then the append-only triggers of migration 0003 are
 * the only guard, and the owner can switch them off.
 */
export async function checkRuntimeRole(
  database: Database,
  { separateOwner }: { separateOwner: boolean },
): Promise<RuntimeRoleCheck> {
  const [me] = await database.rows<{ role: string; superuser: boolean }>(
    sql`select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  const role = me?.role ?? 'unknown';
  const tables = sql.join(
    APPEND_ONLY_TABLES.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await database.rows<Privileges>(sql`
    select c.relname as table,
      pg_has_role(current_user, c.relowner, 'MEMBER') as owned,
      has_table_privilege(c.oid, 'SELECT') as can_select,
      has_table_privilege(c.oid, 'INSERT') as can_insert,
      has_any_column_privilege(c.oid, 'UPDATE') as can_update,
      has_table_privilege(c.oid, 'DELETE') as can_delete,
      has_table_privilege(c.oid, 'TRUNCATE') as can_truncate
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname in (${tables})
    order by c.relname`);
  const problems: string[] = [];
  const warnings: string[] = [];
  const fix = `Run \`rekisteri db grant-runtime ${role}\` as the owner (MIGRATION_DATABASE_URL), and use neither the owner nor a superuser as DATABASE_URL (docs/operations.md, "Two database roles").`;

  const changing = rows
    .map((row) => {
      const may = [
        row.can_update && 'UPDATE',
        row.can_delete && 'DELETE',
        row.can_truncate && 'TRUNCATE',
      ].filter(Boolean);
      return may.length > 0 ? `${row.table}: ${may.join(', ')}` : null;
    })
    .filter((line) => line !== null);
  const owner = me?.superuser
    ? 'is a superuser'
    : rows.some((row) => row.owned)
      ? 'owns the access log'
      : null;
  if (separateOwner) {
    if (changing.length > 0) {
      problems.push(
        `The runtime role "${role}" (DATABASE_URL)${owner ? ` ${owner} and` : ''} may change or delete access-log entries (${changing.join('; ')}); it may only read and append to the log. ${fix}`,
      );
    }
    const missing = rows
      .filter((row) => !row.can_select || !row.can_insert)
      .map((row) => row.table);
    const unreadable = await database.rows<{ table: string }>(sql`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not has_table_privilege(c.oid, 'SELECT')
      order by c.relname`);
    missing.push(...unreadable.map((row) => row.table).filter((t) => !missing.includes(t)));
    if (missing.length > 0) {
      problems.push(
        `The runtime role "${role}" (DATABASE_URL) lacks the privileges the register needs on ${missing.join(', ')}. ${fix}`,
      );
    }
  } else if (owner || changing.length > 0) {
    warnings.push(
      `The database role "${role}" (DATABASE_URL) ${owner ?? 'may change or delete access-log entries'}: only the append-only triggers of migration 0003 keep it from changing the access log, and it can switch them off. Run the server as a runtime role without UPDATE or DELETE on the log, with MIGRATION_DATABASE_URL for the owner (docs/operations.md, "Two database roles").`,
    );
  }
  return { role, problems, warnings };
}
