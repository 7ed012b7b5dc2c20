import type { FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { Keys } from './lib/crypto.ts';
import type { PersonKeyStore } from './keystore/person-key-store.ts';
import type { AccessLog } from './modules/access-log/access-log.ts';
import type { CustomerContext } from './modules/customers/context.ts';
import { actorOf } from './plugins/auth.ts';

/** Everything the app needs, passed in explicitly (no container). */
export type AppDeps = {
  config: Config;
  database: Database;
  keys: Keys;
  /**
   * Per-person data keys, kept in the key store apart from the data (decision 0011); the app
   * also asks the key store itself whether it answers (/health/ready).
   */
  personKeys: PersonKeyStore;
  clock: Clock;
  /** Defaults to the server log; see modules/access-log. */
  accessLog?: AccessLog;
};

export type RouteDeps = Required<AppDeps>;

export function customerContext(deps: RouteDeps, request: FastifyRequest): CustomerContext {
  return {
    db: deps.database.db,
    keys: deps.keys,
    personKeys: deps.personKeys,
    clock: deps.clock,
    accessLog: deps.accessLog,
    actor: actorOf(request),
    requestId: request.id,
    clientAddress: request.ip,
  };
}
