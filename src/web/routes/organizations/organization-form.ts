import type { BodyOf } from '../../../contract/endpoint.ts';
import type { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import type { OrganizationView } from '../../../contract/organizations/organizations.schemas.ts';

type OrganizationCreateInput = BodyOf<typeof organizationsApi.create>;
type OrganizationPatchInput = BodyOf<typeof organizationsApi.update>;
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

export function organizationValues(organization: OrganizationView | null): FormValues {
  return {
    name: organization?.name ?? '',
    businessId: organization?.businessId ?? '',
    email: organization?.email ?? '',
    phone: organization?.phoneDisplay ?? organization?.phone ?? '',
    ...addressValues('postalAddress', organization?.postalAddress),
    ...addressValues('visitingAddress', organization?.visitingAddress),
    ...billingValues(organization?.billing),
    notes: organization?.notes ?? '',
  };
}

function fullInput(values: FormValues): FullInput<OrganizationCreateInput> {
  return {
    name: values.name?.trim() ?? '',
    businessId: textOrNull(values, 'businessId'),
    email: textOrNull(values, 'email'),
    phone: textOrNull(values, 'phone'),
    postalAddress: addressInput(values, 'postalAddress'),
    visitingAddress: addressInput(values, 'visitingAddress'),
    billing: billingInput(values),
    notes: textOrNull(values, 'notes'),
  };
}

/** The body of POST /api/organizations: what was given. */
export function organizationCreateInput(values: FormValues): OrganizationCreateInput {
  return withoutEmpty(fullInput(values)) as OrganizationCreateInput;
}

/** The body of PATCH /api/organizations/{id}: only what changed; null removes a value. */
export function organizationPatchInput(
  values: FormValues,
  stored: OrganizationView,
): OrganizationPatchInput {
  return changedFields(
    fullInput(organizationValues(stored)),
    fullInput(values),
  ) as OrganizationPatchInput;
}
