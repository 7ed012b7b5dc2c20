import type { FastifyInstance } from 'fastify';
import { ordersApi } from '../../../contract/orders/orders.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { listOrders } from './list-orders.ts';
import { route } from '../../lib/route.ts';
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
  return async (app: FastifyInstance) => {
    route(app, ordersApi.create, (request) =>
      createOrder(customerContext(deps, request), request.body),
    );
    route(app, ordersApi.get, (request) =>
      getOrder(customerContext(deps, request), request.params.id),
    );
    route(app, ordersApi.update, (request) =>
      updateOrder(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, ordersApi.confirm, (request) =>
      confirmOrder(customerContext(deps, request), request.params.id),
    );
    route(app, ordersApi.deliver, (request) =>
      deliverOrder(customerContext(deps, request), request.params.id, request.body.deliveredOn),
    );
    route(app, ordersApi.cancel, (request) =>
      cancelOrder(customerContext(deps, request), request.params.id),
    );
    route(app, ordersApi.archive, (request) =>
      archiveOrder(customerContext(deps, request), request.params.id),
    );
    route(app, ordersApi.history, (request) =>
      getOrderHistory(customerContext(deps, request), request.params.id),
    );
    route(app, ordersApi.list, (request) =>
      listOrders(customerContext(deps, request), request.query),
    );
    route(app, ordersApi.ofPerson, (request) =>
      listCustomerOrders(
        customerContext(deps, request),
        { personId: request.params.id },
        request.query,
      ),
    );
    route(app, ordersApi.ofOrganization, (request) =>
      listCustomerOrders(
        customerContext(deps, request),
        { organizationId: request.params.id },
        request.query,
      ),
    );
  };
}
