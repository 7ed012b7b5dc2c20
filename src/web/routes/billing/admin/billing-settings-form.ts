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
import type { BodyOf } from '../../../../contract/endpoint.ts';
import type { billingSettingsApi } from '../../../../contract/billing-settings/billing-settings.endpoints.ts';
import type { BillingSettingsView } from '../../../../contract/billing-settings/billing-settings.schemas.ts';

export const SELLER_ADDRESS = 'sellerAddress';

/** The whole numbers of the form, their limits (the server's) and the error that names them. */
const WHOLE_NUMBERS = {
  paymentTermDays: { min: 0, max: 365, code: 'billingSettings.paymentTermDays' },
  accountingRetentionYears: { min: 1, max: 20, code: 'billingSettings.retentionYears' },
  socialRecordsRetentionYears: { min: 1, max: 99, code: 'erasure.socialRetentionYears' },
} as const;
type WholeNumberField = keyof typeof WHOLE_NUMBERS;

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
  const { min, max } = WHOLE_NUMBERS[field];
  const value = Number(text);
  return /^\d{1,3}$/.test(text) && value >= min && value <= max ? value : null;
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
      errors[field] = { field, code: WHOLE_NUMBERS[field].code, message: '' };
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
    if (problem) byField[field] = { ...problem, code: WHOLE_NUMBERS[field].code };
  }
  return byField;
}
