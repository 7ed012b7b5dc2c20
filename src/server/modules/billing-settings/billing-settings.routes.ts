import type { FastifyInstance } from 'fastify';
import { billingSettingsApi } from '../../../contract/billing-settings/billing-settings.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { getBillingSettings, saveBillingSettings } from './billing-settings.service.ts';

/** The municipality as the seller on its invoices; kept by the administrator. */
export function billingSettingsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, billingSettingsApi.get, (request) =>
      getBillingSettings(customerContext(deps, request)),
    );
    route(app, billingSettingsApi.save, (request) =>
      saveBillingSettings(customerContext(deps, request), request.body),
    );
  };
}
