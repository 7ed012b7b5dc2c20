/** The billing settings form's values, checks and request body; pure, so unit-tested. */
import type { FieldProblem } from '../../../api.ts';
import {
  addressInput,
  addressValues,
  errorsByField,
  textOrNull,
  type FieldErrors,
  type FormValues,
} from '../../../components/form.ts';
import { fieldRules } from '../../../components/schema-rules.ts';
import type { BodyOf } from '../../../../contract/endpoint.ts';
import { billingSettingsApi } from '../../../../contract/billing-settings/billing-settings.endpoints.ts';
import type { BillingSettingsView } from '../../../../contract/billing-settings/billing-settings.schemas.ts';

export const SELLER_ADDRESS = 'sellerAddress';

/** The whole numbers of the form, by the error that names their range. */
const WHOLE_NUMBERS = {
  paymentTermDays: 'billingSettings.paymentTermDays',
  accountingRetentionYears: 'billingSettings.retentionYears',
  socialRecordsRetentionYears: 'erasure.socialRetentionYears',
} as const;
type WholeNumberField = keyof typeof WHOLE_NUMBERS;

const RANGES = fieldRules(billingSettingsApi.save.body).range;

/** The number's range as the schema states it. */
export function wholeNumberRange(field: WholeNumberField): { min: number; max: number } {
  const range = RANGES.get(field);
  if (range?.min === undefined || range.max === undefined) {
    throw new Error(`the billing settings schema gives ${field} no range`);
  }
  return { min: range.min, max: range.max };
}

/** The error of a number out of its range, naming the range. */
const rangeProblem = (field: WholeNumberField, message = '') => ({
  field,
  code: WHOLE_NUMBERS[field],
  message,
  params: wholeNumberRange(field),
});

/**
 * The stored settings as the form shows them; before the first save, empty where the schema
 * has a default (useContractForm fills in the schema's defaults).
 */
export function billingSettingsValues(settings: BillingSettingsView | null): FormValues {
  return {
    sellerName: settings?.sellerName ?? '',
    sellerBusinessId: settings?.sellerBusinessId ?? '',
    ...addressValues(SELLER_ADDRESS, settings?.sellerAddress),
    iban: settings?.iban ?? '',
    bic: settings?.bic ?? '',
    eInvoiceAddress: settings?.eInvoiceAddress ?? '',
    eInvoiceIntermediator: settings?.eInvoiceIntermediator ?? '',
    paymentTermDays: settings ? String(settings.paymentTermDays) : '',
    referenceFormat: settings?.referenceFormat ?? '',
    accountingRetentionYears: settings ? String(settings.accountingRetentionYears) : '',
    socialRecordsRetentionYears: settings ? String(settings.socialRecordsRetentionYears) : '',
  };
}

const wholeNumber = (values: FormValues, field: WholeNumberField): number | null => {
  const text = (values[field] ?? '').trim();
  const { min, max } = wholeNumberRange(field);
  const value = Number(text);
  return /^\d+$/.test(text) && value >= min && value <= max ? value : null;
};

/**
 * What the form can tell before sending beyond the schema's required fields: numbers missing or
 * out of range. The server checks the business ID, the IBAN, the BIC and the e-invoice address
 * with its own parsers.
 */
export function billingSettingsProblems(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of Object.keys(WHOLE_NUMBERS) as WholeNumberField[]) {
    if (!textOrNull(values, field)) {
      errors[field] = { field, code: 'required', message: '' };
    } else if (wholeNumber(values, field) === null) {
      errors[field] = rangeProblem(field);
    }
  }
  return errors;
}

/** The settings to PUT: the form as a whole, with the empty e-invoice details as null. */
export function billingSettingsInput(values: FormValues): BodyOf<typeof billingSettingsApi.save> {
  return {
    sellerName: (values.sellerName ?? '').trim(),
    sellerBusinessId: (values.sellerBusinessId ?? '').trim(),
    sellerAddress: addressInput(values, SELLER_ADDRESS) ?? {
      street: '',
      postalCode: '',
      postOffice: '',
    },
    iban: (values.iban ?? '').trim(),
    bic: (values.bic ?? '').trim(),
    eInvoiceAddress: textOrNull(values, 'eInvoiceAddress'),
    eInvoiceIntermediator: textOrNull(values, 'eInvoiceIntermediator'),
    paymentTermDays: wholeNumber(values, 'paymentTermDays') ?? 0,
    referenceFormat: (values.referenceFormat ??
      'national') as BillingSettingsView['referenceFormat'],
    accountingRetentionYears: wholeNumber(values, 'accountingRetentionYears') ?? 0,
    socialRecordsRetentionYears: wholeNumber(values, 'socialRecordsRetentionYears') ?? 0,
  };
}

/** The server's errors by field; a number out of its range says what the range is. */
export function billingSettingsErrors(errors: FieldProblem[] | undefined): FieldErrors {
  const byField = errorsByField(errors);
  for (const field of Object.keys(WHOLE_NUMBERS) as WholeNumberField[]) {
    const problem = byField[field];
    if (problem) byField[field] = rangeProblem(field, problem.message);
  }
  return byField;
}
