/** The privacy statement settings form's values and request body; pure, so unit-tested. */
import {
  addressInput,
  addressValues,
  textOrNull,
  type FieldErrors,
  type FormValues,
} from '../../components/form.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';
import type { BodyOf } from '../../../contract/endpoint.ts';
import type { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import {
  EDITABLE_SECTIONS,
  STATEMENT_LANGUAGES,
  type ComplianceLevel,
  type PrivacyStatementSettingsView,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';

export const CONTROLLER_ADDRESS = 'controller.address';
export const CONTACT_ADDRESS = 'contactPerson.address';

type Body = BodyOf<typeof privacyStatementApi.saveSettings>;

const textPath = (section: string, language: string) => `texts.${section}.${language}`;

/** The stored settings as the form shows them; empty before the first save. */
export function privacySettingsValues(settings: PrivacyStatementSettingsView | null): FormValues {
  const values: FormValues = {
    'controller.name': settings?.controller.name ?? '',
    'controller.businessId': settings?.controller.businessId ?? '',
    ...addressValues(CONTROLLER_ADDRESS, settings?.controller.address),
    'controller.email': settings?.controller.email ?? '',
    'controller.phone': settings?.controller.phone ?? '',
    'contactPerson.name': settings?.contactPerson.name ?? '',
    'contactPerson.title': settings?.contactPerson.title ?? '',
    ...addressValues(CONTACT_ADDRESS, settings?.contactPerson.address),
    'contactPerson.phone': settings?.contactPerson.phone ?? '',
    'contactPerson.email': settings?.contactPerson.email ?? '',
    drawnUpOn: settings ? formatDate(settings.drawnUpOn) : '',
    'accessibility.compliance': settings?.accessibility.compliance ?? '',
    'accessibility.assessedOn': settings ? formatDate(settings.accessibility.assessedOn) : '',
  };
  for (const language of STATEMENT_LANGUAGES) {
    values[`registerName.${language}`] = settings?.registerName[language] ?? '';
    for (const section of EDITABLE_SECTIONS) {
      values[textPath(section, language)] = settings?.texts[section]?.[language] ?? '';
    }
    values[`accessibility.knownIssues.${language}`] =
      settings?.accessibility.knownIssues[language] ?? '';
  }
  return values;
}

const DATES = ['drawnUpOn', 'accessibility.assessedOn'];

/** The dates the form can tell are not dates before sending. */
export function privacySettingsProblems(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of DATES) {
    const date = textOrNull(values, path);
    if (date && !parseFinnishDate(date)) {
      errors[path] = { field: path, code: 'date.format', message: 'd.m.yyyy' };
    }
  }
  return errors;
}

const isoDate = (values: FormValues, path: string): string => {
  const date = textOrNull(values, path);
  return date ? (parseFinnishDate(date) ?? date) : '';
};

/** The settings to PUT: the form as a whole, with the empty optional parts as null. */
export function privacySettingsInput(values: FormValues): Body {
  const trimmed = (path: string) => (values[path] ?? '').trim();
  const registerName = Object.fromEntries(
    STATEMENT_LANGUAGES.map((language) => [language, trimmed(`registerName.${language}`)]),
  ) as Body['registerName'];
  const texts = Object.fromEntries(
    EDITABLE_SECTIONS.map((section) => [
      section,
      Object.fromEntries(
        STATEMENT_LANGUAGES.map((language) => [
          language,
          textOrNull(values, textPath(section, language)),
        ]),
      ),
    ]),
  ) as Body['texts'];
  return {
    controller: {
      name: trimmed('controller.name'),
      businessId: textOrNull(values, 'controller.businessId'),
      address: addressInput(values, CONTROLLER_ADDRESS) ?? {
        street: '',
        postalCode: '',
        postOffice: '',
      },
      email: trimmed('controller.email'),
      phone: textOrNull(values, 'controller.phone'),
    },
    contactPerson: {
      name: trimmed('contactPerson.name'),
      title: textOrNull(values, 'contactPerson.title'),
      address: addressInput(values, CONTACT_ADDRESS),
      phone: textOrNull(values, 'contactPerson.phone'),
      email: trimmed('contactPerson.email'),
    },
    registerName,
    drawnUpOn: isoDate(values, 'drawnUpOn'),
    texts,
    accessibility: {
      compliance: (textOrNull(values, 'accessibility.compliance') ?? 'partial') as ComplianceLevel,
      assessedOn: isoDate(values, 'accessibility.assessedOn'),
      knownIssues: Object.fromEntries(
        STATEMENT_LANGUAGES.map((language) => [
          language,
          textOrNull(values, `accessibility.knownIssues.${language}`),
        ]),
      ),
    },
  };
}
