import { and, desc, eq, getTableColumns, gte, lte, not, sql, type SQL } from 'drizzle-orm';
import { helsinkiDate } from '../../../contract/dates.ts';
import type {
  InvoiceListItem,
  InvoiceViewStatus,
  InvoicesQuery,
} from '../../../contract/invoices/invoices.schemas.ts';
import { invoices, organizations, persons } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { customerJoins, customerName, customerNameContains } from '../customers/customer-name.ts';
import { findPaidCents } from './invoices.queries.ts';
import { INVOICE_CURSOR, invoiceSummaryOf, subjectsOf } from './invoices.service.ts';

/** The status as the invoice shows it (exposedStatus), as a condition on the stored columns. */
function showsStatus(status: InvoiceViewStatus, today: string): SQL | undefined {
  const pastDue = sql`(${invoices.kind} = 'invoice' and ${invoices.dueDate} < ${today})`;
  switch (status) {
    case 'overdue':
      return and(eq(invoices.status, 'open'), pastDue);
    case 'open':
      return and(eq(invoices.status, 'open'), not(pastDue));
    case 'paid':
    case 'in_collection':
    case 'credited':
      return eq(invoices.status, status);
  }
}

/**
 * Invoices and credit notes across customers, newest first, filtered: billing's list. The
 * customers on the page are logged as read, as a customer's own list logs its customer.
 */
export async function listInvoices(
  ctx: CustomerContext,
  query: InvoicesQuery,
): Promise<{ items: InvoiceListItem[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, INVOICE_CURSOR) : null;
  const now = ctx.clock.now();
  const conditions: (SQL | undefined)[] = [
    query.status ? showsStatus(query.status, helsinkiDate(now)) : undefined,
    query.kind ? eq(invoices.kind, query.kind) : undefined,
    query.dueFrom ? gte(invoices.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(invoices.dueDate, query.dueTo) : undefined,
    query.runId ? eq(invoices.runId, query.runId) : undefined,
    query.customer ? customerNameContains(query.customer) : undefined,
    after
      ? sql`(${invoices.invoiceDate}, ${invoices.number}) < (${after[0]}::date, ${after[1]})`
      : undefined,
  ];
  const [onPerson, onOrganization] = customerJoins(invoices.personId, invoices.organizationId);
  const rows = await ctx.db
    .select({ ...getTableColumns(invoices), customerName })
    .from(invoices)
    .leftJoin(persons, onPerson)
    .leftJoin(organizations, onOrganization)
    .where(and(...conditions))
    .orderBy(desc(invoices.invoiceDate), desc(invoices.number))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const paid = await findPaidCents(
    ctx.db,
    page.map((row) => row.id),
  );
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, page), ['invoices']);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...invoiceSummaryOf(row, paid.get(row.id) ?? 0, now),
      runId: row.runId,
      customer: row.personId
        ? { kind: 'person', id: row.personId, name: row.customerName }
        : { kind: 'organization', id: row.organizationId ?? '', name: row.customerName },
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(INVOICE_CURSOR, [last.invoiceDate, last.number])
        : null,
  };
}
