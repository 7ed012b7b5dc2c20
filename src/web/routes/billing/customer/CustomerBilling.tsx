import type { Answer } from '../../../../contract/endpoint.ts';
import type { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import type { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';
import { useMe } from '../../../session.tsx';
import { DisclosuresSection } from './DisclosuresSection.tsx';
import { InvoicesSection } from './InvoicesSection.tsx';
import { OrdersSection } from './OrdersSection.tsx';
import type { BillingCustomer, Loaded } from './customer-list.tsx';
import './billing.css';

/** The billing lists a page read for its sections in its own answer. */
export type LoadedBilling = {
  version: number;
  orders?: Answer<typeof ordersApi.ofPerson> | undefined;
  invoices?: Answer<typeof invoicesApi.ofPerson> | undefined;
  disclosures?: Answer<typeof disclosuresApi.ofPerson> | undefined;
};

const loadedOf = <T,>(data: T | undefined, version: number): Loaded<T> | undefined =>
  data === undefined ? undefined : { data, version };

/**
 * A customer's orders, invoices and the disclosures of their data, each for who may read it.
 * A change in one (an order invoiced, an invoice sent to collection) makes the others stale
 * (BILLING_READS), and where the page read them (`loaded`), the page reads again (`onChanged`).
 */
export function CustomerBilling({
  customer,
  loaded,
  onChanged,
}: {
  customer: BillingCustomer;
  loaded?: LoadedBilling;
  onChanged?: () => void;
}) {
  const me = useMe();
  const version = loaded?.version ?? 0;
  const changed = onChanged ?? (() => undefined);
  return (
    <>
      {me.can('orders.read') && (
        <OrdersSection
          customer={customer}
          onChanged={changed}
          loaded={loadedOf(loaded?.orders, version)}
        />
      )}
      {me.can('invoices.read') && (
        <InvoicesSection
          customer={customer}
          onChanged={changed}
          loaded={loadedOf(loaded?.invoices, version)}
        />
      )}
      {me.can('disclosures.read') && (
        <DisclosuresSection customer={customer} loaded={loadedOf(loaded?.disclosures, version)} />
      )}
    </>
  );
}
