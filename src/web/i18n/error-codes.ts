import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../contract/field-errors.ts';

export { FIELD_ERROR_CODES as SERVER_ERROR_CODES };

/** The move-in profile form's own checks (a name the API's path takes, the columns it needs). */
export const MOVE_IN_WEB_ERROR_CODES = [
  'moveIn.profileName',
  'moveIn.columnRequired',
  'moveIn.purposeRequired',
] as const;
export type MoveInWebErrorCode = (typeof MOVE_IN_WEB_ERROR_CODES)[number];

/** Codes the web app gives itself: checks before sending, and answers without a code. */
export const WEB_ERROR_CODES = [
  'date.format',
  'password.mismatch',
  'totp.format',
  'euros.format',
  'year.format',
  'socialServices.codeFormat',
  'socialServices.reasonTooShort',
  'services.codeFormat',
  'billingSettings.paymentTermDays',
  'billingSettings.retentionYears',
  /** A disclosure's form without a person. */
  'disclosure.subjectsRequired',
  /** A number outside the range its schema gives (checked before sending). */
  'number.tooSmall',
  'number.tooLarge',
  ...MOVE_IN_WEB_ERROR_CODES,
] as const;

export type ErrorCode = FieldErrorCode | (typeof WEB_ERROR_CODES)[number];
