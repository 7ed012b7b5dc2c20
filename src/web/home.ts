import type { Permission } from './api.ts';

/**
 * Where a signed-in user starts: the customer search for who may read customers, the access
 * log for an auditor (who reads the log and nothing else).
 */
export function homePath(can: (permission: Permission) => boolean): string {
  if (can('customers.read')) return '/search';
  if (can('accessLog.read')) return '/access-log';
  return '/search';
}
