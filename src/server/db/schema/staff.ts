import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const staffUsers = pgTable('staff_user', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  username: text('username').notNull().unique(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  commitmentSignedOn: date('commitment_signed_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
});

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
