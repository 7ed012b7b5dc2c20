import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  invoiceLines,
  invoiceRuns,
  invoices,
  orderEvents,
  orders,
  organizations,
  payments,
  personOrganizations,
  persons,
} from '../../db/schema/index.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceInsert = typeof invoices.$inferInsert;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

/**
 * PostgreSQL takes at most 65,535 parameters in one statement: a multi-row INSERT goes in chunks
 * of this many parameters or fewer.
 */
const MAX_PARAMETERS = 30_000;

function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** n invoice numbers from the one series, in one round trip. */
export async function nextInvoiceNumbers(db: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const result: unknown = await db.execute(
    sql`select nextval('invoice_number_seq') as number from generate_series(1, ${n}::int)`,
  );
  return (result as { rows: { number: string | number }[] }).rows
    .map((row) => Number(row.number))
    .sort((a, b) => a - b);
}

/**
 * Locks the orders (FOR UPDATE, until the transaction ends) and answers those that can still be
 * invoiced: delivered, not archived, and named by no invoice (of any kind — a credit note follows
 * an invoice, and its order is not invoiced again). A concurrent run that got there first has
 * made its invoice by the time the lock is ours.
 */
export async function lockInvoiceableOrders(db: Db, orderIds: string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const locked = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(inArray(orders.id, orderIds), eq(orders.status, 'delivered'), isNull(orders.archivedAt)),
    )
    .for('update');
  const invoiced = await db
    .select({ orderId: invoices.orderId })
    .from(invoices)
    .where(inArray(invoices.orderId, orderIds));
  const taken = new Set(invoiced.map((row) => row.orderId));
  return new Set(locked.map((row) => row.id).filter((id) => !taken.has(id)));
}

export async function findOrderById(db: Db, id: string) {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      personId: orders.personId,
      organizationId: orders.organizationId,
      archivedAt: orders.archivedAt,
    })
    .from(orders)
    .where(eq(orders.id, id));
  return row;
}

/** What an invoice's recipient snapshot is made of, for many persons in one query. */
export async function findPersonsForInvoices(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      permanentAddress: persons.permanentAddress,
      contactAddress: persons.contactAddress,
      language: persons.language,
      billing: persons.billing,
      addressProtectionActive: persons.addressProtectionActive,
      addressProtectionEndsOn: persons.addressProtectionEndsOn,
    })
    .from(persons)
    .where(inArray(persons.id, ids));
}
export type PersonForInvoice = Awaited<ReturnType<typeof findPersonsForInvoices>>[number];

export async function findOrganizationsForInvoices(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      businessId: organizations.businessId,
      postalAddress: organizations.postalAddress,
      billing: organizations.billing,
    })
    .from(organizations)
    .where(inArray(organizations.id, ids));
}
export type OrganizationForInvoice = Awaited<
  ReturnType<typeof findOrganizationsForInvoices>
>[number];

/** Whether each person's address is protected, for hiding a snapshot made before protection. */
export async function findAddressProtection(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: persons.id,
      addressProtectionActive: persons.addressProtectionActive,
      addressProtectionEndsOn: persons.addressProtectionEndsOn,
    })
    .from(persons)
    .where(inArray(persons.id, personIds));
}

/** The persons who represent each organisation: an organisation invoice's access-log subjects. */
export async function findRepresentativesOf(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({
      organizationId: personOrganizations.organizationId,
      personId: personOrganizations.personId,
    })
    .from(personOrganizations)
    .where(inArray(personOrganizations.organizationId, organizationIds));
}

export async function insertInvoices(db: Db, rows: InvoiceInsert[]): Promise<void> {
  for (const chunk of chunks(rows, 22)) await db.insert(invoices).values(chunk);
}

export async function insertInvoiceLines(
  db: Db,
  rows: (typeof invoiceLines.$inferInsert)[],
): Promise<void> {
  for (const chunk of chunks(rows, 11)) await db.insert(invoiceLines).values(chunk);
}

export async function insertOrderEvents(
  db: Db,
  rows: (typeof orderEvents.$inferInsert)[],
): Promise<void> {
  for (const chunk of chunks(rows, 6)) await db.insert(orderEvents).values(chunk);
}

export async function insertInvoiceRun(db: Db, values: typeof invoiceRuns.$inferInsert) {
  const [row] = await db.insert(invoiceRuns).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function finishInvoiceRun(
  db: Db,
  id: string,
  values: { finishedAt: Date; invoiceCount: number },
): Promise<void> {
  await db.update(invoiceRuns).set(values).where(eq(invoiceRuns.id, id));
}

export async function findInvoiceRun(db: Db, id: string) {
  const [row] = await db.select().from(invoiceRuns).where(eq(invoiceRuns.id, id));
  return row;
}

export async function findInvoiceById(db: Db, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  return row;
}

export async function findInvoiceForUpdate(db: Db, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id)).for('update');
  return row;
}

/** The numbers of invoices by id, in one query. */
export async function findInvoiceNumbers(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(inArray(invoices.id, ids));
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** The invoice a payment's reference names: national (digits) or RF, as stored. */
export async function findInvoiceIdByReference(
  db: Db,
  reference: { national: string } | { rf: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      'national' in reference
        ? eq(invoices.reference, reference.national)
        : eq(invoices.rfReference, reference.rf),
    );
  return row?.id;
}

export async function findLinesOfInvoices(db: Db, invoiceIds: string[]): Promise<InvoiceLineRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, invoiceIds))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
}

export async function findPaymentsOf(db: Db, invoiceId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.paidOn), asc(payments.recordedAt));
}

/** The sum paid on each invoice, for many invoices in one query. */
export async function findPaidCents(db: Db, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({
      invoiceId: payments.invoiceId,
      paid: sql<string>`sum(${payments.amountCents})`,
    })
    .from(payments)
    .where(inArray(payments.invoiceId, invoiceIds))
    .groupBy(payments.invoiceId);
  return new Map(rows.map((row) => [row.invoiceId, Number(row.paid)]));
}

export async function insertPayment(db: Db, values: typeof payments.$inferInsert) {
  const [row] = await db.insert(payments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function setInvoiceStatus(
  db: Db,
  id: string,
  status: InvoiceRow['status'],
  at: Date,
): Promise<void> {
  await db.update(invoices).set({ status, statusChangedAt: at }).where(eq(invoices.id, id));
}

/** A credit note's link both ways: the note that credits an invoice, the invoice a note credits. */
export async function findCreditLinks(db: Db, invoice: InvoiceRow) {
  const [creditedBy] = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.creditsInvoiceId, invoice.id));
  const [credits] = invoice.creditsInvoiceId
    ? await db
        .select({ id: invoices.id, number: invoices.number })
        .from(invoices)
        .where(eq(invoices.id, invoice.creditsInvoiceId))
    : [];
  return { creditedBy: creditedBy ?? null, credits: credits ?? null };
}

/** A customer's invoices, newest first, after the keyset (invoiceDate, number). */
export async function listInvoicesOfCustomer(
  db: Db,
  customer: { personId: string } | { organizationId: string },
  options: { limit: number; after: [string, number] | null },
): Promise<InvoiceRow[]> {
  const conditions: SQL[] = [
    'personId' in customer
      ? eq(invoices.personId, customer.personId)
      : eq(invoices.organizationId, customer.organizationId),
  ];
  if (options.after) {
    const [date, number] = options.after;
    conditions.push(
      sql`(${invoices.invoiceDate}, ${invoices.number}) < (${date}::date, ${number})`,
    );
  }
  return db
    .select()
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(invoices.invoiceDate), desc(invoices.number))
    .limit(options.limit);
}

/** One batch of a run's invoices in number order, after `afterNumber`. */
export async function findRunInvoices(
  db: Db,
  runId: string,
  options: { afterNumber: number; limit: number },
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.runId, runId), gt(invoices.number, options.afterNumber)))
    .orderBy(asc(invoices.number))
    .limit(options.limit);
}

export async function personExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, id));
  return row !== undefined;
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row !== undefined;
}
