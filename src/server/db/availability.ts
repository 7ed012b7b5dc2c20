import pg from 'pg';

/** How long a client is told to wait before trying again while a database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Node's socket errors that mean the server could not be reached or dropped the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say the server is gone or will not serve this session: admin shutdown, crash
 * shutdown, cannot connect now (starting up or in recovery), too many connections.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres's own messages for a connection that died or could not be made. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

function isConnectionClass(error: object): boolean {
  const { code, severity, message } = error as {
    code?: unknown;
    severity?: unknown;
    message?: unknown;
  };
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true;
  }
  // A FATAL or PANIC error ends the session: the server refused or dropped the connection
  // (e.g. a database that does not accept connections just now), whatever its SQLSTATE.
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  return typeof message === 'string' && DRIVER_MESSAGES.some((start) => message.startsWith(start));
}

/**
 * The one place that tells "the database cannot be reached" from every other failure. Drizzle
 * wraps the driver's error (DrizzleQueryError's `cause`) and Node may report several addresses
 * at once (AggregateError), so the whole chain is searched.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (isConnectionClass(current)) return true;
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
  return false;
}

export type ReachabilityChange =
  { database: string; reachable: false; error: unknown } | { database: string; reachable: true };

/**
 * Whether a database is reachable, as its connections tell: a connection lost or refused makes
 * it unreachable, the next connection made reachable again. Each change is told once, so an
 * outage is one log line however many requests fail during it.
 */
export type Reachability = {
  readonly database: string;
  readonly reachable: boolean;
  /** Calls the listener on every change; returns the function that stops it. */
  watch(listener: (change: ReachabilityChange) => void): () => void;
};

export function trackReachability(database: string): Reachability & {
  lost(error: unknown): void;
  connected(): void;
} {
  let reachable = true;
  const listeners = new Set<(change: ReachabilityChange) => void>();
  const tell = (change: ReachabilityChange) => {
    for (const listener of listeners) listener(change);
  };
  return {
    database,
    get reachable() {
      return reachable;
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lost(error) {
      if (!reachable) return;
      reachable = false;
      tell({ database, reachable: false, error });
    },
    connected() {
      if (reachable) return;
      reachable = true;
      tell({ database, reachable: true });
    },
  };
}

/** An embedded database lives in the process: it is reachable as long as the process is. */
export const embeddedReachability = (database: string): Reachability => ({
  database,
  reachable: true,
  watch: () => () => {},
});

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pg pool of which no connection's error can end the process, for the data database and the
 * key store alike. node-postgres emits 'error' on a client whose connection dies: the pool
 * listens only while the client is idle, and a client checked out by a transaction (or between
 * two of its queries) that loses its connection would emit with no listener, which ends Node.
 * The query in flight still fails with the error, and the pool drops the dead client when it
 * is released, so the next request gets a new connection: nothing here caches one.
 */
export function openWatchedPool(
  config: pg.PoolConfig,
  database: string,
): { pool: pg.Pool; reachability: Reachability } {
  const reachability = trackReachability(database);
  const pool = new pg.Pool({
    // A server that stopped answering (a dropped network) fails requests with 503 instead of
    // holding them forever; keep-alive finds a dead peer of an idle connection.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    ...config,
  });
  const lost = (error: unknown) => {
    if (isDatabaseUnavailable(error)) reachability.lost(error);
  };
  pool.on('error', lost);
  pool.on('connect', (client) => {
    client.on('error', lost);
    reachability.connected();
  });
  // A connection that cannot be made emits nothing: hear it where every checkout starts (the
  // pool's own query() and drizzle's transactions both call connect()).
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => unknown;
  const notice = (error: unknown) => {
    // Waiting for a free client of a busy pool is not the database going away.
    const busy = error instanceof Error && error.message.startsWith('timeout exceeded');
    if (!busy) lost(error);
  };
  Object.assign(pool, {
    connect(callback?: ConnectCallback) {
      if (!callback) {
        return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
          notice(error);
          throw error;
        });
      }
      return connect((error, client, done) => {
        if (error) notice(error);
        callback(error, client, done);
      });
    },
  });
  return { pool, reachability };
}
