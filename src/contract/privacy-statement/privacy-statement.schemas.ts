import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { zBusinessId, zEmail, zPhone } from '../../finnish/index.ts';
import { addressInput, addressView } from '../customers/customer-data.schemas.ts';

export const STATEMENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

/**
 * The sections of the privacy statement, in the order of the municipality's own statement
 * (../shared/seed/tietosuojaseloste.txt), with retention added as the GDPR asks (Art. 13(2)(a)).
 */
export const STATEMENT_SECTIONS = [
  'drawnUp',
  'controller',
  'contactPerson',
  'registerName',
  'purposes',
  'content',
  'sources',
  'disclosures',
  'transfers',
  'protectionManual',
  'protectionElectronic',
  'cookies',
  'access',
  'rectification',
  'otherRights',
  'retention',
] as const;
export type StatementSection = (typeof STATEMENT_SECTIONS)[number];

/** The parts of the statement the administrator writes; the rest follows the register. */
export const EDITABLE_SECTIONS = [
  'purposes',
  'sources',
  'disclosures',
  'protectionManual',
  'protectionElectronic',
  'access',
] as const satisfies readonly StatementSection[];
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];

const freeText = text({ max: 4000, multiline: true }).nullable().default(null);

/** One free text in the three languages; a missing language shows the Finnish text. */
export const localisedText = z.strictObject({ fi: freeText, sv: freeText, en: freeText });
export type LocalisedText = z.output<typeof localisedText>;

const emptyTexts = () =>
  Object.fromEntries(
    EDITABLE_SECTIONS.map((section) => [section, { fi: null, sv: null, en: null }]),
  ) as Record<EditableSection, LocalisedText>;

/** How far the service meets WCAG 2.1 AA, as the accessibility statement must say (306/2019). */
export const COMPLIANCE_LEVELS = ['full', 'partial', 'none'] as const;
export type ComplianceLevel = (typeof COMPLIANCE_LEVELS)[number];

/** The accessibility statement's own settings; the rest is the controller's and the law's. */
export const accessibilitySettings = z.strictObject({
  compliance: z.enum(COMPLIANCE_LEVELS).default('partial'),
  /** The day the service's accessibility was last assessed. */
  assessedOn: date('business'),
  /** The content known not to be accessible, and why; empty when there is none. */
  knownIssues: localisedText.default({ fi: null, sv: null, en: null }),
});
export type AccessibilitySettings = z.output<typeof accessibilitySettings>;

/** The whole settings row: PUT replaces it. */
export const privacyStatementSettingsInput = z.strictObject({
  /** The controller (rekisterinpitäjä): the municipality. */
  controller: z.strictObject({
    name: text({ max: 200, kind: 'name' }),
    businessId: zBusinessId.nullable().default(null),
    address: addressInput,
    email: zEmail,
    phone: zPhone.nullable().default(null),
  }),
  /** The contact person in matters of the register (yhteyshenkilö). */
  contactPerson: z.strictObject({
    name: text({ max: 200, kind: 'name' }),
    title: text({ max: 200 }).nullable().default(null),
    address: addressInput.nullable().default(null),
    phone: zPhone.nullable().default(null),
    email: zEmail,
  }),
  registerName: z.strictObject({
    fi: text({ max: 200 }),
    sv: text({ max: 200 }),
    en: text({ max: 200 }),
  }),
  /** The day the statement was first drawn up (laatimispäivä). */
  drawnUpOn: date('business'),
  texts: z
    .strictObject(
      Object.fromEntries(EDITABLE_SECTIONS.map((section) => [section, localisedText.optional()])),
    )
    .default({})
    .transform((given) => ({ ...emptyTexts(), ...given })),
  accessibility: accessibilitySettings,
});
export type PrivacyStatementSettingsInput = z.output<typeof privacyStatementSettingsInput>;

const localisedView = z.object({
  fi: z.string().nullable(),
  sv: z.string().nullable(),
  en: z.string().nullable(),
});

export const privacyStatementSettingsView = z.object({
  controller: z.object({
    name: z.string(),
    businessId: z.string().nullable(),
    address: addressView,
    email: z.string(),
    phone: z.string().nullable(),
  }),
  contactPerson: z.object({
    name: z.string(),
    title: z.string().nullable(),
    address: addressView.nullable(),
    phone: z.string().nullable(),
    email: z.string(),
  }),
  registerName: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  drawnUpOn: z.string(),
  texts: z.object(Object.fromEntries(EDITABLE_SECTIONS.map((s) => [s, localisedView]))),
  accessibility: z.object({
    compliance: z.enum(COMPLIANCE_LEVELS),
    assessedOn: z.string(),
    knownIssues: localisedView,
  }),
  updatedAt: z.string(),
  updatedBy: zId.nullable(),
});
export type PrivacyStatementSettingsView = z.infer<typeof privacyStatementSettingsView>;

export const statementQuery = z.strictObject({
  lang: z.enum(STATEMENT_LANGUAGES).default('fi'),
});

/** A piece of a section: a paragraph, a list, or the lines of a contact card. */
export const statementBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('paragraph'),
    text: z.string(),
    /** Set when the text is in another language than the statement (a missing translation). */
    lang: z.enum(STATEMENT_LANGUAGES).optional(),
  }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('contact'), lines: z.array(z.string()) }),
]);
export type StatementBlock = z.infer<typeof statementBlock>;

export const privacyStatement = z.object({
  language: z.enum(STATEMENT_LANGUAGES),
  title: z.string(),
  registerName: z.string(),
  controllerName: z.string(),
  drawnUpOn: z.string(),
  /** The day the statement's content last changed, in any of its sections or languages. */
  lastChangedOn: z.string(),
  sections: z.array(
    z.object({
      key: z.enum(STATEMENT_SECTIONS),
      title: z.string(),
      blocks: z.array(statementBlock),
    }),
  ),
});
export type PrivacyStatement = z.infer<typeof privacyStatement>;
