import { BUSINESS_ID_ERRORS } from './business-id.ts';
import { EMAIL_ERRORS } from './email.ts';
import { IBAN_ERRORS } from './iban.ts';
import { IDENTITY_CODE_ERRORS } from './identity-code.ts';
import { E_INVOICE_ADDRESS_ERRORS, INTERMEDIATOR_ERRORS, OVT_ERRORS } from './ovt.ts';
import { PHONE_ERRORS } from './phone.ts';
import { POSTAL_CODE_ERRORS } from './postal-code.ts';
import { NATIONAL_REFERENCE_ERRORS } from './reference.ts';
import { RF_REFERENCE_ERRORS } from './rf-reference.ts';

export * from './result.ts';
export * from './identity-code.ts';
export * from './business-id.ts';
export * from './iban.ts';
export * from './postal-code.ts';
export * from './phone.ts';
export * from './email.ts';
export * from './ovt.ts';
export * from './reference.ts';
export * from './rf-reference.ts';
export * from './virtual-barcode.ts';
export * from './zod.ts';

/** Every code a Finnish identifier parser can return: each needs a fi/sv/en translation. */
export const FINNISH_IDENTIFIER_ERRORS = [
  ...IDENTITY_CODE_ERRORS,
  ...BUSINESS_ID_ERRORS,
  ...IBAN_ERRORS,
  ...POSTAL_CODE_ERRORS,
  ...PHONE_ERRORS,
  ...EMAIL_ERRORS,
  ...OVT_ERRORS,
  ...E_INVOICE_ADDRESS_ERRORS,
  ...INTERMEDIATOR_ERRORS,
  ...NATIONAL_REFERENCE_ERRORS,
  ...RF_REFERENCE_ERRORS,
] as const;
export type FinnishIdentifierError = (typeof FINNISH_IDENTIFIER_ERRORS)[number];
