import { sql } from 'drizzle-orm';
import { check, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The master keys that wrap data keys, by id: never the keys themselves, which are files in the
 * key ring. A person key may only name a master key listed here, so retiring one (deleting its
 * row) fails while any data key is still wrapped by it — even one a server wrapped a moment ago.
 */
export const wrappingKeys = pgTable('wrapping_key', {
  id: text('id').primaryKey(),
  /** HMAC-SHA-256 of a fixed label under the key: a different file under the same id is refused. */
  fingerprint: bytea('fingerprint').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One data key per person, wrapped (AES-256-GCM) by a master key. A destroyed key leaves a
 * tombstone — the row without its key — so that no new key is ever made for an erased person.
 */
export const personKeys = pgTable(
  'person_key',
  {
    personId: uuid('person_id').primaryKey(),
    wrappedKey: bytea('wrapped_key'),
    masterKeyId: text('master_key_id').references(() => wrappingKeys.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rewrappedAt: timestamp('rewrapped_at', { withTimezone: true }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'person_key_alive_or_destroyed',
      sql`(${t.destroyedAt} is null and ${t.wrappedKey} is not null and ${t.masterKeyId} is not null) or (${t.destroyedAt} is not null and ${t.wrappedKey} is null and ${t.masterKeyId} is null)`,
    ),
    index('person_key_master_key_idx').on(t.masterKeyId, t.personId),
  ],
);
