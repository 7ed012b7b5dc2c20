import type { FieldErrors, FormValues } from '../../../components/form.ts';
import { parseFinnishDate } from '../../../format.ts';
import type { Language } from '../../../i18n/catalogues.ts';
import type { InvoiceViewStatus } from '../../../../contract/invoices/invoices.schemas.ts';
import type { ServiceView } from '../../../../contract/service-catalogue/service-catalogue.schemas.ts';

/** The badge of an invoice's status: what needs attention stands out. */
export const INVOICE_STATUS_BADGE: Record<InvoiceViewStatus, string> = {
  open: 'badge',
  overdue: 'badge badge--warning',
  paid: 'badge badge--active',
  in_collection: 'badge badge--warning',
  credited: 'badge',
};

/** A service's name in the reader's language. */
export const serviceName = (service: ServiceView, language: Language): string =>
  ({ fi: service.nameFi, sv: service.nameSv, en: service.nameEn })[language];

/** Cents as euros the reader's way: 1 234,50 € in Finnish, €1,234.50 in English. */
export function formatEuros(cents: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/** A date field's value as YYYY-MM-DD; undefined when left empty. */
export function dateValue(values: FormValues, path: string): string | undefined {
  const text = (values[path] ?? '').trim();
  return text === '' ? undefined : (parseFinnishDate(text) ?? undefined);
}

/** The date fields given that are not dates. */
export function checkDates(values: FormValues, paths: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of paths) {
    if ((values[path] ?? '').trim() !== '' && dateValue(values, path) === undefined) {
      errors[path] = { field: path, code: 'date.format', message: 'd.m.yyyy' };
    }
  }
  return errors;
}

/** "1.5" as the reader writes it: "1,5" in Finnish and Swedish. */
export function formatQuantity(quantity: string, language: Language): string {
  return language === 'en' ? quantity : quantity.replace('.', ',');
}

/** A quantity or an amount typed with a decimal comma, as the API reads it. */
export const decimalValue = (text: string): string =>
  text.trim().replace(/\s/g, '').replace(',', '.');
