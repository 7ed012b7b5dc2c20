/** The account form's values, checks and request bodies; pure, so unit-tested. */
import { PARTNER_ROLES, type Role } from '../../../contract/auth/permissions.ts';
import type { FieldErrors, FormValues } from '../../components/form.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';
import type { BodyOf } from '../../../contract/endpoint.ts';
import type { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { StaffView } from '../../../contract/staff/staff.schemas.ts';

type StaffCreateInput = BodyOf<typeof staffApi.create>;
type StaffPatchInput = BodyOf<typeof staffApi.update>;

export const isPartnerRole = (role: string): boolean =>
  (PARTNER_ROLES as readonly string[]).includes(role);

/** The form's text for a stored account, or an empty form for a new one. */
export function staffFormValues(account?: StaffView): FormValues {
  return {
    username: account?.username ?? '',
    fullName: account?.fullName ?? '',
    role: account?.role ?? '',
    partnerId: account?.partnerId ?? '',
    expiresOn: account?.expiresOn ? formatDate(account.expiresOn) : '',
    temporaryPassword: '',
  };
}

const text = (values: FormValues, path: string) => (values[path] ?? '').trim();

/**
 * What the form can tell before sending beyond the schema's required fields: a contractor's
 * partner, and a date it cannot read. The server checks the rest (username format, password
 * rules, partner, dates in the past).
 */
export function checkStaffForm(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (isPartnerRole(text(values, 'role')) && text(values, 'partnerId') === '') {
    errors.partnerId = { field: 'partnerId', code: 'required', message: '' };
  }
  const expiresOn = text(values, 'expiresOn');
  if (expiresOn !== '' && parseFinnishDate(expiresOn) === null) {
    errors.expiresOn = { field: 'expiresOn', code: 'date.format', message: 'd.m.yyyy' };
  }
  return errors;
}

const isoOrNull = (values: FormValues, path: string): string | null =>
  text(values, path) === '' ? null : parseFinnishDate(text(values, path));

/** A new account: what was left empty is left out. The password is sent as typed. */
export function createInput(values: FormValues): StaffCreateInput {
  const role = text(values, 'role') as Role;
  const fullName = text(values, 'fullName');
  const expiresOn = isoOrNull(values, 'expiresOn');
  return {
    username: text(values, 'username'),
    role,
    temporaryPassword: values.temporaryPassword ?? '',
    ...(fullName ? { fullName } : {}),
    ...(isPartnerRole(role) && text(values, 'partnerId')
      ? { partnerId: text(values, 'partnerId') }
      : {}),
    ...(expiresOn ? { expiresOn } : {}),
  };
}

/** Only what changed; null removes a name or a last day. */
export function patchInput(account: StaffView, values: FormValues): StaffPatchInput {
  const patch: StaffPatchInput = {};
  const fullName = text(values, 'fullName') || null;
  if (fullName !== account.fullName) patch.fullName = fullName;
  const role = text(values, 'role') as Role;
  if (role !== account.role) patch.role = role;
  const partnerId = isPartnerRole(role) ? text(values, 'partnerId') || null : null;
  if (partnerId !== account.partnerId) patch.partnerId = partnerId;
  const expiresOn = isoOrNull(values, 'expiresOn');
  if (expiresOn !== account.expiresOn) patch.expiresOn = expiresOn;
  return patch;
}
