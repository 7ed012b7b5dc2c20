import type { Role } from '../../../contract/auth/permissions.ts';
import type { AccessAction } from './access-log.ts';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../contract/enums.ts';
export { REPORT_LANGUAGES, type ReportLanguage };

/** The purpose recorded when the report is made; shown translated in later reports. */
export const SUBJECT_REPORT_PURPOSE = 'data subject access request';

/** Logged field names → one phrase each; names that mean the same data share a phrase. */
type FieldPhrase =
  | 'name'
  | 'identityCode'
  | 'identityCodePurpose'
  | 'email'
  | 'phone'
  | 'address'
  | 'permanentAddress'
  | 'contactAddress'
  | 'contact'
  | 'addressProtection'
  | 'language'
  | 'organizations'
  | 'billing'
  | 'notes'
  | 'recordDates'
  | 'archiving'
  | 'accessLog'
  | 'health'
  | 'serviceNeed'
  | 'income'
  | 'bankAccount'
  | 'familyRelation'
  | 'socialClient'
  | 'orders'
  | 'invoice'
  | 'disclosures'
  | 'payments'
  | 'objections'
  | 'requests'
  | 'restriction'
  | 'erasure'
  | 'legalHolds'
  | 'valueSources'
  | 'death';

const FIELD_PHRASES: Record<string, FieldPhrase> = {
  name: 'name',
  firstName: 'name',
  lastName: 'name',
  personalIdentityCode: 'identityCode',
  personalIdentityCodeTemporary: 'identityCode',
  personalIdentityCodePurpose: 'identityCodePurpose',
  email: 'email',
  phone: 'phone',
  phoneDisplay: 'phone',
  address: 'address',
  permanentAddress: 'permanentAddress',
  contactAddress: 'contactAddress',
  contact: 'contact',
  addressProtected: 'addressProtection',
  addressProtection: 'addressProtection',
  language: 'language',
  organizations: 'organizations',
  billing: 'billing',
  notes: 'notes',
  createdAt: 'recordDates',
  updatedAt: 'recordDates',
  archivedAt: 'archiving',
  accessLog: 'accessLog',
  health: 'health',
  serviceNeed: 'serviceNeed',
  income: 'income',
  bankAccount: 'bankAccount',
  familyRelation: 'familyRelation',
  socialClient: 'socialClient',
  orders: 'orders',
  // The columns of a disclosure's file (decision 0013).
  street: 'address',
  postalCode: 'address',
  postOffice: 'address',
  country: 'address',
  billingStreet: 'billing',
  billingPostalCode: 'billing',
  billingPostOffice: 'billing',
  billingCountry: 'billing',
  eInvoiceAddress: 'billing',
  eInvoiceIntermediator: 'billing',
  debtorName: 'name',
  debtorStreet: 'address',
  debtorPostalCode: 'address',
  debtorPostOffice: 'address',
  debtorCountry: 'address',
  invoiceNumber: 'invoice',
  reference: 'invoice',
  invoiceDate: 'invoice',
  dueDate: 'invoice',
  total: 'invoice',
  openAmount: 'invoice',
  disclosure: 'disclosures',
  invoices: 'invoice',
  payments: 'payments',
  objections: 'objections',
  requests: 'requests',
  restriction: 'restriction',
  erasure: 'erasure',
  legalHolds: 'legalHolds',
  valueSources: 'valueSources',
  deceasedOn: 'death',
};

export type ReportTexts = {
  locale: string;
  fileName: string;
  title: string;
  intro: string;
  person: string;
  period: string;
  madeAt: string;
  madeBy: string;
  count: (n: number) => string;
  none: string;
  page: (page: number, pages: number) => string;
  columns: {
    time: string;
    action: string;
    user: string;
    role: string;
    organisation: string;
    data: string;
    purpose: string;
  };
  ownStaff: string;
  unknownUser: string;
  unknownPartner: string;
  actions: Record<AccessAction, string>;
  /** A disclosure's action, naming the recipient. */
  disclosedTo: (recipient: string) => string;
  /** Staff roles, and the resident acting in the e-service (decision 0032). */
  roles: Record<Role | 'resident', string>;
  fields: Record<FieldPhrase, string>;
  purposes: Record<string, string>;
};

export const REPORT_TEXTS: Record<ReportLanguage, ReportTexts> = {
  fi: {
    locale: 'fi-FI',
    fileName: 'kasittelyloki',
    title: 'Henkilötietojen käsittelyloki',
    intro:
      'Asiakasrekisterin käyttölokiin kirjatut henkilön tietojen katselut, haut ja muutokset ' +
      '(EU:n yleinen tietosuoja-asetus, 15 artikla; laki julkisen hallinnon tiedonhallinnasta 17 §).',
    person: 'Henkilö',
    period: 'Ajanjakso',
    madeAt: 'Tulostettu',
    madeBy: 'Tulostaja',
    count: (n) => (n === 1 ? '1 tapahtuma' : `${n} tapahtumaa`),
    none: 'Ajanjaksolla ei ole kirjattu henkilön tietojen käsittelyä.',
    page: (page, pages) => `Sivu ${page}/${pages}`,
    columns: {
      time: 'Aika',
      action: 'Toiminto',
      user: 'Käsittelijä',
      role: 'Rooli',
      organisation: 'Organisaatio',
      data: 'Tiedot',
      purpose: 'Käyttötarkoitus',
    },
    ownStaff: 'Kunta (oma henkilöstö)',
    unknownUser: 'Tuntematon käyttäjä',
    unknownPartner: 'Sopimuskumppani (poistettu rekisteristä)',
    actions: {
      read: 'Tietojen katselu',
      search: 'Haku (henkilö oli hakutuloksissa)',
      create: 'Tietojen tallennus',
      update: 'Tietojen muutos',
      archive: 'Arkistointi',
      reveal: 'Henkilötunnuksen katselu',
      report: 'Käsittelylokin tulostus',
      print: 'Tulostus',
      breakGlass: 'Tietojen avaaminen ilman asiakassuhdetta (perusteltu)',
      disclose: 'Tietojen luovutus',
      export: 'Tietojen vienti tiedostoon (esim. postituslista)',
    },
    disclosedTo: (recipient) => `Tietojen luovutus: ${recipient}`,
    roles: {
      admin: 'pääkäyttäjä',
      customer_service: 'asiakaspalvelu',
      billing: 'laskutus',
      social_worker: 'sosiaalityöntekijä',
      register_officer: 'rekisterivastaava',
      auditor: 'tarkastaja',
      contractor: 'sopimuskumppani',
      resident: 'rekisteröity itse (asiointipalvelu)',
    },
    fields: {
      name: 'nimi',
      identityCode: 'henkilötunnus',
      identityCodePurpose: 'henkilötunnuksen käsittelyperuste',
      email: 'sähköposti',
      phone: 'puhelinnumero',
      address: 'osoite',
      permanentAddress: 'vakinainen osoite',
      contactAddress: 'yhteysosoite',
      contact: 'yhteystiedot',
      addressProtection: 'turvakielto',
      language: 'asiointikieli',
      organizations: 'edustetut organisaatiot',
      billing: 'laskutustiedot',
      notes: 'lisätiedot',
      recordDates: 'tallennus- ja muutosajat',
      archiving: 'arkistointi',
      accessLog: 'käyttöloki',
      health: 'terveystiedot',
      serviceNeed: 'palvelutarve',
      income: 'tulot ja varallisuus',
      bankAccount: 'pankkitili',
      familyRelation: 'perhesuhteet',
      socialClient: 'sosiaalihuollon asiakkuus',
      orders: 'tilaukset',
      invoice: 'laskun tiedot',
      disclosures: 'tietojen luovutukset',
      payments: 'maksut',
      objections: 'kiellot',
      requests: 'pyynnöt',
      restriction: 'käsittelyn rajoittaminen',
      erasure: 'tietojen poistaminen',
      legalHolds: 'säilytysvelvoitteet',
      valueSources: 'tietojen lähteet',
      death: 'kuolinpäivä',
    },
    purposes: {
      [SUBJECT_REPORT_PURPOSE]: 'rekisteröidyn tarkastuspyyntö',
      credit_decision: 'luottopäätös',
      debt_collection: 'perintä',
      billing: 'laskutus',
      value_added_service: 'lisäarvopalvelu',
      legal_obligation: 'lakisääteinen velvoite',
    },
  },
  sv: {
    locale: 'sv-FI',
    fileName: 'behandlingslogg',
    title: 'Logg över behandlingen av personuppgifter',
    intro:
      'Visningar, sökningar och ändringar av personens uppgifter som registrerats i kundregistrets ' +
      'användningslogg (EU:s allmänna dataskyddsförordning, artikel 15; lagen om informationshantering ' +
      'inom den offentliga förvaltningen 17 §).',
    person: 'Person',
    period: 'Period',
    madeAt: 'Utskriven',
    madeBy: 'Utskriven av',
    count: (n) => (n === 1 ? '1 händelse' : `${n} händelser`),
    none: 'Ingen behandling av personens uppgifter har registrerats under perioden.',
    page: (page, pages) => `Sida ${page}/${pages}`,
    columns: {
      time: 'Tid',
      action: 'Åtgärd',
      user: 'Behandlare',
      role: 'Roll',
      organisation: 'Organisation',
      data: 'Uppgifter',
      purpose: 'Ändamål',
    },
    ownStaff: 'Kommunen (egen personal)',
    unknownUser: 'Okänd användare',
    unknownPartner: 'Avtalspartner (borttagen ur registret)',
    actions: {
      read: 'Visning av uppgifter',
      search: 'Sökning (personen fanns bland sökresultaten)',
      create: 'Registrering av uppgifter',
      update: 'Ändring av uppgifter',
      archive: 'Arkivering',
      reveal: 'Visning av personbeteckningen',
      report: 'Utskrift av behandlingsloggen',
      print: 'Utskrift',
      breakGlass: 'Uppgifterna öppnade utan klientrelation (med motivering)',
      disclose: 'Utlämnande av uppgifter',
      export: 'Export av uppgifter till en fil (t.ex. utskickslista)',
    },
    disclosedTo: (recipient) => `Utlämnande av uppgifter: ${recipient}`,
    roles: {
      admin: 'huvudanvändare',
      customer_service: 'kundtjänst',
      billing: 'fakturering',
      social_worker: 'socialarbetare',
      register_officer: 'registeransvarig',
      auditor: 'granskare',
      contractor: 'avtalspartner',
      resident: 'den registrerade själv (e-tjänsten)',
    },
    fields: {
      name: 'namn',
      identityCode: 'personbeteckning',
      identityCodePurpose: 'grund för behandling av personbeteckningen',
      email: 'e-post',
      phone: 'telefonnummer',
      address: 'adress',
      permanentAddress: 'stadigvarande adress',
      contactAddress: 'kontaktadress',
      contact: 'kontaktuppgifter',
      addressProtection: 'spärrmarkering',
      language: 'kontaktspråk',
      organizations: 'organisationer som personen företräder',
      billing: 'faktureringsuppgifter',
      notes: 'tilläggsuppgifter',
      recordDates: 'tidpunkter för registrering och ändring',
      archiving: 'arkivering',
      accessLog: 'användningslogg',
      health: 'hälsouppgifter',
      serviceNeed: 'servicebehov',
      income: 'inkomster och förmögenhet',
      bankAccount: 'bankkonto',
      familyRelation: 'familjeförhållanden',
      socialClient: 'klientskap inom socialvården',
      orders: 'beställningar',
      invoice: 'fakturauppgifter',
      disclosures: 'utlämnanden av uppgifter',
      payments: 'betalningar',
      objections: 'förbud',
      requests: 'begäranden',
      restriction: 'begränsning av behandlingen',
      erasure: 'radering av uppgifterna',
      legalHolds: 'bevarandeskyldigheter',
      valueSources: 'uppgifternas källor',
      death: 'dödsdag',
    },
    purposes: {
      [SUBJECT_REPORT_PURPOSE]: 'den registrerades begäran om insyn',
      credit_decision: 'kreditbeslut',
      debt_collection: 'indrivning',
      billing: 'fakturering',
      value_added_service: 'mervärdestjänst',
      legal_obligation: 'lagstadgad skyldighet',
    },
  },
  en: {
    locale: 'en-GB',
    fileName: 'processing-log',
    title: 'Record of the processing of personal data',
    intro:
      "Views, searches and changes of the person's data recorded in the customer register's " +
      'access log (EU General Data Protection Regulation, Article 15; Finnish Act on Information ' +
      'Management in Public Administration, section 17).',
    person: 'Person',
    period: 'Period',
    madeAt: 'Printed',
    madeBy: 'Printed by',
    count: (n) => (n === 1 ? '1 entry' : `${n} entries`),
    none: "No processing of the person's data was recorded in the period.",
    page: (page, pages) => `Page ${page} of ${pages}`,
    columns: {
      time: 'Time',
      action: 'Action',
      user: 'Processed by',
      role: 'Role',
      organisation: 'Organisation',
      data: 'Data',
      purpose: 'Purpose',
    },
    ownStaff: "The municipality's own staff",
    unknownUser: 'Unknown user',
    unknownPartner: 'Contractor (removed from the register)',
    actions: {
      read: 'Viewed the data',
      search: 'Search (the person was among the results)',
      create: 'Registered the data',
      update: 'Changed the data',
      archive: 'Archived',
      reveal: 'Viewed the identity code',
      report: 'Printed this record',
      print: 'Printed',
      breakGlass: 'Opened without a client relationship (with a stated reason)',
      disclose: 'Disclosed the data',
      export: 'Exported the data to a file (e.g. a mailing list)',
    },
    disclosedTo: (recipient) => `Disclosed the data to ${recipient}`,
    roles: {
      admin: 'administrator',
      customer_service: 'customer service',
      billing: 'billing',
      social_worker: 'social worker',
      register_officer: 'register officer',
      auditor: 'auditor',
      contractor: 'contractor',
      resident: 'the data subject themself (e-service)',
    },
    fields: {
      name: 'name',
      identityCode: 'personal identity code',
      identityCodePurpose: 'reason for keeping the identity code',
      email: 'email',
      phone: 'phone number',
      address: 'address',
      permanentAddress: 'permanent address',
      contactAddress: 'contact address',
      contact: 'contact details',
      addressProtection: 'address protection',
      language: 'language',
      organizations: 'organisations represented',
      billing: 'billing details',
      notes: 'notes',
      recordDates: 'dates of registration and change',
      archiving: 'archiving',
      accessLog: 'access log',
      health: 'health data',
      serviceNeed: 'service needs',
      income: 'income and assets',
      bankAccount: 'bank account',
      familyRelation: 'family relations',
      socialClient: 'social-services client relationship',
      orders: 'orders',
      invoice: 'invoice details',
      disclosures: 'disclosures of the data',
      payments: 'payments',
      objections: 'prohibitions',
      requests: 'requests',
      restriction: 'restriction of processing',
      erasure: 'erasure of the data',
      legalHolds: 'legal holds',
      valueSources: 'sources of the data',
      death: 'date of death',
    },
    purposes: {
      [SUBJECT_REPORT_PURPOSE]: 'data subject access request',
      credit_decision: 'credit decision',
      debt_collection: 'debt collection',
      billing: 'billing',
      value_added_service: 'value-added service',
      legal_obligation: 'legal obligation',
    },
  },
};

/** The logged field names in words, each phrase once, in the order first logged. */
export function fieldsInWords(texts: ReportTexts, fields: readonly string[]): string[] {
  const words = fields.map((field) => {
    const phrase = FIELD_PHRASES[field];
    return phrase ? texts.fields[phrase] : field;
  });
  return [...new Set(words)];
}

export function actionInWords(texts: ReportTexts, action: string): string {
  return (texts.actions as Record<string, string>)[action] ?? action;
}

export function roleInWords(texts: ReportTexts, role: string | null): string {
  if (role === null) return '';
  return (texts.roles as Record<string, string>)[role] ?? role;
}

export function purposeInWords(texts: ReportTexts, purpose: string | null): string {
  if (purpose === null) return '';
  return texts.purposes[purpose] ?? purpose;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and style: making one is far slower than using it. */
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formats.set(key, formatter);
  }
  return formatter;
}

/** An instant as the language writes a date and time, in Helsinki. */
export function dateTimeInWords(texts: ReportTexts, instant: Date): string {
  return format(texts.locale, {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(instant);
}

/** A calendar date (YYYY-MM-DD) as the language writes it. */
export function dateInWords(texts: ReportTexts, date: string): string {
  return format(texts.locale, { timeZone: 'UTC', dateStyle: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
