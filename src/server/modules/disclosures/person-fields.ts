import type { PostalAddress } from '../../db/schema/customers.ts';
import type { DisclosedField } from './disclosures.service.ts';
import type { DisclosableGroup } from '../../../contract/disclosures/disclosures.schemas.ts';
import type { FileRow } from './disclosure-file.ts';

type PersonData = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  permanentAddress: PostalAddress | null;
  contactAddress: PostalAddress | null;
  billing: {
    billingAddress: PostalAddress | null;
    eInvoiceAddress: string | null;
    eInvoiceIntermediator: string | null;
  } | null;
};

const address = (prefix: '' | 'billing'): DisclosedField[] =>
  (['street', 'postalCode', 'postOffice', 'country'] as const).map((part) => ({
    name: prefix ? `${prefix}${part[0]!.toUpperCase()}${part.slice(1)}` : part,
    kind: 'address',
  }));

/** The file's fields of each group of a person's data, in the file's order. */
export const GROUP_FIELDS: Record<DisclosableGroup, DisclosedField[]> = {
  name: [{ name: 'lastName' }, { name: 'firstName' }],
  identityCode: [{ name: 'personalIdentityCode', kind: 'identityCode' }],
  contact: [{ name: 'email' }, { name: 'phone' }],
  address: address(''),
  billing: [...address('billing'), { name: 'eInvoiceAddress' }, { name: 'eInvoiceIntermediator' }],
};

function addressValues(
  prefix: '' | 'billing',
  value: PostalAddress | null | undefined,
): Record<string, string | null> {
  const [street, postalCode, postOffice, country] = address(prefix).map((field) => field.name);
  return {
    [street!]: value?.street ?? null,
    [postalCode!]: value?.postalCode ?? null,
    [postOffice!]: value?.postOffice ?? null,
    [country!]: value?.country ?? null,
  };
}

/**
 * A person's values of the groups chosen. The address is the one the person is reached at: the
 * contact address, else the permanent one. `identityCode` is the decrypted code, or null.
 */
export function personValues(
  groups: readonly DisclosableGroup[],
  person: PersonData,
  identityCode: string | null,
): FileRow {
  const values: Record<string, string | null> = {};
  for (const group of groups) {
    switch (group) {
      case 'name':
        Object.assign(values, { lastName: person.lastName, firstName: person.firstName });
        break;
      case 'identityCode':
        values.personalIdentityCode = identityCode;
        break;
      case 'contact':
        Object.assign(values, { email: person.email, phone: person.phone });
        break;
      case 'address':
        Object.assign(values, addressValues('', person.contactAddress ?? person.permanentAddress));
        break;
      case 'billing':
        Object.assign(values, addressValues('billing', person.billing?.billingAddress), {
          eInvoiceAddress: person.billing?.eInvoiceAddress ?? null,
          eInvoiceIntermediator: person.billing?.eInvoiceIntermediator ?? null,
        });
        break;
    }
  }
  return values;
}
