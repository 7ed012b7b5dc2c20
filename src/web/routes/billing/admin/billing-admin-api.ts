import type { z } from 'zod';
import { query, request } from '../../../api.ts';
import type { LegalBasis } from '../../../../contract/enums.ts';
import type {
  BillingSettingsView,
  billingSettingsInput,
} from '../../../../contract/billing-settings/billing-settings.schemas.ts';
import type {
  DisclosureDetail,
  DisclosureSummary,
  disclosureCreate,
  disclosurePage,
} from '../../../../contract/disclosures/disclosures.schemas.ts';
import type { DisclosureMade } from '../customer/billing-api.ts';
import type { InvoiceRunView } from '../../../../contract/invoices/invoices.schemas.ts';
import type {
  ServiceView,
  serviceInput,
  servicePatch,
} from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';

export type { BillingSettingsView, DisclosureDetail, DisclosureSummary, InvoiceRunView };
export type { LegalBasis, ServiceView };
export type BillingSettingsInput = z.input<typeof billingSettingsInput>;
export type ReferenceFormat = BillingSettingsView['referenceFormat'];
export type ServiceInput = z.input<typeof serviceInput>;
export type ServicePatch = z.input<typeof servicePatch>;
export type DisclosurePage = z.infer<typeof disclosurePage>;
export type DisclosureCreateInput = z.input<typeof disclosureCreate>;
export type DisclosureQuery = {
  partnerId?: string | undefined;
  legalBasis?: LegalBasis | undefined;
  /** Only the disclosures that included a protected address. */
  flagged?: 'true' | undefined;
  limit?: number;
  cursor?: string | undefined;
};

const id = (value: string) => encodeURIComponent(value);

/** The billing office's and the administrator's API: seller, catalogue, runs, disclosures. */
export const billingAdminApi = {
  billingSettings: (signal?: AbortSignal) =>
    request<BillingSettingsView>('GET', '/api/billing/settings', undefined, { signal }),
  saveBillingSettings: (input: BillingSettingsInput) =>
    request<BillingSettingsView>('PUT', '/api/billing/settings', input),

  /** The whole catalogue, deactivated services included. */
  services: (signal?: AbortSignal) =>
    request<{ items: ServiceView[] }>('GET', '/api/billing/services', undefined, { signal }),
  createService: (input: ServiceInput) => request<ServiceView>('POST', '/api/services', input),
  updateService: (serviceId: string, patch: ServicePatch) =>
    request<ServiceView>('PATCH', `/api/services/${id(serviceId)}`, patch),

  /** Every delivered order without an invoice, invoiced on `invoiceDate` (YYYY-MM-DD). */
  runInvoices: (invoiceDate: string) =>
    request<InvoiceRunView>('POST', '/api/invoice-runs', { invoiceDate }),

  disclosures: (params: DisclosureQuery, signal?: AbortSignal) =>
    request<DisclosurePage>('GET', `/api/disclosures${query(params)}`, undefined, { signal }),
  disclosure: (disclosureId: string, signal?: AbortSignal) =>
    request<DisclosureDetail>('GET', `/api/disclosures/${id(disclosureId)}`, undefined, {
      signal,
    }),
  /** Sends the persons' chosen data to a recipient: the record, and the file to hand over. */
  makeDisclosure: (input: DisclosureCreateInput) =>
    request<DisclosureMade>('POST', '/api/disclosures', input),
};
