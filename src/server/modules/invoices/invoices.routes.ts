import type { FastifyInstance } from 'fastify';
import type { Endpoint } from '../../../contract/endpoint.ts';
import { invoicesApi } from '../../../contract/invoices/invoices.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
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
import { listInvoiceRuns } from './list-invoice-runs.ts';
import { listInvoices } from './list-invoices.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

/**
 * The media type of each document's answer, for the OpenAPI document. The contract's endpoints
 * (src/contract/endpoint.ts) and route() declare none, so it is set on the route as it is
 * registered: without it the document would describe a PDF as JSON.
 */
const PRODUCES = new Map<Endpoint, string[]>([
  [invoicesApi.runArchive, ['application/gzip']],
  [invoicesApi.pdf, ['application/pdf']],
  [invoicesApi.finvoice, ['application/xml']],
]);

export function invoicesRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    app.addHook('onRoute', (options) => {
      for (const [declared, produces] of PRODUCES) {
        if (options.url === declared.path && options.method === declared.method) {
          options.schema = { ...options.schema, produces };
        }
      }
    });

    route(app, invoicesApi.list, (request) =>
      listInvoices(customerContext(deps, request), request.query),
    );
    route(app, invoicesApi.runs, (request) =>
      listInvoiceRuns(customerContext(deps, request), request.query),
    );
    route(app, invoicesApi.create, (request) =>
      createInvoice(customerContext(deps, request), request.body),
    );
    route(app, invoicesApi.run, (request) =>
      runInvoices(customerContext(deps, request), request.body),
    );
    route(app, invoicesApi.runArchive, async (request, reply) => {
      const archive = await runArchive(customerContext(deps, request), request.params.id);
      return reply
        .type('application/gzip')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${archive.fileName}"`)
        .send(archive.stream);
    });
    route(app, invoicesApi.get, (request) =>
      getInvoice(customerContext(deps, request), request.params.id),
    );
    route(app, invoicesApi.pdf, async (request, reply) =>
      sendAttachment(
        reply,
        await invoiceFile(customerContext(deps, request), request.params.id, 'pdf'),
      ),
    );
    route(app, invoicesApi.finvoice, async (request, reply) =>
      sendAttachment(
        reply,
        await invoiceFile(customerContext(deps, request), request.params.id, 'finvoice'),
      ),
    );
    route(app, invoicesApi.credit, (request) =>
      creditInvoice(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, invoicesApi.pay, (request) =>
      recordPayment(customerContext(deps, request), request.body),
    );
    route(app, invoicesApi.ofPerson, (request) =>
      listCustomerInvoices(
        customerContext(deps, request),
        { personId: request.params.id },
        request.query,
      ),
    );
    route(app, invoicesApi.ofOrganization, (request) =>
      listCustomerInvoices(
        customerContext(deps, request),
        { organizationId: request.params.id },
        request.query,
      ),
    );
  };
}
