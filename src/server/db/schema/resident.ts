import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, persons } from './customers.ts';

/**
 * A resident's session after strong identification (decision 0032), apart from staff sessions:
 * its own cookie, shorter timeouts, and no role. `person_id` is null until an identified
 * resident who is not in the register registers. What the identification gave (names and the
 * identity code) is kept encrypted under the global key for the registration, and the ID token
 * for signing out at the identity provider; both go with the session.
 */
export const residentSessions = pgTable(
  'resident_session',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    /** The identity code's blind index: finds the person again, and refuses a second person. */
    identityCodeIndex: bytea('identity_code_index').notNull(),
    /** JSON {firstName, lastName, personalIdentityCode}, AES-256-GCM under the global key. */
    identityEncrypted: bytea('identity_encrypted').notNull(),
    /** The ID token, for the identity provider's end_session (id_token_hint); encrypted too. */
    idTokenEncrypted: bytea('id_token_encrypted'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('resident_session_person_idx').on(t.personId),
    index('resident_session_expires_idx').on(t.expiresAt),
  ],
);
