import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  billingSettingsInput,
  billingSettingsView,
} from '../../../contract/billing-settings/billing-settings.schemas.ts';
import { getBillingSettings, saveBillingSettings } from './billing-settings.service.ts';

/** The municipality as the seller on its invoices; kept by the administrator. */
export function billingSettingsRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['billing'];
    const config = { permission: 'billing.settings' as const };

    app.get('/api/billing/settings', {
      config,
      schema: {
        tags,
        summary:
          'The seller settings of invoices (409 billing.settingsMissing before the first save)',
        response: { 200: billingSettingsView, ...standardErrors },
      },
      handler: (request) => getBillingSettings(customerContext(deps, request)),
    });

    app.put('/api/billing/settings', {
      config,
      schema: {
        tags,
        summary: 'Set the seller, its account, e-invoice address, payment term and retention',
        body: billingSettingsInput,
        response: { 200: billingSettingsView, ...standardErrors },
      },
      handler: (request) => saveBillingSettings(customerContext(deps, request), request.body),
    });
  };
}
