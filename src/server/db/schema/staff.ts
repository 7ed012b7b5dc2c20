import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './customers.ts';

/**
 * An organisation the municipality works with: a processor acting for it, a recipient of
 * disclosures, a source of data. A processor's contractors see only the customers the contract
 * covers (partner_customer) and only the fields the contract lists (contract_fields).
 */
export const partners = pgTable('partner', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  businessId: text('business_id').notNull().unique(),
  /** ISO 3166-1 alpha-2 */
  country: text('country').notNull(),
  /** Field groups of customer data the contract lets its contractors see (see contract-fields.ts). */
  contractFields: text('contract_fields')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  contractEndsOn: date('contract_ends_on', { mode: 'string' }),
  /** What the partner is to the register: processor, recipient (of disclosures), source. */
  roles: text('roles')
    .array()
    .notNull()
    .default(sql`'{processor}'::text[]`),
  /** The day the data processing agreement was signed. */
  processingAgreementOn: date('processing_agreement_on', { mode: 'string' }),
  /** Outside the EU/EEA: the transfer safeguard (adequacy decision, standard clauses …). */
  transferSafeguard: text('transfer_safeguard'),
  /** Outside the EU/EEA: why the transfer is technically necessary. */
  transferNecessity: text('transfer_necessity'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The customers (persons or organisations, by id) a partner's contract covers. */
export const partnerCustomers = pgTable(
  'partner_customer',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.customerId] }),
    index('partner_customer_customer_idx').on(t.customerId),
  ],
);

export const staffUsers = pgTable('staff_user', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  username: text('username').notNull().unique(),
  fullName: text('full_name'),
  role: text('role').notNull(),
  /** A contractor's employer; null for the municipality's own staff. */
  partnerId: uuid('partner_id').references(() => partners.id),
  passwordHash: text('password_hash').notNull(),
  /** Set by an administrator's reset: nothing but a password change opens until it is done. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  /** TOTP secret, AES-256-GCM under context "staff_user.totp:<id>". */
  totpSecretEncrypted: bytea('totp_secret_encrypted'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** The last day the account may sign in (inclusive, Europe/Helsinki). */
  expiresOn: date('expires_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
});

/** The confidentiality commitment (salassapitositoumus) text, versioned; the highest is current. */
export const commitmentVersions = pgTable('commitment_version', {
  version: integer('version').primaryKey(),
  text: text('text').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by').references(() => staffUsers.id),
});

/**
 * A user's signature of one version: accepted in the app with the password (`app`, signed_at is
 * the moment), or recorded by an administrator from a signed paper (`paper`: the date on the
 * paper and where it is kept).
 */
export const commitmentSignatures = pgTable(
  'commitment_signature',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    version: integer('version')
      .notNull()
      .references(() => commitmentVersions.version),
    method: text('method').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    paperSignedOn: date('paper_signed_on', { mode: 'string' }),
    paperKeptAt: text('paper_kept_at'),
    recordedBy: uuid('recorded_by').references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('commitment_signature_user_version_key').on(t.userId, t.version)],
);

export const staffSessions = pgTable(
  'staff_session',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_session_user_idx').on(t.userId)],
);

/**
 * One row per failed sign-in, under two keys: the account (`user:<username>`, or a keyed hash of
 * a name that has no account) and the client address (`ip:<address or IPv6 /64>`). Written only
 * when a sign-in fails; see docs/decisions/0008.
 */
export const signInFailures = pgTable(
  'sign_in_failure',
  {
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_failure_key_idx').on(t.key, t.failedAt),
    index('sign_in_failure_failed_at_idx').on(t.failedAt),
  ],
);

/**
 * The sign-in attempts of one client address in its current window, counted in one atomic
 * statement (decision 0008): an attempt is admitted by the increment that returns its number, so
 * parallel attempts cannot all pass the limit before any failure is recorded. A success gives
 * its attempt back.
 */
export const signInAddressAttempts = pgTable('sign_in_address_attempts', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});
