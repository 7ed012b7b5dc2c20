import { endpoint } from '../endpoint.ts';
import { billingSettingsInput, billingSettingsView } from './billing-settings.schemas.ts';

const tags = ['billing'];
const access = { permission: 'billing.settings' } as const;

/** The municipality as the seller on its invoices; kept by the administrator. */
export const billingSettingsApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/billing/settings',
    access,
    tags,
    summary: 'The seller settings of invoices (409 billing.settingsMissing before the first save)',
    status: 200,
    response: billingSettingsView,
    errors: ['conflict'],
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/billing/settings',
    access,
    tags,
    summary: 'Set the seller, its account, e-invoice address, payment term and retention',
    body: billingSettingsInput,
    status: 200,
    response: billingSettingsView,
    errors: [],
  }),
};
