// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/** What starts a retention run: the server's daily job, a staff member in the web app, the CLI. */
export const RETENTION_TRIGGERS = ['schedule', 'staff', 'cli'] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

/**
 * Why a customer is past retention: the years since their last relationship (order, invoice,
 * payment, request, notice, objection, client relationship, contact) have passed, or the years
 * since their death.
 */
export const RETENTION_BASES = ['lastRelationship', 'deceased'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

/**
 * What a run did with a customer past retention: erased everything, erased everything but the
 * parts a retention period of their own keeps (the register finishes those by itself), or left
 * them because a blocker stops the erasure (the reasons are recorded), or an error.
 */
export const RETENTION_OUTCOMES = ['erased', 'partlyErased', 'blocked', 'failed'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

/** The settings' ranges, in whole years. */
export const CUSTOMER_RETENTION_YEARS = { min: 1, max: 50, default: 6 } as const;
export const DECEASED_RETENTION_YEARS = { min: 1, max: 50, default: 2 } as const;
