import type { Permission } from './api.ts';
import type { MessageKey } from './i18n/catalogue.ts';
import { routeAccessOf } from './route-access.ts';

/** Whether the role has a home page: the work its menu entry is for (route-access.ts). */
export const hasHomePage = (can: (permission: Permission) => boolean): boolean =>
  routeAccessOf('/')?.menuFor?.some(can) ?? false;

/**
 * Where a signed-in user starts: the home page with their work for a role that has work lists or
 * recent customers, else the customer search for who may read customers, and the access log for
 * an auditor (who reads the log and nothing else).
 */
export function homePath(can: (permission: Permission) => boolean): string {
  if (hasHomePage(can)) return '/';
  if (can('customers.read')) return '/search';
  if (can('accessLog.read')) return '/access-log';
  return '/search';
}

/** The name of a start page, for the links that lead back to it. */
export function homeLabel(home: string): MessageKey {
  if (home === '/') return 'work.title';
  if (home === '/access-log') return 'nav.accessLog';
  return 'nav.toSearch';
}
