import { useState } from 'react';
import { useMe } from '../../../session.tsx';
import { DisclosuresSection } from './DisclosuresSection.tsx';
import { InvoicesSection } from './InvoicesSection.tsx';
import { OrdersSection } from './OrdersSection.tsx';
import type { BillingCustomer } from './customer-list.tsx';
import './billing.css';

/**
 * A customer's orders, invoices and the disclosures of their data, each for who may read it.
 * A change in one (an order invoiced, an invoice sent to collection) reloads the others.
 */
export function CustomerBilling({ customer }: { customer: BillingCustomer }) {
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((n) => n + 1);
  return (
    <>
      {me.can('orders.read') && (
        <OrdersSection customer={customer} generation={generation} onChanged={changed} />
      )}
      {me.can('invoices.read') && (
        <InvoicesSection customer={customer} generation={generation} onChanged={changed} />
      )}
      {me.can('disclosures.read') && (
        <DisclosuresSection customer={customer} generation={generation} />
      )}
    </>
  );
}
