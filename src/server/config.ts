import path from 'node:path';
import { parseNetworks } from './lib/networks.ts';

function staffNetworks(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const parsed = parseNetworks(value);
  problems.push(...parsed.problems.map((problem) => `STAFF_NETWORKS: ${problem}`));
  return parsed.networks;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /**
   * The owner role's connection string, for migrations only; then the server runs as
   * DATABASE_URL's runtime role, which may not change or delete the access log.
   */
  migrationDatabaseUrl: string | undefined;
  /** Base64 of 32 bytes; absent means the key file under dataDir/keys. */
  masterKey: string | undefined;
  keyFile: string;
  /**
   * The key store's PostgreSQL database, apart from the data (decision 0011); required with
   * DATABASE_URL. Absent: an embedded PGlite of its own in keystoreDir.
   */
  keystoreDatabaseUrl: string | undefined;
  keystoreDir: string;
  /** The master keys that wrap the persons' data keys, one file each (the key ring). */
  wrappingKeyDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** 'auto' marks the cookie Secure when the request came over HTTPS. */
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Failed sign-ins for one account within the window that lock it. */
  signInMaxFailures: number;
  /** Failed sign-ins from one client address within the window that lock the address. */
  signInMaxFailuresPerAddress: number;
  signInWindowMinutes: number;
  signInLockMinutes: number;
  /** CIDR networks staff may use the register from; empty means no limit (the firewall clause). */
  staffNetworks: string[];
  /** TOTP for every role, not only admin, social_worker and register_officer. */
  totpRequiredForAll: boolean;
  /** DVV's change interface (decision 0026); null when not configured: no sync, no timer. */
  dvv: DvvConfig | null;
  /** Calls one machine client of a partner may make to the partners' interface per minute. */
  partnerApiRatePerMinute: number;
  /** Residents' strong identification (issue #17, decision 0032); null: the e-service is off. */
  residentIdentification: ResidentIdentificationConfig | null;
  /** The resident's session: shorter than staff's (decision 0032). */
  residentSessionIdleMinutes: number;
  residentSessionAbsoluteHours: number;
  /** Requests one client address may make to the resident routes per minute. */
  residentRatePerMinute: number;
};

/**
 * `test`: the local stand-in identity provider runs in-process under /test-idp, with test persons
 * (never real identification; every resident page says so). `oidc`: an OpenID Connect provider
 * (Suomi.fi e-Identification or a municipal broker) as the relying party.
 */
export type ResidentIdentificationConfig =
  | { mode: 'test'; redirectUri: string | null }
  | {
      mode: 'oidc';
      issuer: string;
      clientId: string;
      /** client_secret_basic */
      clientSecret: string | null;
      /** private_key_jwt: a PKCS#8 PEM file holding an RSA or EC private key, and its key id. */
      privateKeyFile: string | null;
      privateKeyId: string | null;
      /** Absent: the server's own address + /api/resident/callback. */
      redirectUri: string | null;
      scope: string;
    };

export type DvvConfig = {
  /** The base, e.g. `https://…/api/v1`, without a trailing slash. */
  url: string;
  username: string;
  password: string;
  /** The municipality's X-Road client subsystem, `INSTANCE/CLASS/CODE/SUBSYSTEM`. */
  xroadClient: string;
  /** The day to start following from when no position is stored; null: the day of the first run. */
  syncFrom: string | null;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const COOKIE_SECURE = ['auto', 'always', 'never'] as const;

type Env = Record<string, string | undefined>;

/** Host, port and database name alike (the key store's URL must name another database). */
function sameDatabase(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  try {
    const [x, y] = [new URL(a), new URL(b)];
    const where = (url: URL) =>
      `${url.hostname || 'localhost'}:${url.port || '5432'}${decodeURIComponent(url.pathname)}`;
    return where(x) === where(y);
  } catch {
    return a === b;
  }
}

/** Reads the environment into a typed config; every bad value is named in one error. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const dataDir = path.resolve(read('DATA_DIR') ?? './data');
  const databaseUrl = read('DATABASE_URL');
  const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const migrationDatabaseUrl = read('MIGRATION_DATABASE_URL');
  if (migrationDatabaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
      problems.push('MIGRATION_DATABASE_URL must start with postgres:// or postgresql://');
    } else if (databaseUrl === undefined) {
      problems.push(
        'MIGRATION_DATABASE_URL goes with DATABASE_URL (the runtime role): the embedded database has one role',
      );
    }
  }
  const keystoreDatabaseUrl = read('KEYSTORE_DATABASE_URL');
  if (keystoreDatabaseUrl !== undefined && !isPostgresUrl(keystoreDatabaseUrl)) {
    problems.push('KEYSTORE_DATABASE_URL must start with postgres:// or postgresql://');
  } else if (
    databaseUrl !== undefined &&
    isPostgresUrl(databaseUrl) &&
    keystoreDatabaseUrl === undefined
  ) {
    problems.push(
      'KEYSTORE_DATABASE_URL must be set with DATABASE_URL: the per-person keys live in a PostgreSQL database of their own, never in the data database (docs/operations.md, "The key store")',
    );
  } else if (keystoreDatabaseUrl !== undefined && sameDatabase(keystoreDatabaseUrl, databaseUrl)) {
    problems.push(
      'KEYSTORE_DATABASE_URL names the data database (DATABASE_URL): the key store must be a database of its own, backed up apart from the data',
    );
  }
  const masterKey = read('REKISTERI_MASTER_KEY');
  if (masterKey !== undefined && Buffer.from(masterKey, 'base64').length !== 32) {
    problems.push(
      'REKISTERI_MASTER_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
    );
  }
  const host = read('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(host))
    problems.push(`HOST is not a host name or address: "${host}"`);

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host,
    dataDir,
    databaseUrl,
    migrationDatabaseUrl,
    masterKey,
    keyFile: path.resolve(read('REKISTERI_KEY_FILE') ?? path.join(dataDir, 'keys', 'master.key')),
    keystoreDatabaseUrl,
    keystoreDir: path.resolve(read('KEYSTORE_DIR') ?? path.join(dataDir, 'keystore')),
    wrappingKeyDir: path.resolve(
      read('REKISTERI_WRAPPING_KEY_DIR') ?? path.join(dataDir, 'keys', 'wrapping'),
    ),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    cookieSecure: oneOf('COOKIE_SECURE', COOKIE_SECURE, 'auto'),
    trustProxy: oneOf('TRUST_PROXY', ['true', 'false'] as const, 'false') === 'true',
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    signInMaxFailures: integer('SIGN_IN_MAX_FAILURES', 5, 1, 100),
    signInMaxFailuresPerAddress: integer('SIGN_IN_MAX_FAILURES_PER_ADDRESS', 20, 1, 10_000),
    signInWindowMinutes: integer('SIGN_IN_WINDOW_MINUTES', 15, 1, 24 * 60),
    signInLockMinutes: integer('SIGN_IN_LOCK_MINUTES', 15, 1, 24 * 60),
    staffNetworks: staffNetworks(read('STAFF_NETWORKS'), problems),
    totpRequiredForAll:
      oneOf('TOTP_REQUIRED_FOR_ALL', ['true', 'false'] as const, 'false') === 'true',
    dvv: null,
    partnerApiRatePerMinute: integer('PARTNER_API_RATE_PER_MINUTE', 120, 1, 100_000),
    residentIdentification: null,
    residentSessionIdleMinutes: integer('RESIDENT_SESSION_IDLE_MINUTES', 15, 1, 120),
    residentSessionAbsoluteHours: integer('RESIDENT_SESSION_ABSOLUTE_HOURS', 4, 1, 12),
    residentRatePerMinute: integer('RESIDENT_RATE_PER_MINUTE', 120, 1, 100_000),
  };
  config.dvv = dvvConfig(read, problems);
  config.residentIdentification = residentIdentificationConfig(read, databaseUrl, problems);
  if (config.signInMaxFailuresPerAddress < config.signInMaxFailures) {
    problems.push(
      `SIGN_IN_MAX_FAILURES_PER_ADDRESS (${config.signInMaxFailuresPerAddress}) must be at least SIGN_IN_MAX_FAILURES (${config.signInMaxFailures}): an office behind one address would otherwise lock before any one account`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const DVV_REQUIRED = [
  'DVV_CHANGES_URL',
  'DVV_CHANGES_USERNAME',
  'DVV_CHANGES_PASSWORD',
  'DVV_XROAD_CLIENT',
] as const;

/** All four DVV settings or none; DVV_SYNC_FROM only with them. */
function dvvConfig(
  read: (name: string) => string | undefined,
  problems: string[],
): DvvConfig | null {
  const given = DVV_REQUIRED.filter((name) => read(name) !== undefined);
  const syncFrom = read('DVV_SYNC_FROM') ?? null;
  if (given.length === 0) {
    if (syncFrom !== null) problems.push('DVV_SYNC_FROM goes with DVV_CHANGES_URL and the rest');
    return null;
  }
  const missing = DVV_REQUIRED.filter((name) => read(name) === undefined);
  if (missing.length > 0) {
    problems.push(
      `DVV's change interface needs ${DVV_REQUIRED.join(', ')}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
    );
    return null;
  }
  const url = read('DVV_CHANGES_URL') ?? '';
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash) {
    problems.push(
      `DVV_CHANGES_URL must be the interface's base address, http(s)://…/api/v1 (no query), got "${url}"`,
    );
  }
  const xroadClient = read('DVV_XROAD_CLIENT') ?? '';
  if (!/^[^/\s]+\/[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(xroadClient)) {
    problems.push(
      `DVV_XROAD_CLIENT must be the X-Road client subsystem as INSTANCE/CLASS/CODE/SUBSYSTEM (e.g. FI/MUN/0123456-7/asiakasrekisteri), got "${xroadClient}"`,
    );
  }
  if (syncFrom !== null) {
    const day = new Date(`${syncFrom}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(syncFrom) ||
      Number.isNaN(day.getTime()) ||
      day.toISOString().slice(0, 10) !== syncFrom
    ) {
      problems.push(`DVV_SYNC_FROM must be a day, YYYY-MM-DD, got "${syncFrom}"`);
    }
  }
  return {
    url: url.replace(/\/+$/, ''),
    username: read('DVV_CHANGES_USERNAME') ?? '',
    password: read('DVV_CHANGES_PASSWORD') ?? '',
    xroadClient,
    syncFrom,
  };
}

const RESIDENT_MODES = ['test', 'oidc', 'off'] as const;

/**
 * The stand-in is the default only on the embedded database: a register on PostgreSQL is taken
 * to be a real one, where a test identification must be asked for by name.
 */
function residentIdentificationConfig(
  read: (name: string) => string | undefined,
  databaseUrl: string | undefined,
  problems: string[],
): ResidentIdentificationConfig | null {
  const raw = read('RESIDENT_IDENTIFICATION');
  if (raw !== undefined && !(RESIDENT_MODES as readonly string[]).includes(raw)) {
    problems.push(
      `RESIDENT_IDENTIFICATION must be one of ${RESIDENT_MODES.join(', ')}, got "${raw}"`,
    );
    return null;
  }
  const issuer = read('RESIDENT_OIDC_ISSUER');
  const mode = raw ?? (issuer ? 'oidc' : databaseUrl === undefined ? 'test' : 'off');
  const redirectUri = read('RESIDENT_OIDC_REDIRECT_URI') ?? null;
  if (redirectUri !== null && !/^https?:\/\/[^\s]+$/.test(redirectUri)) {
    problems.push(`RESIDENT_OIDC_REDIRECT_URI must be an http(s) address, got "${redirectUri}"`);
  }
  if (mode === 'off') return null;
  if (mode === 'test') return { mode: 'test', redirectUri };
  const clientId = read('RESIDENT_OIDC_CLIENT_ID');
  const clientSecret = read('RESIDENT_OIDC_CLIENT_SECRET') ?? null;
  const privateKeyFile = read('RESIDENT_OIDC_PRIVATE_KEY_FILE') ?? null;
  if (!issuer || !/^https?:\/\/[^\s]+$/.test(issuer)) {
    problems.push(
      "RESIDENT_OIDC_ISSUER must be the identity provider's issuer address, http(s)://…",
    );
  }
  if (!clientId) problems.push('RESIDENT_OIDC_CLIENT_ID must be set with RESIDENT_OIDC_ISSUER');
  if ((clientSecret === null) === (privateKeyFile === null)) {
    problems.push(
      "Residents' identification needs one of RESIDENT_OIDC_CLIENT_SECRET (client_secret_basic) or RESIDENT_OIDC_PRIVATE_KEY_FILE (private_key_jwt, as Suomi.fi uses)",
    );
  }
  return {
    mode: 'oidc',
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    clientSecret,
    privateKeyFile: privateKeyFile === null ? null : path.resolve(privateKeyFile),
    privateKeyId: read('RESIDENT_OIDC_PRIVATE_KEY_ID') ?? null,
    redirectUri,
    scope: read('RESIDENT_OIDC_SCOPE') ?? 'openid profile personal_identity_code',
  };
}
