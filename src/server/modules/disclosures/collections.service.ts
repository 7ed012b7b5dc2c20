import type { StoredInvoiceStatus } from '../../db/schema/billing.ts';
import type { PostalAddress } from '../../db/schema/customers.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { euros, type FileRow } from './disclosure-file.ts';
import {
  findOrganizationRows,
  findPersonRows,
  lockInvoices,
  markInCollection,
  paidCents,
} from './disclosures.queries.ts';
import type {
  CollectionCreate,
  DisclosureMade,
} from '../../../contract/disclosures/disclosures.schemas.ts';
import { disclose, madeView, type DisclosedField } from './disclosures.service.ts';

/** The collection file's fields: the debtor, then the invoice. Amounts in euros ("123.45"). */
export const COLLECTION_FIELDS: readonly DisclosedField[] = [
  { name: 'debtorName' },
  { name: 'debtorBusinessId' },
  { name: 'debtorStreet', kind: 'address' },
  { name: 'debtorPostalCode', kind: 'address' },
  { name: 'debtorPostOffice', kind: 'address' },
  { name: 'debtorCountry', kind: 'address' },
  { name: 'invoiceNumber' },
  { name: 'reference' },
  { name: 'invoiceDate' },
  { name: 'dueDate' },
  { name: 'total' },
  { name: 'openAmount' },
];

type Debtor = {
  name: string;
  /** Only an organisation has one: for a person the field is not sent at all. */
  businessId?: string | null;
  address: PostalAddress | null;
};

const debtorAddress = (address: PostalAddress | null): FileRow => ({
  debtorStreet: address?.street ?? null,
  debtorPostalCode: address?.postalCode ?? null,
  debtorPostOffice: address?.postOffice ?? null,
  debtorCountry: address?.country ?? null,
});

/** Why an invoice may not go to collection, in words; null: it is overdue and may. */
function notOverdue(
  invoice: { kind: string; status: StoredInvoiceStatus; dueDate: string },
  openCents: number,
  today: string,
): string | null {
  if (invoice.kind !== 'invoice') return 'is a credit note';
  switch (invoice.status) {
    case 'paid':
      return 'is paid';
    case 'in_collection':
      return 'is already in collection';
    case 'credited':
      return 'is credited';
    case 'open':
      if (invoice.dueDate >= today) return `is not overdue (due ${invoice.dueDate})`;
      return openCents > 0 ? null : 'has nothing left to pay';
  }
}

/**
 * Sends overdue invoices to a collection agency (`POST /api/collections`): one file of the
 * debtors and their invoices, one disclosure on the legal basis debt_collection, and the
 * invoices marked in collection — all in one transaction, or nothing. The debtor's name, business
 * ID and address are read from the person or organisation now (the invoice's billing address,
 * else the contact or postal one); a protected address is withheld by `disclose`, as collection
 * is never a legal obligation.
 */
export async function sendToCollection(
  ctx: CustomerContext,
  body: CollectionCreate,
): Promise<DisclosureMade> {
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const made = await ctx.db.transaction(async (tx) => {
    const locked = new Map((await lockInvoices(tx, body.invoiceIds)).map((row) => [row.id, row]));
    const unknown: FieldError[] = body.invoiceIds.flatMap((id, index) =>
      locked.has(id)
        ? []
        : [
            {
              field: `invoiceIds.${index}`,
              message: 'No invoice has this id',
              code: 'collection.unknownInvoice',
            },
          ],
    );
    if (unknown.length > 0) {
      throw new AppError('not_found', 'An invoice in the list is not in the register', {
        errors: unknown,
      });
    }
    const invoices = body.invoiceIds.map((id) => locked.get(id)!);
    const paid = await paidCents(tx, body.invoiceIds);
    const open = (invoice: (typeof invoices)[number]) =>
      invoice.totalCents - (paid.get(invoice.id) ?? 0);
    const refused: FieldError[] = invoices.flatMap((invoice, index) => {
      const reason = notOverdue(invoice, open(invoice), today);
      const debtorless = !invoice.personId && !invoice.organizationId;
      if (!reason && !debtorless) return [];
      return [
        {
          field: `invoiceIds.${index}`,
          message: `Invoice ${invoice.number} ${reason ?? 'has no customer'}: only an overdue invoice goes to collection`,
          code: 'collection.notOverdue',
        },
      ];
    });
    if (refused.length > 0) {
      throw new AppError('conflict', 'Only overdue invoices go to collection', {
        errors: refused,
      });
    }

    const personIds = invoices.flatMap((invoice) => (invoice.personId ? [invoice.personId] : []));
    const organizationIds = invoices.flatMap((invoice) =>
      invoice.organizationId ? [invoice.organizationId] : [],
    );
    const debtors = new Map<string, Debtor>();
    for (const person of await findPersonRows(tx, [...new Set(personIds)])) {
      debtors.set(person.id, {
        name: `${person.firstName} ${person.lastName}`,
        address: person.billing?.billingAddress ?? person.contactAddress ?? person.permanentAddress,
      });
    }
    for (const organization of await findOrganizationRows(tx, [...new Set(organizationIds)])) {
      debtors.set(organization.id, {
        name: organization.name,
        businessId: organization.businessId,
        address: organization.billing?.billingAddress ?? organization.postalAddress,
      });
    }
    const records = invoices.map((invoice) => {
      const debtorId = (invoice.personId ?? invoice.organizationId)!;
      const debtor = debtors.get(debtorId)!;
      return {
        subjectId: debtorId,
        values: {
          debtorName: debtor.name,
          ...(debtor.businessId === undefined ? {} : { debtorBusinessId: debtor.businessId }),
          ...debtorAddress(debtor.address),
          invoiceNumber: String(invoice.number),
          reference: invoice.reference,
          invoiceDate: invoice.invoiceDate,
          dueDate: invoice.dueDate,
          total: euros(invoice.totalCents),
          openAmount: euros(open(invoice)),
        },
      };
    });
    const disclosure = await disclose(
      { ...ctx, db: tx },
      {
        caller: 'collection',
        partnerId: body.partnerId,
        legalBasis: 'debt_collection',
        purpose: null,
        fields: COLLECTION_FIELDS,
        records,
        format: body.format,
        invoiceIds: body.invoiceIds,
        fileNamePrefix: 'perinta',
      },
    );
    await markInCollection(tx, body.invoiceIds, now);
    return disclosure;
  });
  return madeView(ctx, made);
}
