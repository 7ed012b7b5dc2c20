import type { InvoiceRecipient } from '../../db/schema/index.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import type { InvoiceLanguage } from './invoice-document.ts';
import type { OrganizationForInvoice, PersonForInvoice } from './invoices.queries.ts';

const LANGUAGES: readonly string[] = ['fi', 'sv', 'en'] satisfies InvoiceLanguage[];

/**
 * What a person's invoice says of them, as it is sent. The address is the billing address, else
 * the contact address (where the person asked their mail to go), else the permanent one. Under
 * address protection (turvakielto) there is no address at all: billing has no legal basis to
 * receive it (requirements §10), so the invoice is printed without it and goes to the person
 * through the Digital and Population Data Services Agency's forwarding (decision 0014).
 */
export function personRecipient(person: PersonForInvoice, now: Date): InvoiceRecipient {
  const addressProtected = isAddressProtected(person, now);
  const billing = person.billing;
  return {
    name: `${person.firstName} ${person.lastName}`,
    businessId: null,
    address: addressProtected
      ? null
      : (billing?.billingAddress ?? person.contactAddress ?? person.permanentAddress ?? null),
    addressProtected,
    language: LANGUAGES.includes(person.language) ? (person.language as InvoiceLanguage) : 'fi',
    ...eInvoice(billing),
  };
}

/** An organisation's invoice: the billing address, else the postal address; always in Finnish. */
export function organizationRecipient(organization: OrganizationForInvoice): InvoiceRecipient {
  const billing = organization.billing;
  return {
    name: organization.name,
    businessId: organization.businessId,
    address: billing?.billingAddress ?? organization.postalAddress ?? null,
    addressProtected: false,
    language: 'fi',
    ...eInvoice(billing),
  };
}

/** An e-invoice address counts only with its intermediator: without one it cannot be routed. */
function eInvoice(
  billing: { eInvoiceAddress: string | null; eInvoiceIntermediator: string | null } | null,
): Pick<InvoiceRecipient, 'eInvoiceAddress' | 'eInvoiceIntermediator'> {
  return billing?.eInvoiceAddress && billing.eInvoiceIntermediator
    ? {
        eInvoiceAddress: billing.eInvoiceAddress,
        eInvoiceIntermediator: billing.eInvoiceIntermediator,
      }
    : { eInvoiceAddress: null, eInvoiceIntermediator: null };
}

export const deliveryOf = (recipient: InvoiceRecipient): 'paper' | 'einvoice' =>
  recipient.eInvoiceAddress ? 'einvoice' : 'paper';
