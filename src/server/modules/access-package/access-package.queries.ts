import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  dataSubjectRequests,
  invoiceLines,
  invoices,
  orderLines,
  orders,
  payments,
  socialClients,
  socialFamilyRelations,
  socialRecords,
  socialUnits,
} from '../../db/schema/index.ts';

/** The person's orders, oldest first, each with its lines in order. */
export async function findOrdersOfPerson(db: Db, personId: string) {
  const rows = await db
    .select()
    .from(orders)
    .where(eq(orders.personId, personId))
    .orderBy(asc(orders.createdAt), asc(orders.number));
  const lines =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(orderLines)
          .where(
            inArray(
              orderLines.orderId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  return rows.map((order) => ({
    order,
    lines: lines.filter((line) => line.orderId === order.id),
  }));
}

/** The person's invoices and credit notes by number, with their lines and payments. */
export async function findInvoicesOfPerson(db: Db, personId: string) {
  const rows = await db
    .select()
    .from(invoices)
    .where(eq(invoices.personId, personId))
    .orderBy(asc(invoices.number));
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, ids))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const paid = await db
    .select()
    .from(payments)
    .where(inArray(payments.invoiceId, ids))
    .orderBy(asc(payments.paidOn), asc(payments.recordedAt));
  const numbers = new Map(rows.map((row) => [row.id, row.number]));
  // A credit note of the person's invoice is the person's too; its number is known here.
  const creditedBy = await db
    .select({ id: invoices.id, number: invoices.number, credits: invoices.creditsInvoiceId })
    .from(invoices)
    .where(and(isNotNull(invoices.creditsInvoiceId), inArray(invoices.creditsInvoiceId, ids)));
  return rows.map((invoice) => ({
    invoice,
    lines: lines.filter((line) => line.invoiceId === invoice.id),
    payments: paid.filter((payment) => payment.invoiceId === invoice.id),
    credits: invoice.creditsInvoiceId ? (numbers.get(invoice.creditsInvoiceId) ?? null) : null,
    creditedBy: creditedBy.find((note) => note.credits === invoice.id)?.number ?? null,
  }));
}

/** The person's client relationships with their units, oldest first. */
export async function findClientRelationships(db: Db, personId: string) {
  return db
    .select({
      startsOn: socialClients.startsOn,
      endsOn: socialClients.endsOn,
      unitNameFi: socialUnits.nameFi,
      unitNameSv: socialUnits.nameSv,
      unitNameEn: socialUnits.nameEn,
    })
    .from(socialClients)
    .innerJoin(socialUnits, eq(socialUnits.id, socialClients.unitId))
    .where(eq(socialClients.personId, personId))
    .orderBy(asc(socialClients.startsOn));
}

/** Every special-category record of the person (encrypted under their key), oldest first. */
export async function findSocialRecords(db: Db, personId: string) {
  return db
    .select()
    .from(socialRecords)
    .where(eq(socialRecords.personId, personId))
    .orderBy(asc(socialRecords.createdAt));
}

/**
 * The family relations recorded on the person's own client record (encrypted under their key).
 * Relations recorded on a relative's record are the relative's data: they would tell that the
 * relative is a client (decision 0016).
 */
export async function findOwnFamilyRelations(db: Db, personId: string) {
  return db
    .select({
      id: socialFamilyRelations.id,
      personId: socialFamilyRelations.personId,
      contentEncrypted: socialFamilyRelations.contentEncrypted,
      startsOn: socialFamilyRelations.startsOn,
      endsOn: socialFamilyRelations.endsOn,
    })
    .from(socialFamilyRelations)
    .where(eq(socialFamilyRelations.personId, personId))
    .orderBy(asc(socialFamilyRelations.createdAt));
}

/** The person's requests, oldest receipt first. */
export async function findRequestsOfPerson(db: Db, personId: string) {
  return db
    .select()
    .from(dataSubjectRequests)
    .where(eq(dataSubjectRequests.personId, personId))
    .orderBy(asc(dataSubjectRequests.receivedOn), asc(dataSubjectRequests.number));
}
