import type { z } from 'zod';
import { query, request } from '../../../api.ts';
import type {
  invoiceSummary,
  invoiceView,
} from '../../../../contract/invoices/invoices.schemas.ts';
import type {
  orderCreate,
  orderSummary,
  orderView,
} from '../../../../contract/orders/orders.schemas.ts';
import type { serviceList } from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';
import type {
  customerDisclosurePage,
  disclosureMade,
  recipientList,
} from '../../../../contract/disclosures/disclosures.schemas.ts';
import type { RecordKind } from '../../../components/record-kind.ts';

export type OrderSummary = z.infer<typeof orderSummary>;
export type OrderView = z.infer<typeof orderView>;
export type OrderStatus = OrderView['status'];
export type OrderCreateInput = z.input<typeof orderCreate>;
export type ServiceList = z.infer<typeof serviceList>;
export type Service = ServiceList['items'][number];
export type InvoiceSummary = z.infer<typeof invoiceSummary>;
export type InvoiceView = z.infer<typeof invoiceView>;
export type InvoiceStatus = InvoiceView['status'];
export type CustomerDisclosurePage = z.infer<typeof customerDisclosurePage>;
export type CustomerDisclosure = CustomerDisclosurePage['items'][number];
export type DisclosureMade = z.infer<typeof disclosureMade>;
export type RecipientList = z.infer<typeof recipientList>;
export type Page<T> = { items: T[]; nextCursor: string | null };

const id = (value: string) => encodeURIComponent(value);
/** `/api/persons/…` or `/api/organizations/…`: the customer's own lists. */
const customerPath = (kind: RecordKind, customerId: string) =>
  `/api/${kind === 'person' ? 'persons' : 'organizations'}/${id(customerId)}`;

type OrderAction = 'confirm' | 'cancel' | 'archive';

export const billingApi = {
  services: (signal?: AbortSignal) =>
    request<ServiceList>('GET', '/api/services', undefined, { signal }),

  customerOrders: (kind: RecordKind, customerId: string, signal?: AbortSignal) =>
    request<Page<OrderSummary>>(
      'GET',
      `${customerPath(kind, customerId)}/orders${query({ limit: 50 })}`,
      undefined,
      { signal },
    ),
  getOrder: (orderId: string, signal?: AbortSignal) =>
    request<OrderView>('GET', `/api/orders/${id(orderId)}`, undefined, { signal }),
  createOrder: (input: OrderCreateInput) => request<OrderView>('POST', '/api/orders', input),
  orderAction: (orderId: string, action: OrderAction) =>
    request<OrderView>('POST', `/api/orders/${id(orderId)}/${action}`, {}),
  deliverOrder: (orderId: string, deliveredOn: string) =>
    request<OrderView>('POST', `/api/orders/${id(orderId)}/deliver`, { deliveredOn }),

  customerInvoices: (kind: RecordKind, customerId: string, signal?: AbortSignal) =>
    request<Page<InvoiceSummary>>(
      'GET',
      `${customerPath(kind, customerId)}/invoices${query({ limit: 50 })}`,
      undefined,
      { signal },
    ),
  createInvoice: (input: { orderId: string; invoiceDate?: string; dueDate?: string }) =>
    request<InvoiceView>('POST', '/api/invoices', input),
  /** The invoice as a PDF, or an e-invoice's Finvoice message: a link's address. */
  invoiceFileUrl: (invoiceId: string, format: 'pdf' | 'finvoice') =>
    `/api/invoices/${id(invoiceId)}/${format}`,
  recordPayment: (input: { reference: string; amount: string; paidOn: string }) =>
    request<{ id: string; invoice: InvoiceView }>('POST', '/api/payments', input),
  creditInvoice: (invoiceId: string, reason: string) =>
    request<InvoiceView>('POST', `/api/invoices/${id(invoiceId)}/credit`, { reason }),

  /** The partners that receive disclosures (a collection agency among them). */
  recipients: (signal?: AbortSignal) =>
    request<RecipientList>('GET', '/api/disclosures/recipients', undefined, { signal }),
  sendToCollection: (partnerId: string, invoiceIds: string[]) =>
    request<DisclosureMade>('POST', '/api/collections', { partnerId, invoiceIds, format: 'csv' }),
  customerDisclosures: (kind: RecordKind, customerId: string, signal?: AbortSignal) =>
    request<CustomerDisclosurePage>(
      'GET',
      `${customerPath(kind, customerId)}/disclosures`,
      undefined,
      { signal },
    ),
};
