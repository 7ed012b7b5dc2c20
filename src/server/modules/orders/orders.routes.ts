import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import {
  idParams,
  pageOf,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import { emptyBody } from '../../../contract/staff/staff.schemas.ts';
import {
  customerOrdersQuery,
  deliverBody,
  orderCreate,
  orderHistory,
  orderPatch,
  orderSummary,
  orderView,
} from '../../../contract/orders/orders.schemas.ts';
import {
  archiveOrder,
  cancelOrder,
  confirmOrder,
  createOrder,
  deliverOrder,
  getOrder,
  listCustomerOrders,
  orderHistory as getOrderHistory,
  updateOrder,
} from './orders.service.ts';

/** Orders of persons and organisations: draft → confirmed → delivered, or cancelled; archived. */
export function ordersRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['orders'];
    // Contractors hold neither permission, so no contract scope (decision 0009) is needed here.
    const read = { permission: 'orders.read' as const };
    const write = { permission: 'orders.write' as const };

    app.post('/api/orders', {
      config: write,
      schema: {
        tags,
        summary: 'A draft order of a person or an organisation; prices come from the catalogue',
        body: orderCreate,
        response: { 201: orderView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createOrder(customerContext(deps, request), request.body)),
    });

    app.get('/api/orders/:id', {
      config: read,
      schema: {
        tags,
        summary: 'An order with its lines, their amounts and the totals (net, VAT, gross)',
        params: idParams,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) => getOrder(customerContext(deps, request), request.params.id),
    });

    app.patch('/api/orders/:id', {
      config: write,
      schema: {
        tags,
        summary: "Change a draft's lines (all replaced) or notes (null removes them)",
        params: idParams,
        body: orderPatch,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) =>
        updateOrder(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/orders/:id/confirm', {
      config: write,
      schema: {
        tags,
        summary: 'Confirm a draft',
        params: idParams,
        body: emptyBody,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) => confirmOrder(customerContext(deps, request), request.params.id),
    });

    app.post('/api/orders/:id/deliver', {
      config: write,
      schema: {
        tags,
        summary: 'Record the delivery of a confirmed order (today or earlier)',
        params: idParams,
        body: deliverBody,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) =>
        deliverOrder(customerContext(deps, request), request.params.id, request.body.deliveredOn),
    });

    app.post('/api/orders/:id/cancel', {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a draft or a confirmed order',
        params: idParams,
        body: emptyBody,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) => cancelOrder(customerContext(deps, request), request.params.id),
    });

    app.post('/api/orders/:id/archive', {
      config: write,
      schema: {
        tags,
        summary:
          'Archive a finished order (delivered and invoiced, or cancelled): read-only, kept for the retention period',
        params: idParams,
        body: emptyBody,
        response: { 200: orderView, ...standardErrors },
      },
      handler: (request) => archiveOrder(customerContext(deps, request), request.params.id),
    });

    app.get('/api/orders/:id/history', {
      config: read,
      schema: {
        tags,
        summary: "The order's history: who did what, when, and what changed",
        params: idParams,
        response: { 200: orderHistory, ...standardErrors },
      },
      handler: (request) => getOrderHistory(customerContext(deps, request), request.params.id),
    });

    app.get('/api/persons/:id/orders', {
      config: read,
      schema: {
        tags,
        summary: "A person's orders, newest first",
        params: idParams,
        querystring: customerOrdersQuery,
        response: { 200: pageOf(orderSummary), ...standardErrors },
      },
      handler: (request) =>
        listCustomerOrders(
          customerContext(deps, request),
          { personId: request.params.id },
          request.query,
        ),
    });

    app.get('/api/organizations/:id/orders', {
      config: read,
      schema: {
        tags,
        summary: "An organisation's orders, newest first",
        params: idParams,
        querystring: customerOrdersQuery,
        response: { 200: pageOf(orderSummary), ...standardErrors },
      },
      handler: (request) =>
        listCustomerOrders(
          customerContext(deps, request),
          { organizationId: request.params.id },
          request.query,
        ),
    });
  };
}
