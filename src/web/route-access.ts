import { matchRoutes } from 'react-router';
import type { Permission } from '../contract/auth/permissions.ts';
import type { MessageKey } from './i18n/catalogue.ts';

/** What one route of the app needs, and whether and how the menu lists it. */
export type RouteAccess = {
  path: string;
  /** null: every signed-in user (their own account). */
  permission: Permission | null;
  /** The menu's label: the routes that have one are the menu, in this list's order. */
  menu?: MessageKey;
  /** Listed in the menu only for a role with one of these (a page every role may open). */
  menuFor?: readonly Permission[];
};

/**
 * Every route of App.tsx and the permission it needs, in one place: a route the user's role may
 * not use shows the "no permission" page instead of its form (the server refuses it anyway), and
 * the menu lists only what the role may use. A test keeps this list and App.tsx's routes equal.
 */
export const ROUTE_ACCESS: readonly RouteAccess[] = [
  // the home page with the role's work lists and recent customers: open to all, listed for the
  // roles it has something for (routes/home/HomePage.tsx); the others start elsewhere (home.ts)
  {
    path: '/',
    permission: null,
    menu: 'work.nav',
    menuFor: [
      'requests.read',
      'socialServices.reviewBreakGlass',
      'invoices.write',
      'staff.manage',
      'customers.write',
    ],
  },
  // the work list's former address
  { path: '/work', permission: null },
  { path: '/search', permission: 'customers.read', menu: 'nav.search' },
  { path: '/persons/new', permission: 'customers.write', menu: 'nav.newPerson' },
  { path: '/organizations/new', permission: 'customers.write', menu: 'nav.newOrganization' },
  { path: '/access-log', permission: 'accessLog.read', menu: 'nav.accessLog' },
  { path: '/persons/:id', permission: 'customers.read' },
  { path: '/persons/:id/edit', permission: 'customers.write' },
  { path: '/organizations/:id', permission: 'customers.read' },
  { path: '/organizations/:id/edit', permission: 'customers.write' },

  // account pages
  { path: '/account', permission: null },
  { path: '/account/authenticator', permission: null },
  { path: '/account/commitment', permission: null },

  // staff administration
  { path: '/staff', permission: 'staff.manage', menu: 'nav.staff' },
  { path: '/staff/new', permission: 'staff.manage' },
  { path: '/staff/:id', permission: 'staff.manage' },
  { path: '/staff/:id/edit', permission: 'staff.manage' },
  { path: '/settings/commitment', permission: 'staff.manage' },

  // partners
  { path: '/partners', permission: 'partners.manage', menu: 'nav.partners' },
  { path: '/partners/new', permission: 'partners.manage' },
  { path: '/partners/:id', permission: 'partners.manage' },
  { path: '/partners/:id/edit', permission: 'partners.manage' },

  // social services
  {
    path: '/social-services/units',
    permission: 'socialServices.manageUnits',
    menu: 'nav.socialUnits',
  },
  {
    path: '/social-services/break-glass',
    permission: 'socialServices.reviewBreakGlass',
    menu: 'nav.breakGlassReview',
  },

  // billing administration and the disclosures register
  { path: '/billing/settings', permission: 'billing.settings', menu: 'billingSettings.nav' },
  { path: '/billing/services', permission: 'billing.settings', menu: 'services.nav' },
  {
    path: '/settings/privacy-statement',
    permission: 'publicPages.manage',
    menu: 'privacySettings.nav',
  },
  { path: '/billing/invoice-run', permission: 'invoices.write', menu: 'invoiceRun.nav' },
  // the lists across customers: in the menu for billing, linked from the others' home pages
  {
    path: '/billing/invoices',
    permission: 'invoices.read',
    menu: 'billingLists.nav',
    menuFor: ['invoices.write'],
  },
  { path: '/billing/orders', permission: 'orders.read' },
  { path: '/billing/runs', permission: 'invoices.write' },
  { path: '/disclosures', permission: 'disclosures.read', menu: 'disclosureRegister.nav' },
  { path: '/disclosures/new', permission: 'disclosures.make' },
  { path: '/disclosures/:id', permission: 'disclosures.read' },

  // data subjects' requests
  { path: '/requests', permission: 'requests.read', menu: 'requests.nav' },
  { path: '/requests/new', permission: 'requests.manage' },
  { path: '/requests/:id', permission: 'requests.read' },
  {
    path: '/exports/mailing-list',
    permission: 'exports.mailingList',
    menu: 'objections.mailing.nav',
  },

  // population-register updates (DVV's change interface)
  // Reached from the imports page, which lists its syncs with the files'.
  { path: '/population-register', permission: 'populationRegister.sync' },
  { path: '/population-register/:id', permission: 'populationRegister.sync' },

  // retention of customers (decision 0034), reached from the home page (the menu is full)
  { path: '/retention', permission: 'retention.read' },
  { path: '/retention/runs/:id', permission: 'retention.read' },

  // data coming in (decision 0029)
  { path: '/imports', permission: 'imports.read', menu: 'imports.nav' },
  { path: '/imports/:kind/:id', permission: 'imports.read' },
  // moving in from an old register (decision 0027), reached from the imports page
  { path: '/imports/move-in', permission: 'moveIn.run' },
  { path: '/imports/move-in/new-profile', permission: 'moveIn.run' },
  { path: '/imports/move-in/profiles/:name', permission: 'moveIn.run' },
  { path: '/imports/move-in/runs/:id', permission: 'moveIn.run' },
];

/**
 * The declaration of the route an address opens, ranked as <Routes> ranks them (`/persons/new`
 * before `/persons/:id`); undefined for an address no route has (the "not found" page).
 */
export function routeAccessOf(pathname: string): RouteAccess | undefined {
  return matchRoutes([...ROUTE_ACCESS], pathname)?.[0]?.route;
}

/** The permission the user lacks for the address, or null when they may open it. */
export function missingPermission(
  pathname: string,
  can: (permission: Permission) => boolean,
): Permission | null {
  const permission = routeAccessOf(pathname)?.permission ?? null;
  return permission === null || can(permission) ? null : permission;
}

/** The menu: the declared routes that have a label and that the user may open. */
export function menuItems(
  can: (permission: Permission) => boolean,
): { to: string; label: MessageKey }[] {
  return ROUTE_ACCESS.flatMap((route) =>
    route.menu &&
    (route.permission === null || can(route.permission)) &&
    (route.menuFor?.some(can) ?? true)
      ? [{ to: route.path, label: route.menu }]
      : [],
  );
}
