// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * Deny by default: a role has exactly the permissions listed here, and every route names the one
 * it needs (or is declared public). The access-control issue refines this table.
 */
export const ROLES = [
  'admin',
  'customer_service',
  'billing',
  'social_worker',
  'register_officer',
  'auditor',
  'contractor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'customers.archive',
  'customers.revealIdentityCode',
  'customers.readProtectedAddress',
  'accessLog.read',
  /** The "who has processed my data" report for a data subject who asks. */
  'accessLog.subjectReport',
  /** Staff accounts, roles, commitments and the commitment text. */
  'staff.manage',
  /** Partner organisations and their contracts. */
  'partners.manage',
  /** Social-services clients' special-category data: only of clients of the worker's units. */
  'socialServices.clientData',
  /** The social-services units, their workers and the list of service needs. */
  'socialServices.manageUnits',
  /** The register officer's review of break-the-glass access. */
  'socialServices.reviewBreakGlass',
  /** Orders of customers: read, and create or change. */
  'orders.read',
  'orders.write',
  /** Invoices, payments and credit notes: read, and make or record. */
  'invoices.read',
  'invoices.write',
  /** The disclosures made of customers' data: read, and make one (collection included). */
  'disclosures.read',
  'disclosures.make',
  /** The service catalogue and the municipality's seller details for invoices. */
  'billing.settings',
  /** Data subjects' requests (access, rectification, erasure, objection): read, and handle. */
  'requests.read',
  'requests.manage',
  /** Objections and prohibitions (direct marketing, research, lists …): read, and record. */
  'objections.read',
  'objections.write',
  /** Mailing lists and address labels (publication in lists, direct mail, research). */
  'exports.mailingList',
  /** Population-register updates: start a sync with DVV's change interface, read its reports. */
  'populationRegister.sync',
  /** Moving in from an old register: import profiles, runs and their reports (decision 0027). */
  'moveIn.run',
  /** The imports page: every run of data coming in (DVV syncs, update files) and its report. */
  'imports.read',
  /** Update-service files (Posti and others): dry run and apply (decision 0029). */
  'updateFiles.apply',
  /**
   * The public pages: the privacy statement's controller details and free texts (the rest follows
   * the register), the accessibility statement and the feedback given on it.
   */
  'publicPages.manage',
  /** Retention of customers: the settings, the dry run and the runs' reports (decision 0034). */
  'retention.read',
  /** Set the retention periods and turn the daily run on or off. */
  'retention.manage',
  /** Start a retention run: erase the customers past retention now. */
  'retention.run',
  /** The register of paper documents kept about customers: read. */
  'paperDocuments.read',
  /** Record paper documents, their handlers and their destruction. */
  'paperDocuments.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'customers.read',
    'customers.write',
    'customers.archive',
    'customers.revealIdentityCode',
    'staff.manage',
    'partners.manage',
    'socialServices.manageUnits',
    'billing.settings',
    'moveIn.run',
    'publicPages.manage',
    'retention.read',
    'retention.manage',
    'paperDocuments.read',
  ],
  customer_service: [
    'customers.read',
    'customers.write',
    'customers.revealIdentityCode',
    'orders.read',
    'orders.write',
    'invoices.read',
    'objections.read',
    'objections.write',
    'exports.mailingList',
    'paperDocuments.read',
  ],
  billing: [
    'customers.read',
    'customers.write',
    'customers.revealIdentityCode',
    'orders.read',
    'orders.write',
    'invoices.read',
    'invoices.write',
    'disclosures.read',
    'disclosures.make',
    'objections.read',
  ],
  social_worker: [
    'customers.read',
    'customers.revealIdentityCode',
    'customers.readProtectedAddress',
    'socialServices.clientData',
  ],
  register_officer: [
    'customers.read',
    'customers.write',
    'customers.archive',
    'customers.revealIdentityCode',
    'customers.readProtectedAddress',
    'accessLog.read',
    'accessLog.subjectReport',
    'socialServices.reviewBreakGlass',
    'orders.read',
    'invoices.read',
    'disclosures.read',
    'disclosures.make',
    'requests.read',
    'requests.manage',
    'objections.read',
    'objections.write',
    'exports.mailingList',
    'populationRegister.sync',
    'moveIn.run',
    'imports.read',
    'updateFiles.apply',
    'retention.read',
    'retention.run',
    'paperDocuments.read',
    'paperDocuments.manage',
  ],
  auditor: ['accessLog.read', 'disclosures.read'],
  contractor: ['customers.read'],
};

/**
 * Permissions that open personal data: a signed confidentiality commitment comes first. Managing
 * staff accounts does not, so that an administrator can set up colleagues (and record their
 * paper commitments) before anything else.
 */
export const PERSONAL_DATA_PERMISSIONS: ReadonlySet<Permission> = new Set(
  PERMISSIONS.filter((p) => p !== 'staff.manage'),
);

/** Roles that must sign in with a second factor (TOTP); TOTP_REQUIRED_FOR_ALL adds the rest. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'social_worker', 'register_officer'];

/** Roles whose accounts belong to a partner organisation, and only those. */
export const PARTNER_ROLES: readonly Role[] = ['contractor'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
