import { eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { organizations, persons } from '../../db/schema/index.ts';

/*
 * A row of orders or invoices belongs to a person or an organisation: the lists across customers
 * join both (left) and show and filter by the customer's name as their pages show it.
 */

/** A person's "First Last", or the organisation's name. */
export const customerName = sql<string>`coalesce(${persons.firstName} || ' ' || ${persons.lastName}, ${organizations.name}, '')`;

/** The joins of `customerName`, on the row's person and organisation columns. */
export const customerJoins = (personId: AnyColumn, organizationId: AnyColumn) =>
  [eq(persons.id, personId), eq(organizations.id, organizationId)] as const;

/** A LIKE pattern that finds `part` anywhere, its own % _ and \ taken literally. */
export const containing = (part: string) => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The customer's name contains `part`, in any case: first name, last name, both, or the organisation's. */
export function customerNameContains(part: string): SQL | undefined {
  const pattern = containing(part);
  return or(
    sql`(${persons.firstName} || ' ' || ${persons.lastName}) ilike ${pattern}`,
    sql`${organizations.name} ilike ${pattern}`,
  );
}
