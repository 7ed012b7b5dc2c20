import type { FinnishIdentifierError } from '../../server/lib/finnish/index.ts';

/** Codes the server's problem documents carry besides the identifier parsers' own. */
export const SERVER_ERROR_CODES = [
  'identityCode.purposeRequired',
  'identityCode.purposeWithoutCode',
  'identityCode.duplicate',
  'personKey.destroyed',
  'businessId.duplicate',
  'organizations.unknown',
  'organizations.duplicate',
  'address.protected',
  'search.tooShort',
  'cursor.invalid',
  'country.unknown',
  'partner.duplicateBusinessId',
  'partner.unknownCustomer',
  'partner.alreadyCovered',
  'search.notInContract',
  'billing.intermediatorRequired',
  'unknownField',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'custom',
  'report.toBeforeFrom',
  'report.tooManyEntries',
  'username.format',
  'username.duplicate',
  'partner.required',
  'partner.notAllowed',
  'partner.unknown',
  'date.invalid',
  'date.past',
  'date.future',
  'commitment.beforePublished',
  'password.wrong',
  'password.tooShort',
  'password.containsUsername',
  'password.common',
  'password.commonVariant',
  'password.unchanged',
  'totp.wrong',
] as const;

/** Codes the web app gives itself: checks before sending, and answers without a code. */
export const WEB_ERROR_CODES = [
  'required',
  'date.format',
  'password.mismatch',
  'totp.format',
] as const;

export type ErrorCode =
  FinnishIdentifierError | (typeof SERVER_ERROR_CODES)[number] | (typeof WEB_ERROR_CODES)[number];
