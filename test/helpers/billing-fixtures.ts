import type { Database } from '../../src/server/db/client.ts';
import { invoices, payments } from '../../src/server/db/schema/index.ts';

let nextNumber = 5000;

/** A national reference (viitenumero) of the base: weights 7, 3, 1 from the right. */
function reference(base: number): string {
  const digits = String(base);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * [7, 3, 1][i % 3]!;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/**
 * An invoice row as the invoices module would store it, inserted directly: enough for the rules
 * that read invoices (collection). Open, 100.00 € incl. 25.5 % VAT, unless told.
 */
export async function insertTestInvoice(
  database: Pick<Database, 'db'>,
  values: {
    personId?: string;
    organizationId?: string;
    dueDate: string;
    invoiceDate?: string;
    status?: (typeof invoices.$inferInsert)['status'];
    kind?: 'invoice' | 'credit_note';
    totalCents?: number;
  },
): Promise<{ id: string; number: number; reference: string }> {
  const number = nextNumber++;
  const totalCents = values.totalCents ?? 10_000;
  const netCents = Math.round((totalCents * 10_000) / 12_550);
  const [row] = await database.db
    .insert(invoices)
    .values({
      number,
      kind: values.kind ?? 'invoice',
      personId: values.personId ?? null,
      organizationId: values.organizationId ?? null,
      reference: reference(number),
      rfReference: `RF00${number}`,
      invoiceDate: values.invoiceDate ?? '2026-10-01',
      dueDate: values.dueDate,
      status: values.status ?? 'open',
      netCents,
      vatCents: totalCents - netCents,
      totalCents,
      recipient: {
        name: 'Snapshot',
        businessId: null,
        address: null,
        addressProtected: false,
        language: 'fi',
        eInvoiceAddress: null,
        eInvoiceIntermediator: null,
      },
      delivery: 'paper',
      createdAt: new Date('2026-10-01T08:00:00Z'),
    })
    .returning({ id: invoices.id, number: invoices.number, reference: invoices.reference });
  if (!row) throw new Error('no invoice inserted');
  return row;
}

export async function insertTestPayment(
  database: Pick<Database, 'db'>,
  invoice: { id: string; reference: string },
  amountCents: number,
  paidOn = '2026-11-01',
): Promise<void> {
  await database.db.insert(payments).values({
    invoiceId: invoice.id,
    reference: invoice.reference,
    amountCents,
    paidOn,
    recordedAt: new Date(`${paidOn}T12:00:00Z`),
  });
}
