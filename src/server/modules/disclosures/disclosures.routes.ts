import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import { sendToCollection } from './collections.service.ts';
import {
  collectionCreate,
  customerDisclosurePage,
  customerDisclosureQuery,
  disclosureCreate,
  disclosureDetail,
  disclosureMade,
  disclosurePage,
  disclosureQuery,
  recipientList,
} from '../../../contract/disclosures/disclosures.schemas.ts';
import {
  getDisclosure,
  listDisclosures,
  listOrganizationDisclosures,
  listPersonDisclosures,
  listRecipients,
  makeDisclosure,
} from './disclosures.service.ts';

const MADE_DESCRIPTION =
  'Answers 201 with the disclosure record and the file to hand to the partner, base64-encoded ' +
  '(`file.base64`, with its name, media type and SHA-256, as recorded). CSV: UTF-8 with a BOM, ' +
  '`;` between cells, a header row of the field names, formula-neutralised cells; JSON: an array ' +
  'of objects. Refused with 409 naming the reason (`disclosure.notRecipient`, ' +
  '`disclosure.noSafeguard`, `disclosure.agreementMissing`). A protected address is left out ' +
  'unless the legal basis is `legal_obligation`, which flags the disclosure.';

/** Disclosures of customers' data to partners, and sending overdue invoices to collection. */
export function disclosuresRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['disclosures'];
    const read = { permission: 'disclosures.read' as const };
    const make = { permission: 'disclosures.make' as const };

    app.post('/api/disclosures', {
      config: make,
      schema: {
        tags,
        summary: "Disclose chosen persons' chosen data to a partner (recorded and logged)",
        description:
          'Fields are groups: `name` (always sent), `identityCode` (only for `legal_obligation` or ' +
          '`credit_decision`, with a `purpose`), `contact`, `address`, `billing`. ' +
          MADE_DESCRIPTION,
        body: disclosureCreate,
        response: { 201: disclosureMade, ...standardErrors },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return reply
          .status(201)
          .send(await makeDisclosure(customerContext(deps, request), request.body));
      },
    });

    app.post('/api/collections', {
      config: make,
      schema: {
        tags,
        summary: 'Send overdue invoices to collection: one disclosure (debt_collection)',
        description:
          'Every invoice must be overdue — open, due before today (Europe/Helsinki), something ' +
          'left to pay — or the request is refused naming each that is not (409, ' +
          '`collection.notOverdue`). The file holds per invoice the debtor (name, business ID of ' +
          'an organisation, address) and the invoice (number, reference, dates, total and open ' +
          'amount in euros); the invoices move to `in_collection`. ' +
          MADE_DESCRIPTION,
        body: collectionCreate,
        response: { 201: disclosureMade, ...standardErrors },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return reply
          .status(201)
          .send(await sendToCollection(customerContext(deps, request), request.body));
      },
    });

    app.get('/api/disclosures/recipients', {
      config: make,
      schema: {
        tags,
        summary: 'The partners registered as recipients of disclosures, by name (for choosing one)',
        response: { 200: recipientList, ...standardErrors },
      },
      handler: (request) => listRecipients(customerContext(deps, request)),
    });

    app.get('/api/disclosures', {
      config: read,
      schema: {
        tags,
        summary: 'The disclosures made, newest first; filter by partner, subject, basis and time',
        description:
          'Items name no subjects. Filtered by a person (`subjectId`), the read is logged with them.',
        querystring: disclosureQuery,
        response: { 200: disclosurePage, ...standardErrors },
      },
      handler: (request) => listDisclosures(customerContext(deps, request), request.query),
    });

    app.get('/api/disclosures/:id', {
      config: read,
      schema: {
        tags,
        summary: 'A disclosure: its subjects by name and, for each, the fields sent (logged)',
        params: idParams,
        response: { 200: disclosureDetail, ...standardErrors },
      },
      handler: (request) => getDisclosure(customerContext(deps, request), request.params.id),
    });

    app.get('/api/persons/:id/disclosures', {
      config: read,
      schema: {
        tags,
        summary: "The disclosures of a person's data, newest first (logged)",
        params: idParams,
        querystring: customerDisclosureQuery,
        response: { 200: customerDisclosurePage, ...standardErrors },
      },
      handler: (request) =>
        listPersonDisclosures(customerContext(deps, request), request.params.id, request.query),
    });

    app.get('/api/organizations/:id/disclosures', {
      config: read,
      schema: {
        tags,
        summary: "The disclosures of an organisation's data, newest first",
        params: idParams,
        querystring: customerDisclosureQuery,
        response: { 200: customerDisclosurePage, ...standardErrors },
      },
      handler: (request) =>
        listOrganizationDisclosures(
          customerContext(deps, request),
          request.params.id,
          request.query,
        ),
    });
  };
}
