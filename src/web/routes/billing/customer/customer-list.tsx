import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Loading, ProblemNotice } from '../../../components/Notices.tsx';
import type { RecordKind } from '../../../components/record-kind.ts';
import { useCall } from '../../../data.ts';
import type { Answer, CallInput, Endpoint } from '../../../../contract/endpoint.ts';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';

/** Whose billing: a person or an organisation, and whether the record is archived. */
export type BillingCustomer = { kind: RecordKind; id: string; archived: boolean };

/**
 * A section's status line: what the last action did. It takes the focus when it changes, so
 * that a screen reader says it and the keyboard goes on from there.
 */
export function useStatusLine(): [ReactNode, (message: string) => void] {
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) line.current?.focus();
  }, [message]);
  return [
    <p className="billing-status" role="status" tabIndex={-1} ref={line} key="status">
      {message?.text}
    </p>,
    (text: string) => setMessage((current) => ({ text, n: (current?.n ?? 0) + 1 })),
  ];
}

/** What the customer's billing page gives a section that changes something. */
export type CustomerSectionProps<T> = {
  customer: BillingCustomer;
  /** After a change: the page that read the lists in its own answer (`loaded`) reads it anew. */
  onChanged: () => void;
  loaded?: Loaded<T> | undefined;
};

/**
 * What a change to a customer's orders or invoices makes stale: an order invoiced, an invoice
 * paid or sent to collection (a disclosure) shows in the customer's three lists, the lists
 * across customers and the invoice runs.
 */
export const BILLING_READS: readonly Endpoint[] = [
  ordersApi.ofPerson,
  ordersApi.ofOrganization,
  ordersApi.list,
  ordersApi.get,
  invoicesApi.ofPerson,
  invoicesApi.ofOrganization,
  invoicesApi.list,
  invoicesApi.runs,
  disclosuresApi.ofPerson,
  disclosuresApi.ofOrganization,
  disclosuresApi.list,
];

/** A section's status line, and `done`: say what an action did, and let the page load anew. */
export function useActionStatus(onChanged: () => void): [ReactNode, (message: string) => void] {
  const [status, say] = useStatusLine();
  const done = (message: string) => {
    say(message);
    onChanged();
  };
  return [status, done];
}

/**
 * What a page read for a section in its one answer (the person's page, decision 0007): the
 * section shows it instead of reading its own endpoint. `version` changes with each answer.
 */
export type Loaded<T> = { data: T; version: number };

/**
 * One of the customer's lists through the data layer (useCall): read again when a change
 * invalidates it, the last answer staying on the page (and keeping the focus) meanwhile. Given
 * `loaded`, the page's copy is shown and nothing is read.
 */
export function useCustomerCall<E extends Endpoint>(
  endpoint: E,
  input: CallInput<E>,
  loaded?: Loaded<Answer<E>>,
): { data: Answer<E> | null; error: unknown } {
  const query = useCall(endpoint, input, { enabled: loaded === undefined });
  if (loaded) return { data: loaded.data, error: null };
  return { data: query.data ?? null, error: query.error };
}

/**
 * One of the customer's lists as a table: while it first loads, a spinner; a failure says so;
 * an empty list says `empty`. Each item gives its row (`row`), whose first cell heads it.
 */
export function CustomerTable<T>({
  list,
  items,
  caption,
  empty,
  columns,
  row,
}: {
  list: { data: unknown; error: unknown };
  items: T[] | null;
  caption: string;
  empty: string;
  /** The column headings; `amount` right-aligns a column of sums. */
  columns: { label: string; amount?: boolean }[];
  row: (item: T) => ReactNode;
}) {
  return (
    <>
      {list.error !== null && <ProblemNotice error={list.error} />}
      {items === null ? (
        list.error === null && <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="log-table__scroll">
          <table className="log-table billing-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    className={column.amount ? 'billing-table__amount' : undefined}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
