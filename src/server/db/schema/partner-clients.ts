import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './customers.ts';
import { partners, staffUsers } from './staff.ts';
import {
  MACHINE_CLIENT_KINDS,
  type MachineClientKind,
  type MachineScope,
} from '../../../contract/partner-api/partner-api.constants.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A partner's machine client (decision 0028): a program of the partner that calls the partners'
 * interface with an API key or OAuth2 client credentials, within the partner's contract and the
 * client's scopes, until it expires or is revoked.
 */
export const partnerClients = pgTable(
  'partner_client',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<MachineClientKind>().notNull(),
    scopes: text('scopes').array().$type<MachineScope[]>().notNull(),
    /** After this moment no secret of the client is accepted; null: until revoked. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
  },
  (t) => [
    index('partner_client_partner_idx').on(t.partnerId, t.createdAt),
    check('partner_client_kind_check', sql`${t.kind} in (${inList(MACHINE_CLIENT_KINDS)})`),
  ],
);

/**
 * A client's secret (its API key or client secret), stored as HMAC-SHA-256 under a key derived
 * from the master key, found by its public prefix. Rotation adds a secret and gives the old one
 * an end (`valid_until`); so for a while a client has two.
 */
export const partnerClientSecrets = pgTable(
  'partner_client_secret',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    clientId: uuid('client_id')
      .notNull()
      .references(() => partnerClients.id, { onDelete: 'cascade' }),
    /** The secret's first characters, shown to the administrator and used to find it. */
    prefix: text('prefix').notNull(),
    secretHash: bytea('secret_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when the secret was rotated out: accepted until then. */
    validUntil: timestamp('valid_until', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('partner_client_secret_prefix_idx').on(t.prefix),
    index('partner_client_secret_client_idx').on(t.clientId),
  ],
);
