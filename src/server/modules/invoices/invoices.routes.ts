import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import {
  idParams,
  pageOf,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import {
  invoiceCreate,
  invoiceCredit,
  invoiceListQuery,
  invoiceRunCreate,
  invoiceRunView,
  invoiceSummary,
  invoiceView,
  paymentCreate,
  paymentView,
} from '../../../contract/invoices/invoices.schemas.ts';
import {
  createInvoice,
  creditInvoice,
  getInvoice,
  invoiceFile,
  listCustomerInvoices,
  recordPayment,
  runArchive,
  runInvoices,
} from './invoices.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

const document = (description: string) => z.string().meta({ format: 'binary', description });

export function invoicesRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['invoices'];
    const read = { permission: 'invoices.read' as const };
    const write = { permission: 'invoices.write' as const };

    app.post('/api/invoices', {
      config: write,
      schema: {
        tags,
        summary: 'Invoice one delivered order that has no invoice yet',
        description:
          'The invoice date defaults to today (Helsinki) and may be in the past, not in the future; ' +
          'the due date defaults to the invoice date plus the payment term and is never before ' +
          'the invoice date. A customer with an e-invoice address gets an e-invoice (Finvoice).',
        body: invoiceCreate,
        response: { 201: invoiceView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createInvoice(customerContext(deps, request), request.body)),
    });

    app.post('/api/invoice-runs', {
      config: write,
      schema: {
        tags,
        summary: 'Invoice every delivered order without an invoice, or the ones named',
        description:
          'Batched: a batch of orders is one transaction, with no per-row round trips. Answers ' +
          "the run's id and counts; its documents come from GET /api/invoice-runs/{id}/archive.",
        body: invoiceRunCreate,
        response: { 201: invoiceRunView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await runInvoices(customerContext(deps, request), request.body)),
    });

    app.get('/api/invoice-runs/:id/archive', {
      config: write,
      schema: {
        tags,
        summary: "The run's documents as a tar.gz, streamed",
        description:
          'paper/<number>.pdf for each paper invoice, paper-address-protected/<number>.pdf for ' +
          'persons under address protection (no address printed: sent through the forwarding ' +
          'of the Digital and Population Data Services Agency), einvoice/<number>.xml (Finvoice 3.0) ' +
          'for each e-invoice. Made batch by batch as the client reads; printing is logged.',
        params: idParams,
        produces: ['application/gzip'],
        response: { 200: document('A gzip-compressed tar archive'), ...standardErrors },
      },
      handler: async (request, reply) => {
        const archive = await runArchive(customerContext(deps, request), request.params.id);
        return reply
          .type('application/gzip')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${archive.fileName}"`)
          .send(archive.stream as never);
      },
    });

    app.get('/api/invoices/:id', {
      config: read,
      schema: {
        tags,
        summary: 'An invoice or a credit note',
        description:
          'The status is the stored one, except that an open invoice whose due date has passed ' +
          '(Helsinki) is overdue. `virtualBarcode` is the one the PDF prints; null when nothing ' +
          'is to be paid.',
        params: idParams,
        response: { 200: invoiceView, ...standardErrors },
      },
      handler: (request) => getInvoice(customerContext(deps, request), request.params.id),
    });

    app.get('/api/invoices/:id/pdf', {
      config: read,
      schema: {
        tags,
        summary: "The invoice as a PDF in the recipient's language, with the virtual barcode",
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: document('The PDF document'), ...standardErrors },
      },
      handler: async (request, reply) =>
        sendAttachment(
          reply,
          await invoiceFile(customerContext(deps, request), request.params.id, 'pdf'),
        ),
    });

    app.get('/api/invoices/:id/finvoice', {
      config: read,
      schema: {
        tags,
        summary: 'The e-invoice as a Finvoice 3.0 message (e-invoice customers only)',
        params: idParams,
        produces: ['application/xml'],
        response: { 200: document('The Finvoice 3.0 XML message'), ...standardErrors },
      },
      handler: async (request, reply) =>
        sendAttachment(
          reply,
          await invoiceFile(customerContext(deps, request), request.params.id, 'finvoice'),
        ),
    });

    app.post('/api/invoices/:id/credit', {
      config: write,
      schema: {
        tags,
        summary: 'Credit the invoice: a credit note of its own number and reference',
        params: idParams,
        body: invoiceCredit,
        response: { 201: invoiceView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await creditInvoice(customerContext(deps, request), request.params.id, request.body),
          ),
    });

    app.post('/api/payments', {
      config: write,
      schema: {
        tags,
        summary: 'Record a payment against its reference (national or RF)',
        description:
          'Give the amount in cents (amountCents) or in euros (amount, e.g. "12.25"). Payments ' +
          'add up; the invoice is paid when they reach its total.',
        body: paymentCreate,
        response: { 201: paymentView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await recordPayment(customerContext(deps, request), request.body)),
    });

    app.get('/api/persons/:id/invoices', {
      config: read,
      schema: {
        tags,
        summary: "A person's invoices and credit notes, newest first",
        params: idParams,
        querystring: invoiceListQuery,
        response: { 200: pageOf(invoiceSummary), ...standardErrors },
      },
      handler: (request) =>
        listCustomerInvoices(
          customerContext(deps, request),
          { personId: request.params.id },
          request.query,
        ),
    });

    app.get('/api/organizations/:id/invoices', {
      config: read,
      schema: {
        tags,
        summary: "An organisation's invoices and credit notes, newest first",
        params: idParams,
        querystring: invoiceListQuery,
        response: { 200: pageOf(invoiceSummary), ...standardErrors },
      },
      handler: (request) =>
        listCustomerInvoices(
          customerContext(deps, request),
          { organizationId: request.params.id },
          request.query,
        ),
    });
  };
}
