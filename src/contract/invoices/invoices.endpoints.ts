import { endpoint } from '../endpoint.ts';
import { idParams, pageOf } from '../customers/customer-data.schemas.ts';
import {
  invoiceCreate,
  invoiceCredit,
  invoiceDocument,
  invoiceListItem,
  invoiceListQuery,
  invoiceRunCreate,
  invoiceRunsQuery,
  invoiceRunSummary,
  invoiceRunView,
  invoicesQuery,
  invoiceSummary,
  invoiceView,
  paymentCreate,
  paymentView,
} from './invoices.schemas.ts';

const tags = ['invoices'];
const read = { permission: 'invoices.read' } as const;
const write = { permission: 'invoices.write' } as const;

/**
 * Invoices, credit notes, invoice runs and payments. Most answer 409 (conflict) also when the
 * billing settings, which print the seller, have not been set up yet.
 */
export const invoicesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/invoices',
    access: read,
    tags,
    summary: 'Invoices and credit notes across customers, newest first, with filters',
    description:
      'By status as the invoice shows it (an open invoice past its due date is overdue), kind, ' +
      "due date range (both days included), invoice run and a part of the customer's name; " +
      "all filters apply together. The page's customers are logged as read.",
    query: invoicesQuery,
    status: 200,
    response: pageOf(invoiceListItem),
    errors: [],
  }),
  runs: endpoint({
    method: 'GET',
    path: '/api/invoice-runs',
    access: write,
    tags,
    summary: 'Past invoice runs, newest first, each with its archive',
    description: 'Dates and counts only, no personal data; the archive is made again on download.',
    query: invoiceRunsQuery,
    status: 200,
    response: pageOf(invoiceRunSummary),
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/invoices',
    access: write,
    tags,
    summary: 'Invoice one delivered order that has no invoice yet',
    description:
      'The invoice date defaults to today (Helsinki) and may be in the past, not in the future; ' +
      'the due date defaults to the invoice date plus the payment term and is never before ' +
      'the invoice date. A customer with an e-invoice address gets an e-invoice (Finvoice).',
    body: invoiceCreate,
    status: 201,
    response: invoiceView,
    errors: ['conflict'],
  }),
  run: endpoint({
    method: 'POST',
    path: '/api/invoice-runs',
    access: write,
    tags,
    summary: 'Invoice every delivered order without an invoice, or the ones named',
    description:
      'Batched: a batch of orders is one transaction, with no per-row round trips. Answers ' +
      "the run's id and counts; its documents come from GET /api/invoice-runs/{id}/archive.",
    body: invoiceRunCreate,
    status: 201,
    response: invoiceRunView,
    errors: ['conflict'],
  }),
  runArchive: endpoint({
    method: 'GET',
    path: '/api/invoice-runs/:id/archive',
    access: write,
    tags,
    summary: "The run's documents as a tar.gz, streamed",
    description:
      'paper/<number>.pdf for each paper invoice, paper-address-protected/<number>.pdf for ' +
      'persons under address protection (no address printed: sent through the forwarding ' +
      'of the Digital and Population Data Services Agency), einvoice/<number>.xml (Finvoice 3.0) ' +
      'for each e-invoice. Made batch by batch as the client reads; printing is logged.',
    params: idParams,
    status: 200,
    response: invoiceDocument('A gzip-compressed tar archive'),
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/invoices/:id',
    access: read,
    tags,
    summary: 'An invoice or a credit note',
    description:
      'The status is the stored one, except that an open invoice whose due date has passed ' +
      '(Helsinki) is overdue. `virtualBarcode` is the one the PDF prints; null when nothing ' +
      'is to be paid.',
    params: idParams,
    status: 200,
    response: invoiceView,
    errors: ['not_found', 'conflict'],
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/api/invoices/:id/pdf',
    access: read,
    tags,
    summary: "The invoice as a PDF in the recipient's language, with the virtual barcode",
    params: idParams,
    status: 200,
    response: invoiceDocument('The PDF document'),
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  finvoice: endpoint({
    method: 'GET',
    path: '/api/invoices/:id/finvoice',
    access: read,
    tags,
    summary: 'The e-invoice as a Finvoice 3.0 message (e-invoice customers only)',
    params: idParams,
    status: 200,
    response: invoiceDocument('The Finvoice 3.0 XML message'),
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  credit: endpoint({
    method: 'POST',
    path: '/api/invoices/:id/credit',
    access: write,
    tags,
    summary: 'Credit the invoice: a credit note of its own number and reference',
    params: idParams,
    body: invoiceCredit,
    status: 201,
    response: invoiceView,
    errors: ['not_found', 'conflict'],
  }),
  pay: endpoint({
    method: 'POST',
    path: '/api/payments',
    access: write,
    tags,
    summary: 'Record a payment against its reference (national or RF)',
    description:
      'Give the amount in cents (amountCents) or in euros (amount, e.g. "12.25"). Payments ' +
      'add up; the invoice is paid when they reach its total.',
    body: paymentCreate,
    status: 201,
    response: paymentView,
    errors: ['not_found', 'conflict'],
  }),
  ofPerson: endpoint({
    method: 'GET',
    path: '/api/persons/:id/invoices',
    access: read,
    tags,
    summary: "A person's invoices and credit notes, newest first",
    params: idParams,
    query: invoiceListQuery,
    status: 200,
    response: pageOf(invoiceSummary),
    errors: ['not_found'],
  }),
  ofOrganization: endpoint({
    method: 'GET',
    path: '/api/organizations/:id/invoices',
    access: read,
    tags,
    summary: "An organisation's invoices and credit notes, newest first",
    params: idParams,
    query: invoiceListQuery,
    status: 200,
    response: pageOf(invoiceSummary),
    errors: ['not_found'],
  }),
};
