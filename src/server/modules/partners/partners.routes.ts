import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  coverCustomerBody,
  coveredCustomer,
  partnerCreate,
  partnerCustomerParams,
  partnerDetail,
  partnerDetailQuery,
  partnerList,
  partnerPatch,
  partnerView,
} from '../../../contract/partners/partners.schemas.ts';
import {
  coverCustomer,
  createPartner,
  getPartner,
  listPartners,
  uncoverCustomer,
  updatePartner,
} from './partners.service.ts';

/** The partner registry and its contracts: which customers, which fields, until when. */
export function partnersRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['partners'];
    const config = { permission: 'partners.manage' as const };

    app.get('/api/partners', {
      config,
      schema: {
        tags,
        summary: 'The partner organisations and their contracts, by name',
        response: { 200: partnerList, ...standardErrors },
      },
      handler: (request) => listPartners(customerContext(deps, request)),
    });

    app.post('/api/partners', {
      config,
      schema: {
        tags,
        summary: 'Register a partner organisation and its contract',
        body: partnerCreate,
        response: { 201: partnerView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createPartner(customerContext(deps, request), request.body)),
    });

    app.get('/api/partners/:id', {
      config,
      schema: {
        tags,
        summary: 'A partner with the customers its contract covers (paged; the read is logged)',
        params: idParams,
        querystring: partnerDetailQuery,
        response: { 200: partnerDetail, ...standardErrors },
      },
      handler: (request) =>
        getPartner(customerContext(deps, request), request.params.id, request.query),
    });

    app.patch('/api/partners/:id', {
      config,
      schema: {
        tags,
        summary: "Change a partner or its contract's fields and end date (only the fields given)",
        params: idParams,
        body: partnerPatch,
        response: { 200: partnerView, ...standardErrors },
      },
      handler: (request) =>
        updatePartner(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/partners/:id/customers', {
      config,
      schema: {
        tags,
        summary: "Put a person or organisation under the partner's contract (logged)",
        params: idParams,
        body: coverCustomerBody,
        response: { 201: coveredCustomer, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await coverCustomer(
              customerContext(deps, request),
              request.params.id,
              request.body.customerId,
            ),
          ),
    });

    app.delete('/api/partners/:id/customers/:customerId', {
      config,
      schema: {
        tags,
        summary: "Take a customer off the partner's contract (logged)",
        params: partnerCustomerParams,
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await uncoverCustomer(
          customerContext(deps, request),
          request.params.id,
          request.params.customerId,
        );
        return reply.status(204).send(null);
      },
    });
  };
}
