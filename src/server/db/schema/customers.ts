import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type PostalAddress = {
  street: string;
  postalCode: string;
  postOffice: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
};

export type BillingData = {
  billingAddress: PostalAddress | null;
  eInvoiceAddress: string | null;
  eInvoiceIntermediator: string | null;
  ovt: string | null;
};

/** What every customer record has: notes, the folded search name and its life-cycle times. */
const customerRecordColumns = () => ({
  notes: text('notes'),
  /** Name folded for trigram search (lower case, å/ä/ö → a/a/o); see lib/search-text.ts. */
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const organizations = pgTable(
  'organization',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    businessId: text('business_id'),
    postalAddress: jsonb('postal_address').$type<PostalAddress>(),
    visitingAddress: jsonb('visiting_address').$type<PostalAddress>(),
    billing: jsonb('billing').$type<BillingData>(),
    email: text('email'),
    phone: text('phone'),
    ...customerRecordColumns(),
  },
  (t) => [
    uniqueIndex('organization_business_id_key').on(t.businessId),
    index('organization_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('organization_email_idx').on(sql`lower(${t.email})`),
    index('organization_phone_idx').on(t.phone),
    index('organization_name_order_idx').on(t.name, t.id),
  ],
);

export const persons = pgTable(
  'person',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** AES-256-GCM ciphertext (nonce ‖ tag ‖ data); never stored in plain text. */
    identityCodeEncrypted: bytea('identity_code_encrypted'),
    /** HMAC-SHA-256 blind index: exact-match search and uniqueness without the plain text. */
    identityCodeIndex: bytea('identity_code_index'),
    identityCodePurpose: text('identity_code_purpose'),
    identityCodeTemporary: boolean('identity_code_temporary'),
    email: text('email'),
    /** E.164 */
    phone: text('phone'),
    permanentAddress: jsonb('permanent_address').$type<PostalAddress>(),
    contactAddress: jsonb('contact_address').$type<PostalAddress>(),
    language: text('language').notNull().default('fi'),
    billing: jsonb('billing').$type<BillingData>(),
    addressProtectionActive: boolean('address_protection_active').notNull().default(false),
    addressProtectionEndsOn: date('address_protection_ends_on', { mode: 'string' }),
    addressProtectionSource: text('address_protection_source'),
    /** The day of death as the population register (DVV) gave it (decision 0026). */
    deceasedOn: date('deceased_on', { mode: 'string' }),
    ...customerRecordColumns(),
  },
  (t) => [
    uniqueIndex('person_identity_code_index_key').on(t.identityCodeIndex),
    index('person_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('person_email_idx').on(sql`lower(${t.email})`),
    index('person_phone_idx').on(t.phone),
    index('person_name_order_idx').on(t.lastName, t.firstName, t.id),
    /** The move-in import's similar-name-and-address check looks within a postal code (0027). */
    index('person_postal_code_idx').on(sql`(${t.permanentAddress}->>'postalCode')`),
    // Update-service files match a row without an identity code by name (decision 0029).
    index('person_lower_name_idx').on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
  ],
);

export const personOrganizations = pgTable(
  'person_organization',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title'),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.organizationId] }),
    index('person_organization_org_idx').on(t.organizationId),
  ],
);
