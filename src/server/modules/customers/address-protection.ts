import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { roleHas, type Role } from '../../../contract/auth/permissions.ts';
import type { ValueSourceKind } from '../../../contract/persons/value-sources.constants.ts';

/** Turvakielto is in force while it is marked active and its end date has not passed. */
export function isAddressProtected(
  row: { addressProtectionActive: boolean; addressProtectionEndsOn: string | null },
  now: Date,
): boolean {
  if (!row.addressProtectionActive) return false;
  return row.addressProtectionEndsOn === null || row.addressProtectionEndsOn >= helsinkiDate(now);
}

/**
 * The roles that record the population register's word: the register officer, who holds DVV's
 * decisions on paper and in its interface. Nobody else does, whatever source they name.
 */
const PROTECTION_RECORDING_ROLES: readonly Role[] = ['register_officer'];

/** What a write of a person gives, as far as address protection is concerned. */
export type AddressWrite = {
  permanentAddress?: unknown;
  contactAddress?: unknown;
  addressProtection?: { active: boolean } | null | undefined;
  billing?: { billingAddress?: unknown } | null | undefined;
};

type StoredProtection = {
  addressProtectionActive: boolean;
  addressProtectionEndsOn: string | null;
  billing: { billingAddress?: unknown } | null;
};

/**
 * The one rule for every write of a person's addresses and address protection (decision 0006):
 * person create and update, and rectification, which applies through update with the request
 * as the source and asks this rule before a field is granted.
 *
 * - Setting, changing or lifting the protection, and changing the permanent or contact address
 *   of a person whose address is protected, is the population register's (DVV) decision: only a
 *   write whose source is `population_register`, made by the register officer, may do it. Any
 *   other source — an update service, a partner, staff, the person themself through a request —
 *   is refused with 403 naming each field.
 * - A reader who may not see a protected address may not change it either, nor the billing
 *   address hidden with it: what they never saw they cannot overwrite. Billing data stays
 *   editable; the hidden billing address is kept as it is (the returned write).
 *
 * `current` is undefined for a new person: a registration without protection sets nothing.
 */
export function checkAddressWrite<W extends AddressWrite>(args: {
  /** The writer's role; `resident` is the person themself in the e-service, who sees their own. */
  role: Role | 'resident';
  sourceKind: ValueSourceKind;
  now: Date;
  current: StoredProtection | undefined;
  write: W;
}): W {
  const { role, sourceKind, now, current, write } = args;
  const protectedNow = current !== undefined && isAddressProtected(current, now);
  const hiddenFromWriter =
    protectedNow && role !== 'resident' && !roleHas(role, 'customers.readProtectedAddress');
  if (hiddenFromWriter) {
    const touched: string[] = (
      ['permanentAddress', 'contactAddress', 'addressProtection'] as const
    ).filter((field) => write[field] !== undefined);
    if (write.billing?.billingAddress) touched.push('billing.billingAddress');
    if (touched.length > 0) {
      throw new AppError('forbidden', 'The address is protected: your role may not change it', {
        errors: touched.map((field) => ({
          field,
          message: 'The address is protected (turvakielto)',
          code: 'address.protected',
        })),
      });
    }
  }

  const refused: FieldError[] = [];
  if (
    write.addressProtection !== undefined &&
    touchesProtection(current, write.addressProtection)
  ) {
    refused.push({
      field: 'addressProtection',
      message:
        'Address protection is set, changed and lifted on the word of the population register (DVV) only',
      code: 'address.populationRegisterOnly',
    });
  }
  if (protectedNow) {
    for (const field of ['permanentAddress', 'contactAddress'] as const) {
      if (write[field] === undefined) continue;
      refused.push({
        field,
        message:
          'The address of a person under address protection is changed on the word of the population register (DVV) only',
        code: 'address.populationRegisterOnly',
      });
    }
  }
  const fromPopulationRegister =
    sourceKind === 'population_register' &&
    role !== 'resident' &&
    PROTECTION_RECORDING_ROLES.includes(role);
  if (refused.length > 0 && !fromPopulationRegister) {
    throw new AppError(
      'forbidden',
      'Only the population register (DVV), recorded by the register officer with DVV as the source, may write address protection or a protected address',
      { errors: refused },
    );
  }

  if (!hiddenFromWriter || !write.billing) return write;
  return {
    ...write,
    billing: { ...write.billing, billingAddress: current?.billing?.billingAddress ?? null },
  };
}

/**
 * Whether a given protection sets, changes or lifts anything. Saying "no protection" of a person
 * who has none (or registering one without it) does not; everything else does, even the same
 * value again, because it records its source as a source of the protection.
 */
function touchesProtection(
  current: StoredProtection | undefined,
  given: { active: boolean } | null,
): boolean {
  const givenActive = given?.active ?? false;
  const storedActive = current?.addressProtectionActive ?? false;
  return givenActive || storedActive;
}
