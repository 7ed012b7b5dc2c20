import type { FastifyBaseLogger } from 'fastify';

export type AccessAction = 'read' | 'search' | 'create' | 'update' | 'archive' | 'reveal';

export type AccessLogEntry = {
  userId: string;
  role: string;
  action: AccessAction;
  subjectIds: string[];
  /** Field or category names, never values. */
  fields: string[];
  purpose?: string;
  requestId: string;
};

/**
 * Where every read and change of personal data is recorded. This first implementation writes a
 * structured line to the server log (ids and field names only); the access-log issue (#3)
 * replaces it with the tamper-evident table, written in the same transaction as each change.
 */
export type AccessLog = { record(entry: AccessLogEntry): Promise<void> };

export function serverLogAccessLog(log: FastifyBaseLogger): AccessLog {
  return {
    record(entry) {
      log.info({ accessLog: entry }, 'personal data accessed');
      return Promise.resolve();
    },
  };
}
