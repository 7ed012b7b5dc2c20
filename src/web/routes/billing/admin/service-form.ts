/** The service catalogue's form: values, checks and request bodies; pure, so unit-tested. */
import type { FieldProblem } from '../../../api.ts';
import {
  changedFields,
  errorsByField,
  type FieldErrors,
  type FormValues,
} from '../../../components/form.ts';
import type { Language } from '../../../i18n/catalogues.ts';
import { decimalValue, formatQuantity } from '../customer/billing-format.ts';
import type { BodyOf } from '../../../../contract/endpoint.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import type { ServiceView } from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';

/** What the server accepts as a code: the schema's own rule, checked before sending. */
const CODE = serviceCatalogueApi.create.body.shape.code;

export function serviceValues(service: ServiceView | null, language: Language): FormValues {
  return {
    code: service?.code ?? '',
    nameFi: service?.nameFi ?? '',
    nameSv: service?.nameSv ?? '',
    nameEn: service?.nameEn ?? '',
    unit: service?.unit ?? '',
    unitPrice: service ? formatQuantity(service.unitPrice, language) : '',
    vatRate: service ? formatQuantity(String(service.vatRate), language) : '',
    active: String(service?.active ?? true),
  };
}

/**
 * Beyond the schema's required fields and lengths (useContractForm checks those): a code the
 * server would refuse for its form is named before sending.
 */
export function serviceProblems(values: FormValues): FieldErrors {
  const code = (values.code ?? '').trim();
  const refused = CODE.safeParse(code).error?.issues ?? [];
  return code !== '' && refused.some((issue) => issue.code === 'invalid_format')
    ? { code: { field: 'code', code: 'services.codeFormat', message: '' } }
    : {};
}

/** Price and VAT go as decimal strings: the server reads them exactly, and says what is wrong. */
export function serviceInput(values: FormValues): BodyOf<typeof serviceCatalogueApi.create> {
  const text = (field: string) => (values[field] ?? '').trim();
  return {
    code: text('code'),
    nameFi: text('nameFi'),
    nameSv: text('nameSv'),
    nameEn: text('nameEn'),
    unit: text('unit'),
    unitPrice: decimalValue(text('unitPrice')),
    vatRate: decimalValue(text('vatRate')),
    active: values.active !== 'false',
  };
}

/** Only what changed since the stored service. */
export function servicePatch(
  service: ServiceView,
  values: FormValues,
): BodyOf<typeof serviceCatalogueApi.update> {
  return changedFields(serviceInput(serviceValues(service, 'en')), serviceInput(values));
}

/** The server's errors by field; a code it refused for its form says what a code may hold. */
export function serviceErrors(errors: FieldProblem[] | undefined): FieldErrors {
  const byField = errorsByField(errors);
  if (byField.code?.code === 'invalid_format') {
    byField.code = { ...byField.code, code: 'services.codeFormat' };
  }
  return byField;
}
