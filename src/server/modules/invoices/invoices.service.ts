import { z } from 'zod';
import crypto from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import type { InvoiceRecipient } from '../../db/schema/index.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { addDays, helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { formatNationalReference, nationalReference } from '../../../finnish/reference.ts';
import { parsePaymentReference, rfFromNational } from '../../../finnish/rf-reference.ts';
import { createTarGz } from '../../lib/tar.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { loadBillingSettings } from '../billing-settings/billing-settings.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { centsToEuros } from '../../../contract/orders/money.ts';
import { findDeliveredUninvoicedOrders, type DeliveredOrder } from '../orders/orders.queries.ts';
import {
  exposedStatus,
  invoiceDocument,
  recipientNow,
  type BillingSettings,
  type InvoiceDocument,
} from './invoice-document.ts';
import { invoiceFinvoiceXml } from './invoice-finvoice.ts';
import { runArchivePath } from './list-invoice-runs.ts';
import { invoicePdf } from './invoice-pdf.ts';
import { deliveryOf, organizationRecipient, personRecipient } from './invoice-recipient.ts';
import { INVOICE_FILE_NAMES } from './invoice.texts.ts';
import {
  findAddressProtection,
  findCreditLinks,
  findInvoiceById,
  findInvoiceForUpdate,
  findInvoiceIdByReference,
  findInvoiceNumbers,
  findInvoiceRun,
  findLinesOfInvoices,
  findOrderById,
  findOrganizationsForInvoices,
  findPaidCents,
  findPaymentsOf,
  findPersonsForInvoices,
  findRepresentativesOf,
  findRunInvoices,
  finishInvoiceRun,
  insertInvoiceLines,
  insertInvoiceRun,
  insertInvoices,
  insertOrderEvents,
  insertPayment,
  listInvoicesOfCustomer,
  lockInvoiceableOrders,
  nextInvoiceNumbers,
  organizationExists,
  personExists,
  setInvoiceStatus,
  type InvoiceInsert,
  type InvoiceLineRow,
  type InvoiceRow,
} from './invoices.queries.ts';
import type {
  InvoiceCreate,
  InvoiceCredit,
  InvoiceRunCreate,
  InvoiceRunView,
  InvoiceSummary,
  InvoiceView,
  PaymentCreate,
} from '../../../contract/invoices/invoices.schemas.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

/** Orders invoiced in one transaction of a run; each batch commits on its own. */
export const RUN_BATCH_SIZE = 500;
/** Invoices rendered per batch of a run's archive (one access-log entry and a few queries each). */
export const ARCHIVE_BATCH_SIZE = 100;

/** The access-log field of invoices, credit notes and their documents; payments have their own. */
const INVOICE_FIELDS = ['invoices'];
const PAYMENT_FIELDS = ['invoices', 'payments'];

const fieldError = (
  code: 'validation' | 'conflict',
  field: string,
  errorCode: FieldErrorCode,
  message: string,
) => new AppError(code, message, { errors: [{ field, message, code: errorCode }] });

const today = (ctx: CustomerContext) => helsinkiDate(ctx.clock.now());

function checkNotInFuture(ctx: CustomerContext, field: string, date: string): void {
  if (date > today(ctx)) {
    throw fieldError('validation', field, 'date.future', 'The date is in the future (Helsinki)');
  }
}

/** The invoice and due dates of new invoices: the defaults, and the rules between them. */
function invoiceDates(
  ctx: CustomerContext,
  settings: BillingSettings,
  input: { invoiceDate?: string | undefined; dueDate?: string | undefined },
): { invoiceDate: string; dueDate: string } {
  const invoiceDate = input.invoiceDate ?? today(ctx);
  checkNotInFuture(ctx, 'invoiceDate', invoiceDate);
  const dueDate = input.dueDate ?? addDays(invoiceDate, settings.paymentTermDays);
  if (dueDate < invoiceDate) {
    throw fieldError(
      'validation',
      'dueDate',
      'invoice.dueBeforeInvoiceDate',
      'The due date is before the invoice date',
    );
  }
  return { invoiceDate, dueDate };
}

/** The access-log subjects of invoices: the persons, and the persons who represent organisations. */
export async function subjectsOf(
  db: Db,
  invoices: readonly { personId: string | null; organizationId: string | null }[],
): Promise<string[]> {
  const subjects = new Set<string>();
  const organizationIds = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.personId) subjects.add(invoice.personId);
    if (invoice.organizationId) organizationIds.add(invoice.organizationId);
  }
  for (const row of await findRepresentativesOf(db, [...organizationIds])) {
    subjects.add(row.personId);
  }
  return [...subjects];
}

type NewInvoices = { rows: InvoiceInsert[]; subjects: string[] };

/**
 * Invoices the orders, inside the caller's transaction and with no per-row round trips: the orders
 * are locked and checked, their customers and the invoice numbers are read in one query each, and
 * the invoices, their lines and the orders' events go in multi-row inserts. The lines and their
 * amounts are the orders' own, priced by the one money arithmetic of orders and invoices
 * (orders/money.ts). Orders a concurrent run invoiced first, and orders without lines, are left
 * out. The access-log entry goes into the same transaction.
 */
async function invoiceOrders(
  ctx: CustomerContext,
  orders: readonly DeliveredOrder[],
  options: { invoiceDate: string; dueDate: string; runId: string | null },
): Promise<NewInvoices> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const free = await lockInvoiceableOrders(
    db,
    orders.map((order) => order.id),
  );
  const toInvoice = orders.filter((order) => free.has(order.id) && order.lines.length > 0);
  if (toInvoice.length === 0) return { rows: [], subjects: [] };
  const personIds = [...new Set(toInvoice.flatMap((order) => order.personId ?? []))];
  const organizationIds = [...new Set(toInvoice.flatMap((order) => order.organizationId ?? []))];
  const people = await findPersonsForInvoices(db, personIds);
  const organizations = await findOrganizationsForInvoices(db, organizationIds);
  const numbers = await nextInvoiceNumbers(db, toInvoice.length);
  const recipients = new Map<string, InvoiceRecipient>([
    ...people.map((person): [string, InvoiceRecipient] => [
      person.id,
      personRecipient(person, now),
    ]),
    ...organizations.map((organization): [string, InvoiceRecipient] => [
      organization.id,
      organizationRecipient(organization),
    ]),
  ]);

  const invoiceRows: InvoiceInsert[] = [];
  const lineRows: InvoiceLineRow[] = [];
  toInvoice.forEach((order, i) => {
    const number = numbers[i];
    const recipient = recipients.get(order.personId ?? order.organizationId ?? '');
    if (number === undefined || !recipient) throw new Error(`order ${order.id} lost its customer`);
    const id = crypto.randomUUID();
    order.lines.forEach((line, position) => {
      lineRows.push({
        invoiceId: id,
        position: position + 1,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        netCents: line.netCents,
        vatCents: line.vatCents,
        totalCents: line.totalCents,
      });
    });
    const reference = nationalReference(String(number));
    invoiceRows.push({
      id,
      number,
      kind: 'invoice',
      orderId: order.id,
      personId: order.personId,
      organizationId: order.organizationId,
      runId: options.runId,
      reference,
      rfReference: rfFromNational(reference),
      invoiceDate: options.invoiceDate,
      dueDate: options.dueDate,
      status: 'open',
      netCents: order.totals.netCents,
      vatCents: order.totals.vatCents,
      totalCents: order.totals.totalCents,
      recipient,
      delivery: deliveryOf(recipient),
      createdAt: now,
      createdBy: ctx.actor.userId,
    });
  });
  const subjects = await subjectsOf(db, toInvoice);
  await logAccess(ctx, 'create', subjects, INVOICE_FIELDS, {
    changes: {
      invoices: {
        new:
          invoiceRows.length === 1
            ? { number: invoiceRows[0]?.number, totalCents: invoiceRows[0]?.totalCents }
            : {
                count: invoiceRows.length,
                numbers: `${numbers[0]}–${numbers.at(-1)}`,
                run: options.runId,
              },
      },
    },
  });
  await insertInvoices(db, invoiceRows);
  await insertInvoiceLines(db, lineRows);
  await insertOrderEvents(
    db,
    invoiceRows.map((row) => ({
      orderId: row.orderId ?? '',
      occurredAt: now,
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      action: 'invoiced',
      changes: { invoiceId: row.id, invoiceNumber: row.number },
    })),
  );
  return { rows: invoiceRows, subjects };
}

/** Why an order cannot be invoiced, named on its field. */
async function notInvoiceable(ctx: CustomerContext, orderId: string): Promise<AppError> {
  const order = await findOrderById(ctx.db, orderId);
  if (!order) return fieldError('validation', 'orderId', 'order.unknown', 'No such order');
  if (order.status !== 'delivered') {
    return fieldError(
      'conflict',
      'orderId',
      'invoice.orderNotDelivered',
      'Only a delivered order is invoiced',
    );
  }
  if (order.archivedAt) {
    return fieldError('conflict', 'orderId', 'invoice.orderArchived', 'The order is archived');
  }
  return fieldError('conflict', 'orderId', 'invoice.orderInvoiced', 'The order has been invoiced');
}

/** One delivered order that has no invoice yet, invoiced now. */
export async function createInvoice(
  ctx: CustomerContext,
  input: InvoiceCreate,
): Promise<InvoiceView> {
  const settings = await loadBillingSettings(ctx.db);
  const dates = invoiceDates(ctx, settings, input);
  const [order] = await findDeliveredUninvoicedOrders(ctx.db, {
    orderIds: [input.orderId],
    limit: 1,
  });
  if (!order) throw await notInvoiceable(ctx, input.orderId);
  if (order.lines.length === 0) {
    throw fieldError('conflict', 'orderId', 'invoice.orderEmpty', 'The order has no lines');
  }
  const created = await ctx.db.transaction(async (tx) =>
    invoiceOrders({ ...ctx, db: tx }, [order], { ...dates, runId: null }),
  );
  const row = created.rows[0];
  if (!row?.id) throw await notInvoiceable(ctx, input.orderId);
  return viewOf(ctx, row.id, settings);
}

/**
 * An invoice run: every delivered order without an invoice (or the ones named), in batches of
 * RUN_BATCH_SIZE orders, each batch one transaction. The run is recorded first and finished
 * last: an interrupted run leaves whole batches invoiced and finishedAt empty, and the next run
 * takes the orders that are left.
 */
export async function runInvoices(
  ctx: CustomerContext,
  input: InvoiceRunCreate,
): Promise<InvoiceRunView> {
  const settings = await loadBillingSettings(ctx.db);
  const dates = invoiceDates(ctx, settings, input);
  const orderIds = input.orderIds ? [...new Set(input.orderIds)] : undefined;
  if (orderIds) {
    const found = await findDeliveredUninvoicedOrders(ctx.db, {
      afterNumber: 0,
      limit: orderIds.length,
      orderIds,
    });
    const invoiceable = new Set(found.map((order) => order.id));
    const refused = orderIds.filter((id) => !invoiceable.has(id));
    if (refused.length > 0) {
      throw new AppError('conflict', 'Some of the orders are not delivered, or already invoiced', {
        errors: [
          {
            field: 'orderIds',
            message: `Not delivered, already invoiced or unknown: ${refused.slice(0, 20).join(', ')}`,
            code: 'invoiceRun.ordersNotInvoiceable',
          },
        ],
        extra: { orderIds: refused },
      });
    }
  }
  const run = await insertInvoiceRun(ctx.db, {
    startedAt: ctx.clock.now(),
    startedBy: ctx.actor.userId,
    invoiceDate: dates.invoiceDate,
  });
  const counts = { invoices: 0, paper: 0, eInvoices: 0, addressProtected: 0, totalCents: 0 };
  let afterNumber = 0;
  for (;;) {
    const batch = await findDeliveredUninvoicedOrders(ctx.db, {
      afterNumber,
      limit: RUN_BATCH_SIZE,
      orderIds,
    });
    if (batch.length === 0) break;
    afterNumber = batch.at(-1)?.number ?? afterNumber;
    const { rows } = await ctx.db.transaction(async (tx) =>
      invoiceOrders({ ...ctx, db: tx }, batch, { ...dates, runId: run.id }),
    );
    for (const row of rows) {
      counts.invoices++;
      counts.totalCents += row.totalCents;
      if (row.delivery === 'einvoice') counts.eInvoices++;
      else if (row.recipient.addressProtected) counts.addressProtected++;
      else counts.paper++;
    }
    if (batch.length < RUN_BATCH_SIZE) break;
  }
  await finishInvoiceRun(ctx.db, run.id, {
    finishedAt: ctx.clock.now(),
    invoiceCount: counts.invoices,
  });
  return {
    id: run.id,
    invoiceDate: dates.invoiceDate,
    dueDate: dates.dueDate,
    invoiceCount: counts.invoices,
    paperCount: counts.paper + counts.addressProtected,
    eInvoiceCount: counts.eInvoices,
    addressProtectedCount: counts.addressProtected,
    totalCents: counts.totalCents,
    archive: runArchivePath(run.id),
  };
}

/**
 * The documents of stored invoices, with a few queries for the whole list: lines, payments,
 * the address protection in force now, and the numbers of the invoices credit notes credit.
 */
async function documentsOf(
  ctx: CustomerContext,
  rows: readonly InvoiceRow[],
  settings: BillingSettings,
): Promise<InvoiceDocument[]> {
  const ids = rows.map((row) => row.id);
  const lines = await findLinesOfInvoices(ctx.db, ids);
  const paid = await findPaidCents(ctx.db, ids);
  const personIds = [...new Set(rows.flatMap((row) => row.personId ?? []))];
  const protection = new Map(
    (await findAddressProtection(ctx.db, personIds)).map((row) => [row.id, row]),
  );
  const credited = await findInvoiceNumbers(
    ctx.db,
    rows.flatMap((row) => row.creditsInvoiceId ?? []),
  );
  const linesOf = new Map<string, InvoiceLineRow[]>();
  for (const line of lines) {
    const list = linesOf.get(line.invoiceId) ?? [];
    list.push(line);
    linesOf.set(line.invoiceId, list);
  }
  const now = ctx.clock.now();
  return rows.map((row) =>
    invoiceDocument({
      invoice: row,
      lines: linesOf.get(row.id) ?? [],
      paidCents: paid.get(row.id) ?? 0,
      settings,
      recipient: recipientNow(
        row.recipient,
        row.personId ? (protection.get(row.personId) ?? null) : null,
        now,
      ),
      creditsInvoiceNumber: row.creditsInvoiceId
        ? (credited.get(row.creditsInvoiceId) ?? null)
        : null,
      now,
    }),
  );
}

async function viewOf(
  ctx: CustomerContext,
  id: string,
  settings: BillingSettings,
): Promise<InvoiceView> {
  const row = await findInvoiceById(ctx.db, id);
  if (!row) throw notFound('Invoice');
  const [document] = await documentsOf(ctx, [row], settings);
  if (!document) throw notFound('Invoice');
  const links = await findCreditLinks(ctx.db, row);
  const payments = await findPaymentsOf(ctx.db, row.id);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    creditsInvoice: links.credits,
    creditedBy: links.creditedBy,
    orderId: row.orderId,
    runId: row.runId,
    customer: row.personId
      ? { kind: 'person', id: row.personId }
      : { kind: 'organization', id: row.organizationId ?? '' },
    recipient: document.recipient,
    delivery: row.delivery,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    reference: document.referenceFormatted,
    rfReference: document.rfReferenceFormatted,
    printedReference: document.printedReferenceFormatted,
    virtualBarcode: document.virtualBarcode,
    status: document.status,
    lines: document.lines.map((line) => ({
      position: line.position,
      description: line.description,
      quantity: trimQuantity(line.quantity),
      unit: line.unit,
      unitPriceCents: line.unitPriceCents,
      vatRateBasisPoints: line.vatRateBasisPoints,
      netCents: line.netCents,
      vatCents: line.vatCents,
      totalCents: line.totalCents,
    })),
    vatSummary: document.vatSummary,
    netCents: row.netCents,
    vatCents: row.vatCents,
    totalCents: row.totalCents,
    total: centsToEuros(row.totalCents),
    paidCents: document.paidCents,
    openCents: document.openCents,
    open: centsToEuros(document.openCents),
    payments: payments.map((payment) => ({
      id: payment.id,
      reference: payment.reference,
      amountCents: payment.amountCents,
      paidOn: payment.paidOn,
      recordedAt: payment.recordedAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** numeric(12,3) as stored ("2.500") without its trailing zeros ("2.5"). */
function trimQuantity(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}

async function findInvoiceOr404(ctx: CustomerContext, id: string): Promise<InvoiceRow> {
  const row = await findInvoiceById(ctx.db, id);
  if (!row) throw notFound('Invoice');
  return row;
}

export async function getInvoice(ctx: CustomerContext, id: string): Promise<InvoiceView> {
  const row = await findInvoiceOr404(ctx, id);
  const view = await viewOf(ctx, row.id, await loadBillingSettings(ctx.db));
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, [row]), INVOICE_FIELDS);
  return view;
}

/** An invoice's document for download: the PDF (always) or the Finvoice (e-invoices only). */
export async function invoiceFile(
  ctx: CustomerContext,
  id: string,
  format: 'pdf' | 'finvoice',
): Promise<ReportFile> {
  const row = await findInvoiceOr404(ctx, id);
  if (format === 'finvoice' && row.delivery !== 'einvoice') {
    throw new AppError(
      'conflict',
      'The customer has no e-invoice address: the invoice is on paper',
      {
        errors: [{ field: 'id', message: 'A paper invoice', code: 'invoice.notEInvoice' }],
      },
    );
  }
  const [document] = await documentsOf(ctx, [row], await loadBillingSettings(ctx.db));
  if (!document) throw notFound('Invoice');
  const body =
    format === 'pdf'
      ? await invoicePdf(document)
      : Buffer.from(invoiceFinvoiceXml(document), 'utf8');
  await logAccess(ctx, 'print', await subjectsOf(ctx.db, [row]), INVOICE_FIELDS);
  const name = `${INVOICE_FILE_NAMES[document.recipient.language]}-${row.number}`;
  return format === 'pdf'
    ? { body, contentType: 'application/pdf', fileName: `${name}.pdf` }
    : { body, contentType: 'application/xml; charset=utf-8', fileName: `${name}.xml` };
}

/** A reference as a payer or a bank file gives it: national digits or RF, spaces and case aside. */
function paymentReference(input: string): { national: string } | { rf: string } {
  const reference = parsePaymentReference(input);
  if (!reference.ok) {
    throw fieldError(
      'validation',
      'reference',
      'payment.referenceInvalid',
      `Not a valid reference (national or RF): ${reference.message}`,
    );
  }
  return reference.value.kind === 'rf'
    ? { rf: reference.value.value }
    : { national: reference.value.value };
}

/**
 * A payment, matched to its invoice by the national or the RF reference. Partial payments add up;
 * when they reach the total, an open (or overdue) invoice, or one in collection, becomes paid.
 * A payment to a paid or credited invoice is recorded as it came — money received is never
 * refused — and what is overpaid shows as paid beyond the total.
 */
export async function recordPayment(
  ctx: CustomerContext,
  input: PaymentCreate,
): Promise<{ id: string; invoice: InvoiceView }> {
  const reference = paymentReference(input.reference);
  checkNotInFuture(ctx, 'paidOn', input.paidOn);
  const amountCents = input.amountCents ?? input.amount ?? 0;
  const invoiceId = await findInvoiceIdByReference(ctx.db, reference);
  if (!invoiceId) {
    throw fieldError(
      'validation',
      'reference',
      'payment.referenceUnknown',
      'No invoice has this reference',
    );
  }
  const settings = await loadBillingSettings(ctx.db);
  const payment = await ctx.db.transaction(async (tx) => {
    const invoice = await findInvoiceForUpdate(tx, invoiceId);
    if (!invoice) throw notFound('Invoice');
    if (invoice.kind === 'credit_note') {
      throw fieldError(
        'conflict',
        'reference',
        'payment.creditNote',
        'The reference is a credit note’s: a credit note is not paid',
      );
    }
    const now = ctx.clock.now();
    const paidBefore = (await findPaidCents(tx, [invoice.id])).get(invoice.id) ?? 0;
    const paid = paidBefore + amountCents;
    const becomesPaid =
      (invoice.status === 'open' || invoice.status === 'in_collection') &&
      paid >= invoice.totalCents;
    const changes: Record<string, unknown> = {
      payment: { new: { invoiceNumber: invoice.number, amountCents, paidOn: input.paidOn } },
    };
    if (becomesPaid) changes.status = { old: invoice.status, new: 'paid' };
    await logAccess({ ...ctx, db: tx }, 'update', await subjectsOf(tx, [invoice]), PAYMENT_FIELDS, {
      changes,
    });
    const row = await insertPayment(tx, {
      invoiceId: invoice.id,
      reference: 'rf' in reference ? reference.rf : reference.national,
      amountCents,
      paidOn: input.paidOn,
      recordedAt: now,
      recordedBy: ctx.actor.userId,
    });
    if (becomesPaid) await setInvoiceStatus(tx, invoice.id, 'paid', now);
    return row;
  });
  return { id: payment.id, invoice: await viewOf(ctx, payment.invoiceId, settings) };
}

/**
 * A credit note for the whole invoice: its own number and reference, the invoice's lines with
 * quantities and amounts negated exactly (no arithmetic again, so the two always cancel out),
 * the same recipient. The invoice becomes credited. An invoice in collection is recalled from
 * the agency first; a paid one can be credited (the refund is made outside the register).
 */
export async function creditInvoice(
  ctx: CustomerContext,
  id: string,
  input: InvoiceCredit,
): Promise<InvoiceView> {
  const settings = await loadBillingSettings(ctx.db);
  const creditDate = input.invoiceDate ?? today(ctx);
  checkNotInFuture(ctx, 'invoiceDate', creditDate);
  const creditNoteId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const invoice = await findInvoiceForUpdate(tx, id);
    if (!invoice) throw notFound('Invoice');
    if (invoice.kind === 'credit_note') {
      throw fieldError('conflict', 'id', 'credit.creditNote', 'A credit note is not credited');
    }
    if (invoice.status === 'credited') {
      throw fieldError(
        'conflict',
        'id',
        'credit.alreadyCredited',
        'The invoice is credited already',
      );
    }
    if (invoice.status === 'in_collection') {
      throw fieldError(
        'conflict',
        'id',
        'credit.inCollection',
        'The invoice is in collection: recall it from the agency first',
      );
    }
    if (creditDate < invoice.invoiceDate) {
      throw fieldError(
        'validation',
        'invoiceDate',
        'credit.beforeInvoiceDate',
        'A credit note is not dated before the invoice it credits',
      );
    }
    const now = ctx.clock.now();
    const [number] = await nextInvoiceNumbers(tx, 1);
    if (number === undefined) throw new Error('no invoice number');
    const reference = nationalReference(String(number));
    const lines = await findLinesOfInvoices(tx, [invoice.id]);
    const subjects = await subjectsOf(tx, [invoice]);
    const txCtx = { ...ctx, db: tx };
    await logAccess(txCtx, 'create', subjects, INVOICE_FIELDS, {
      purpose: input.reason,
      changes: {
        creditNote: { new: { number, credits: invoice.number, totalCents: -invoice.totalCents } },
      },
    });
    await logAccess(txCtx, 'update', subjects, INVOICE_FIELDS, {
      purpose: input.reason,
      changes: { status: { old: invoice.status, new: 'credited' }, invoice: invoice.number },
    });
    await insertInvoices(tx, [
      {
        id: creditNoteId,
        number,
        kind: 'credit_note',
        creditsInvoiceId: invoice.id,
        orderId: invoice.orderId,
        personId: invoice.personId,
        organizationId: invoice.organizationId,
        runId: null,
        reference,
        rfReference: rfFromNational(reference),
        invoiceDate: creditDate,
        dueDate: creditDate,
        // A credit note is settled when it is made: there is nothing to pay or to collect.
        status: 'credited',
        netCents: -invoice.netCents,
        vatCents: -invoice.vatCents,
        totalCents: -invoice.totalCents,
        recipient: invoice.recipient,
        delivery: invoice.delivery,
        createdAt: now,
        createdBy: ctx.actor.userId,
      },
    ]);
    await insertInvoiceLines(
      tx,
      lines.map((line) => ({
        ...line,
        invoiceId: creditNoteId,
        quantity: negateDecimal(line.quantity),
        netCents: -line.netCents,
        vatCents: -line.vatCents,
        totalCents: -line.totalCents,
      })),
    );
    await setInvoiceStatus(tx, invoice.id, 'credited', now);
    if (invoice.orderId) {
      await insertOrderEvents(tx, [
        {
          orderId: invoice.orderId,
          occurredAt: now,
          userId: ctx.actor.userId,
          username: ctx.actor.username,
          action: 'credited',
          changes: { invoiceId: invoice.id, creditNoteId, creditNoteNumber: number },
        },
      ]);
    }
  });
  return viewOf(ctx, creditNoteId, settings);
}

function negateDecimal(value: string): string {
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/** A row of an invoice list: the status as shown (overdue), and what is still to be paid. */
export function invoiceSummaryOf(row: InvoiceRow, paidCents: number, now: Date): InvoiceSummary {
  const status = exposedStatus(row, now);
  const openCents =
    row.kind === 'invoice' && status !== 'credited' ? Math.max(0, row.totalCents - paidCents) : 0;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    reference: formatNationalReference(row.reference),
    status,
    delivery: row.delivery,
    totalCents: row.totalCents,
    total: centsToEuros(row.totalCents),
    openCents,
    open: centsToEuros(openCents),
  };
}

/** (invoiceDate, number) of the last invoice of the previous page. */
export const INVOICE_CURSOR = z.tuple([cursorKey.date, cursorKey.position]);

/** A customer's invoices and credit notes, newest first, paged with a cursor. */
export async function listCustomerInvoices(
  ctx: CustomerContext,
  customer: { personId: string } | { organizationId: string },
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, INVOICE_CURSOR) : null;
  const exists =
    'personId' in customer
      ? await personExists(ctx.db, customer.personId)
      : await organizationExists(ctx.db, customer.organizationId);
  if (!exists) throw notFound('personId' in customer ? 'Person' : 'Organisation');
  const rows = await listInvoicesOfCustomer(ctx.db, customer, { limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const paid = await findPaidCents(
    ctx.db,
    page.map((row) => row.id),
  );
  const now = ctx.clock.now();
  const items = page.map((row) => invoiceSummaryOf(row, paid.get(row.id) ?? 0, now));
  const subjects =
    'personId' in customer
      ? [customer.personId]
      : await subjectsOf(ctx.db, [{ personId: null, organizationId: customer.organizationId }]);
  await logAccess(ctx, 'read', subjects, INVOICE_FIELDS);
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(INVOICE_CURSOR, [last.invoiceDate, last.number])
        : null,
  };
}

/**
 * The documents of a run as a tar.gz stream: `paper/<number>.pdf` for paper invoices,
 * `paper-address-protected/<number>.pdf` for persons under address protection (printed without
 * an address, for forwarding through the Digital and Population Data Services Agency) and
 * `einvoice/<number>.xml` (Finvoice 3.0) for e-invoices. Made ARCHIVE_BATCH_SIZE invoices at a
 * time, each batch's print logged before any of it is written, one document in memory at a time:
 * the stream's backpressure paces the work, so memory stays flat however large the run.
 */
export async function runArchive(
  ctx: CustomerContext,
  runId: string,
): Promise<{ stream: Readable; fileName: string }> {
  const run = await findInvoiceRun(ctx.db, runId);
  if (!run) throw notFound('Invoice run');
  const settings = await loadBillingSettings(ctx.db);
  const output = new PassThrough();
  const archive = createTarGz(output);
  const write = async () => {
    let afterNumber = 0;
    for (;;) {
      const rows = await findRunInvoices(ctx.db, runId, {
        afterNumber,
        limit: ARCHIVE_BATCH_SIZE,
      });
      if (rows.length === 0) break;
      afterNumber = rows.at(-1)?.number ?? afterNumber;
      const documents = await documentsOf(ctx, rows, settings);
      await logAccess(ctx, 'print', await subjectsOf(ctx.db, rows), INVOICE_FIELDS);
      for (const document of documents) {
        if (output.destroyed) return;
        if (document.delivery === 'einvoice') {
          await archive.add(
            `einvoice/${document.number}.xml`,
            Buffer.from(invoiceFinvoiceXml(document), 'utf8'),
          );
        } else {
          const folder = document.recipient.addressProtected ? 'paper-address-protected' : 'paper';
          await archive.add(`${folder}/${document.number}.pdf`, await invoicePdf(document));
        }
      }
      if (rows.length < ARCHIVE_BATCH_SIZE) break;
    }
    await archive.finish();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return {
    stream: output,
    fileName: `invoice-run-${run.invoiceDate}-${run.id.slice(0, 8)}.tar.gz`,
  };
}
