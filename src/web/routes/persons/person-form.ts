import type { PersonCreateInput, PersonPatchInput, PersonView } from '../../api.ts';
import {
  addressInput,
  addressValues,
  billingInput,
  billingValues,
  changedFields,
  textOrNull,
  withoutEmpty,
  type FormValues,
  type FullInput,
} from '../../components/form.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';

/** An organisation the person represents, as the form holds it. */
export type OrganizationLink = {
  organizationId: string;
  name: string;
  businessId: string | null;
  title: string;
};

export type PersonForm = {
  values: FormValues;
  organizations: OrganizationLink[];
  protectionActive: boolean;
  /** Edit only: remove the stored identity code. */
  removeIdentityCode: boolean;
};

export function emptyPersonForm(): PersonForm {
  return {
    values: {
      firstName: '',
      lastName: '',
      personalIdentityCode: '',
      personalIdentityCodePurpose: '',
      language: 'fi',
      email: '',
      phone: '',
      ...addressValues('permanentAddress', null),
      ...addressValues('contactAddress', null),
      'addressProtection.endsOn': '',
      'addressProtection.source': '',
      ...billingValues(null),
      notes: '',
    },
    organizations: [],
    protectionActive: false,
    removeIdentityCode: false,
  };
}

/** The edit form of a stored person. The identity code field starts empty: only a new code is typed. */
export function personFormFrom(person: PersonView): PersonForm {
  const empty = emptyPersonForm();
  return {
    values: {
      ...empty.values,
      firstName: person.firstName,
      lastName: person.lastName,
      personalIdentityCodePurpose: person.personalIdentityCodePurpose ?? '',
      language: person.language ?? 'fi',
      email: person.email ?? '',
      phone: person.phoneDisplay ?? person.phone ?? '',
      ...addressValues('permanentAddress', person.permanentAddress),
      ...addressValues('contactAddress', person.contactAddress),
      'addressProtection.endsOn': person.addressProtection?.endsOn
        ? formatDate(person.addressProtection.endsOn)
        : '',
      'addressProtection.source': person.addressProtection?.source ?? '',
      ...billingValues(person.billing),
      notes: person.notes ?? '',
    },
    organizations: (person.organizations ?? []).map((organization) => ({
      organizationId: organization.organizationId,
      name: organization.name,
      businessId: organization.businessId,
      title: organization.title ?? '',
    })),
    protectionActive: person.addressProtection?.active ?? false,
    removeIdentityCode: false,
  };
}

/**
 * Whether the form may show and send addresses. A reader without the right to see a protected
 * address gets null for it: sending that null back would erase the address, so the form leaves
 * addresses and billing (which holds the billing address) out entirely.
 */
export const addressesHidden = (person: PersonView | null): boolean =>
  person !== null &&
  person.addressProtected === true &&
  person.permanentAddress === null &&
  person.contactAddress === null;

type Input = FullInput<PersonCreateInput>;

function fullInput(form: PersonForm, stored: PersonView | null): Partial<Input> {
  const { values } = form;
  const code = textOrNull(values, 'personalIdentityCode');
  const hasCode =
    code !== null || ((stored?.personalIdentityCode ?? null) !== null && !form.removeIdentityCode);
  const endsOnText = textOrNull(values, 'addressProtection.endsOn');
  const input: Partial<Input> = {
    firstName: values.firstName?.trim() ?? '',
    lastName: values.lastName?.trim() ?? '',
    personalIdentityCodePurpose: hasCode
      ? ((values.personalIdentityCodePurpose || null) as Input['personalIdentityCodePurpose'])
      : null,
    email: textOrNull(values, 'email'),
    phone: textOrNull(values, 'phone'),
    language: (values.language || 'fi') as Input['language'],
    organizations: form.organizations.map((link) => ({
      organizationId: link.organizationId,
      title: link.title.trim() || null,
    })),
    addressProtection: form.protectionActive
      ? {
          active: true,
          // An unreadable date goes as typed: the server names the field and the form explains.
          endsOn: endsOnText === null ? null : (parseFinnishDate(endsOnText) ?? endsOnText),
          source: textOrNull(values, 'addressProtection.source'),
        }
      : null,
    notes: textOrNull(values, 'notes'),
  };
  if (code !== null) input.personalIdentityCode = code;
  else if (form.removeIdentityCode) input.personalIdentityCode = null;
  if (!addressesHidden(stored)) {
    input.permanentAddress = addressInput(values, 'permanentAddress');
    input.contactAddress = addressInput(values, 'contactAddress');
    input.billing = billingInput(values);
  }
  return input;
}

/** The body of POST /api/persons: what was given, nothing for what was left empty. */
export function personCreateInput(form: PersonForm): PersonCreateInput {
  const input = withoutEmpty(fullInput(form, null)) as PersonCreateInput;
  if (input.organizations?.length === 0) delete input.organizations;
  return input;
}

/** The body of PATCH /api/persons/{id}: only what changed; null removes a value. */
export function personPatchInput(form: PersonForm, stored: PersonView): PersonPatchInput {
  const before = fullInput(personFormFrom(stored), stored);
  const after = fullInput(form, stored);
  return changedFields(before, after) as PersonPatchInput;
}
