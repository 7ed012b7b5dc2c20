import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  serviceInput,
  serviceList,
  servicePatch,
  serviceView,
} from './service-catalogue.schemas.ts';

const tags = ['services'];

/** The services the municipality sells: kept by the administrator, chosen on orders. */
export const serviceCatalogueApi = {
  active: endpoint({
    method: 'GET',
    path: '/api/services',
    access: { permission: 'orders.read' },
    tags,
    summary: 'The active services, by code, for the order form',
    status: 200,
    response: serviceList,
    errors: [],
  }),
  all: endpoint({
    method: 'GET',
    path: '/api/billing/services',
    access: { permission: 'billing.settings' },
    tags,
    summary: 'The whole service catalogue, deactivated services included, for its keeper',
    status: 200,
    response: serviceList,
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/services',
    access: { permission: 'billing.settings' },
    tags,
    summary: 'Add a service: names in fi/sv/en, unit, price in euros, VAT in percent',
    body: serviceInput,
    status: 201,
    response: serviceView,
    errors: ['conflict'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/services/:id',
    access: { permission: 'billing.settings' },
    tags,
    summary: 'Change a service or deactivate it (orders keep what they were made with)',
    params: idParams,
    body: servicePatch,
    status: 200,
    response: serviceView,
    errors: ['not_found', 'conflict'],
  }),
};
