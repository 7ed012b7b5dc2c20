import { MARKINGS } from '../../lib/pdf-pages.ts';
import type { LegalBasis } from '../../db/schema/disclosures.ts';
import type { ObjectionSource, ObjectionType } from '../../db/schema/objections.ts';
import type {
  IdentityMethod,
  RequestChannel,
  RequestLanguage,
  RequestOutcome,
  RequestStatus,
  RequestType,
} from '../../db/schema/requests.ts';
import type { ValueSourceKind } from '../../db/schema/value-sources.ts';
import {
  CATEGORY_KEYS,
  type CategoryKey,
  PURPOSES,
  type Purpose,
  SOURCES,
  type Source,
  RECIPIENTS,
  type Recipient,
  RETENTIONS,
  type Retention,
  RIGHTS,
  type Right,
} from '../../../contract/enums.ts';
export {
  CATEGORY_KEYS,
  type CategoryKey,
  PURPOSES,
  type Purpose,
  SOURCES,
  type Source,
  RECIPIENTS,
  type Recipient,
  RETENTIONS,
  type Retention,
  RIGHTS,
  type Right,
};

/**
 * The words of the answer to an access request (decision 0016) in the request's language: a
 * document handed to a member of the public, so plain words, the privacy statement's purposes,
 * sources and recipients, and the person's rights with how to use them.
 */
export type PackageLanguage = RequestLanguage;

/** The retention periods the settings hold, in years. */
export type RetentionYears = {
  accounting: number;
  socialRecords: number;
  /** Years after the last relationship, and after death (retention settings, decision 0034). */
  customer: number;
  deceased: number;
};

type Labels = {
  firstName: string;
  lastName: string;
  health: string;
  identityCode: string;
  identityCodeTemporary: string;
  identityCodePurpose: string;
  email: string;
  phone: string;
  permanentAddress: string;
  contactAddress: string;
  addressProtection: string;
  addressProtectionEndsOn: string;
  addressProtectionSource: string;
  language: string;
  billingAddress: string;
  eInvoiceAddress: string;
  eInvoiceIntermediator: string;
  ovt: string;
  organization: string;
  businessId: string;
  title: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string;
  order: string;
  status: string;
  deliveredOn: string;
  retainUntil: string;
  line: string;
  quantity: string;
  unitPrice: string;
  vat: string;
  total: string;
  invoice: string;
  creditNote: string;
  invoiceDate: string;
  dueDate: string;
  reference: string;
  net: string;
  delivery: string;
  recipientOnInvoice: string;
  payment: string;
  paidOn: string;
  credits: string;
  creditedBy: string;
  disclosedAt: string;
  recipient: string;
  country: string;
  legalBasis: string;
  purpose: string;
  fieldsSent: string;
  fieldsWithheld: string;
  handedOver: string;
  unit: string;
  period: string;
  date: string;
  category: string;
  text: string;
  source: string;
  needType: string;
  assessedOn: string;
  decisionReference: string;
  year: string;
  annualIncome: string;
  totalAssets: string;
  recordedOn: string;
  iban: string;
  accountPurpose: string;
  relation: string;
  requestType: string;
  receivedOn: string;
  channel: string;
  dueOn: string;
  identityVerified: string;
  extension: string;
  decision: string;
  answeredOn: string;
  attachments: string;
  objection: string;
  valueSources: string;
  current: string;
  earlier: string;
  time: string;
  action: string;
  user: string;
  data: string;
};

export type PackageTexts = {
  locale: string;
  fileName: string;
  marking: string;
  title: string;
  intro: string;
  controller: string;
  requestLine: (number: number, receivedOn: string) => string;
  person: string;
  generatedAt: string;
  contents: string;
  none: string;
  yes: string;
  no: string;
  page: (page: number, pages: number) => string;
  notesLeftOut: string;
  familyNote: string;
  processingNote: (from: string, to: string) => string;
  notClient: string;
  about: { purposes: string; sources: string; recipients: string; retention: string };
  categories: Record<CategoryKey, string>;
  labels: Labels;
  purposes: Record<Purpose, string>;
  sources: Record<Source, string>;
  recipients: Record<Recipient, string>;
  retention: Record<Retention, (years: RetentionYears) => string>;
  rightsTitle: string;
  rights: Record<Right, string>;
  howTo: (controller: string, address: string) => string;
  ombudsman: string;
  valueSourceKinds: Record<ValueSourceKind, string>;
  orderStatus: Record<string, string>;
  invoiceStatus: Record<string, string>;
  delivery: Record<string, string>;
  legalBases: Record<LegalBasis, string>;
  omission: Record<string, string>;
  toDataSubject: string;
  requestTypes: Record<RequestType, string>;
  requestStatus: Record<RequestStatus, string>;
  outcomes: Record<RequestOutcome, string>;
  channels: Record<RequestChannel, string>;
  methods: Record<IdentityMethod, string>;
  languages: Record<string, string>;
  relations: Record<string, string>;
  needStatus: Record<string, string>;
  identityCodePurposes: Record<string, string>;
  objectionKinds: Record<ObjectionType, string>;
  objectionSources: Record<ObjectionSource, string>;
  withdrawnOn: string;
};

const OMBUDSMAN_CONTACT =
  'Lintulahdenkuja 4, 00530 Helsinki · PL 800, 00531 Helsinki · tietosuoja@om.fi · 029 566 6700 · www.tietosuoja.fi';

export const PACKAGE_TEXTS: Record<PackageLanguage, PackageTexts> = {
  fi: {
    locale: 'fi-FI',
    fileName: 'tarkastusvastaus',
    marking: MARKINGS.socialWelfare.fi,
    title: 'Vastaus tarkastuspyyntöön: rekisteriin tallennetut tietosi',
    intro:
      'Tässä ovat kaikki tiedot, jotka asiakasrekisteriin on tallennettu sinusta, luokittain: mistä ne on saatu, mihin niitä käytetään, kenelle niitä luovutetaan ja kuinka kauan niitä säilytetään, sekä oikeutesi (EU:n yleinen tietosuoja-asetus, 15 artikla).',
    controller: 'Rekisterinpitäjä',
    requestLine: (number, receivedOn) => `Pyyntö nro ${number}, saapunut ${receivedOn}`,
    person: 'Rekisteröity',
    generatedAt: 'Koottu',
    contents: 'Pyyntö',
    none: 'Ei tietoja.',
    yes: 'kyllä',
    no: 'ei',
    page: (page, pages) => `Sivu ${page}/${pages}`,
    notesLeftOut:
      'Käsittelijöiden sisäiset työmuistiinpanot eivät kuulu vastaukseen (päätös 0015).',
    familyNote:
      'Perhesuhteista näytetään vain suhde ja sen voimassaolo, ei sukulaisen tietoja: ne ovat toisen henkilön tietoja.',
    processingNote: (from, to) => `Tietojasi käsitelleet ajalla ${from}–${to}.`,
    notClient: 'Et ole sosiaalipalveluiden asiakas.',
    about: {
      purposes: 'Käyttötarkoitukset',
      sources: 'Tietolähteet',
      recipients: 'Vastaanottajat',
      retention: 'Säilytysaika',
    },
    categories: {
      identity: 'Henkilöllisyys',
      contact: 'Yhteystiedot',
      language: 'Asiointikieli',
      billing: 'Laskutustiedot',
      organizations: 'Edustamasi organisaatiot',
      customerRecord: 'Asiakastietue',
      orders: 'Tilaukset',
      invoices: 'Laskut',
      disclosures: 'Tietojesi luovutukset',
      socialServices: 'Sosiaalipalvelut (erityiset henkilötietoryhmät)',
      familyRelations: 'Perhesuhteet',
      requests: 'Tietosuojapyyntösi',
      objections: 'Kiellot ja vastustukset',
      processing: 'Ketkä ovat käsitelleet tietojasi',
    },
    labels: {
      firstName: 'Etunimi',
      health: 'Terveystieto',
      lastName: 'Sukunimi',
      identityCode: 'Henkilötunnus',
      identityCodeTemporary: 'Väliaikainen tunnus',
      identityCodePurpose: 'Henkilötunnuksen käsittelyn peruste',
      email: 'Sähköposti',
      phone: 'Puhelin',
      permanentAddress: 'Vakituinen osoite',
      contactAddress: 'Yhteysosoite',
      addressProtection: 'Turvakielto',
      addressProtectionEndsOn: 'Turvakielto päättyy',
      addressProtectionSource: 'Turvakiellon lähde',
      language: 'Kieli',
      billingAddress: 'Laskutusosoite',
      eInvoiceAddress: 'Verkkolaskuosoite',
      eInvoiceIntermediator: 'Välittäjä',
      ovt: 'OVT-tunnus',
      organization: 'Organisaatio',
      businessId: 'Y-tunnus',
      title: 'Tehtävä',
      notes: 'Lisätiedot',
      createdAt: 'Tallennettu',
      updatedAt: 'Muutettu',
      archivedAt: 'Arkistoitu',
      order: 'Tilaus',
      status: 'Tila',
      deliveredOn: 'Toimitettu',
      retainUntil: 'Säilytetään',
      line: 'Rivi',
      quantity: 'Määrä',
      unitPrice: 'Yksikköhinta',
      vat: 'ALV',
      total: 'Yhteensä',
      invoice: 'Lasku',
      creditNote: 'Hyvityslasku',
      invoiceDate: 'Laskun päivä',
      dueDate: 'Eräpäivä',
      reference: 'Viitenumero',
      net: 'Veroton',
      delivery: 'Toimitustapa',
      recipientOnInvoice: 'Laskun vastaanottaja',
      payment: 'Maksu',
      paidOn: 'Maksettu',
      credits: 'Hyvittää laskun',
      creditedBy: 'Hyvitetty laskulla',
      disclosedAt: 'Luovutettu',
      recipient: 'Vastaanottaja',
      country: 'Maa',
      legalBasis: 'Peruste',
      purpose: 'Käyttötarkoitus',
      fieldsSent: 'Luovutetut tiedot',
      fieldsWithheld: 'Luovuttamatta jätetyt tiedot',
      handedOver: 'Luovutettu',
      unit: 'Yksikkö',
      period: 'Ajanjakso',
      date: 'Päivä',
      category: 'Luokka',
      text: 'Teksti',
      source: 'Lähde',
      needType: 'Palvelutarve',
      assessedOn: 'Arvioitu',
      decisionReference: 'Päätöksen tunnus',
      year: 'Vuosi',
      annualIncome: 'Vuositulot',
      totalAssets: 'Kokonaisvarallisuus',
      recordedOn: 'Kirjattu',
      iban: 'Tilinumero',
      accountPurpose: 'Tilin käyttötarkoitus',
      relation: 'Suhde',
      requestType: 'Pyyntö',
      receivedOn: 'Saapunut',
      channel: 'Tapa',
      dueOn: 'Määräpäivä',
      identityVerified: 'Henkilöllisyys todennettu',
      extension: 'Määräajan pidennys',
      decision: 'Ratkaisu',
      answeredOn: 'Vastattu',
      attachments: 'Liitteet',
      objection: 'Kielto',
      valueSources: 'Tietojen lähteet',
      current: 'nykyinen arvo',
      earlier: 'aiempi arvo',
      time: 'Aika',
      action: 'Toiminto',
      user: 'Käsittelijä',
      data: 'Tiedot',
    },
    purposes: {
      customerRegister: 'Asiakasrekisterin ylläpito',
      orders: 'Tilausten hallinnointi, arkistointi ja käsittely',
      customerRelationship: 'Asiakassuhteen hoitaminen',
      development: 'Kunnan toiminnan kehittäminen ja tilastointi (vain koostetusti)',
      targeting:
        'Sisällön ja mainonnan kohdentaminen kunnan omissa palveluissa luovuttamatta tietoja ulkopuolisille (ei, jos olet kieltänyt)',
      publishedLists:
        'Luettelot, esim. postitustarrat suoramainontaan (ei, jos olet kieltänyt tai sinulla on turvakielto)',
      billing: 'Laskutus ja kirjanpito',
      socialServices: 'Sosiaalihuollon palvelujen järjestäminen ja toteuttaminen',
      dataSubjectRights: 'Tietosuojaoikeuksiesi toteuttaminen',
      legalObligation:
        'Lakisääteiset velvoitteet (käyttöloki ja luovutusten kirjaus, tiedonhallintalaki 17 §)',
    },
    sources: {
      dataSubject: 'Sinä itse (rekisteröityminen ja ilmoituksesi asiakassuhteen aikana)',
      populationRegister: 'Digi- ja väestötietovirasto (väestötietojärjestelmä)',
      updateServices: 'Osoitepäivityspalvelut (esim. Posti)',
      subcontractors: 'Palvelun tuottamiseen osallistuvat alihankkijat',
      partners: 'Yhteistyökumppaneiden digitaaliset palvelut',
      municipality: 'Kunta itse (syntyy asiakassuhteessa)',
      socialWorkers: 'Sosiaalihuollon työntekijät asiakastyössä',
    },
    recipients: {
      municipalityStaff: 'Vain kunnan nimetty henkilöstö ja kunnan lukuun toimivat käsittelijät',
      processors:
        'Kunnan sopimuskumppanit teknisten rajapintojen kautta vain kunnan asiakassuhdetta varten',
      collection: 'Perintätoimisto erääntyneen laskun perintää varten',
      creditDecision: 'Luottopäätöksen tekijä tai viranomainen vain lain velvoittaessa',
      legalObligation: 'Viranomaiset vain lain velvoittaessa',
      socialUnits: 'Vain asiakkuutesi sosiaalihuollon yksiköiden työntekijät',
      dataSubjectOnly: 'Ei luovuteta; kirjaus on sinua itseäsi varten',
    },
    retention: {
      customer: (years) =>
        `Asiakassuhteen ajan. Tiedot poistetaan, kun viimeisestä tilauksesta, laskusta, pyynnöstä, ilmoituksesta, asiakkuudesta tai yhteydenotosta on kulunut ${years.customer} vuotta (kuolleen henkilön tiedot ${years.deceased} vuoden kuluttua kuolemasta), ellei laki, maksamaton lasku tai perintä estä poistamista.`,
      accounting: (years) =>
        `Kirjanpitoaineistona ${years.accounting} vuotta tilikauden päättymisestä (kirjanpitolaki).`,
      social: (years) =>
        `Sosiaalihuollon asiakasasiakirjat ${years.socialRecords} vuotta asiakkuuden päättymisestä, ellei laki vaadi pidempää aikaa; asiakaskertomus kaksi vuotta kuoleman jälkeen.`,
      requests: () => 'Niin kauan kuin on tarpeen osoittaa, miten pyyntö käsiteltiin.',
      disclosures: () =>
        'Luovutuskirjaukset niin kauan kuin laki edellyttää (tiedonhallintalaki 17 §).',
      accessLog: () => 'Käyttöloki niin kauan kuin laki edellyttää (tiedonhallintalaki 17 §).',
    },
    rightsTitle: 'Oikeutesi ja niiden käyttäminen',
    rights: {
      access:
        'Oikeus tarkastaa tietosi (tämä vastaus). Pyynnön voi tehdä suomeksi, ruotsiksi tai englanniksi, ja se on allekirjoitettava (vahva sähköinen tunnistus käy allekirjoituksesta).',
      rectification:
        'Oikeus vaatia virheellisen, tarpeettoman, puutteellisen tai vanhentuneen tiedon korjaamista. Kerro, mikä tieto korjataan ja miksi. Korjauksesta ilmoitetaan tiedon lähteelle ja niille, joille tieto on luovutettu.',
      erasure:
        'Oikeus vaatia tietojesi poistamista, ellei laki, avoimet laskut tai perintä estä sitä.',
      restriction:
        'Oikeus vaatia käsittelyn rajoittamista tietosuoja-asetuksen 18 artiklan mukaan.',
      objection:
        'Oikeus kieltää tietojesi käyttö ja luovutus suoramainontaan, etämyyntiin ja suoramarkkinointiin, markkina- ja mielipidetutkimukseen, luetteloihin ja kohdentamiseen. Suoramarkkinoinnin kielto on ehdoton.',
      portability: 'Tämä vastaus on myös koneluettavana JSON-tiedostona.',
      complaint:
        'Jos kieltäydymme korjaamasta tai katsot, että tietojasi käsitellään lainvastaisesti, voit saattaa asian tietosuojavaltuutetun ratkaistavaksi.',
    },
    howTo: (controller, address) =>
      `Oikeuksiasi käytät ottamalla yhteyttä rekisterin yhteyshenkilöön tai kunnan neuvontaan: ${controller}, ${address}. Pyyntöön vastataan kuukauden kuluessa.`,
    ombudsman: `Tietosuojavaltuutetun toimisto: ${OMBUDSMAN_CONTACT}`,
    valueSourceKinds: {
      data_subject: 'sinä itse',
      population_register: 'väestötietojärjestelmä',
      update_service: 'päivityspalvelu',
      import: 'aiemman rekisterin siirto',
      partner: 'yhteistyökumppani',
      staff: 'kunnan henkilöstö',
      request: 'tietosuojapyyntösi',
    },
    orderStatus: {
      draft: 'luonnos',
      confirmed: 'vahvistettu',
      delivered: 'toimitettu',
      cancelled: 'peruttu',
    },
    invoiceStatus: {
      open: 'avoin',
      paid: 'maksettu',
      in_collection: 'perinnässä',
      credited: 'hyvitetty',
    },
    delivery: { paper: 'paperilasku', einvoice: 'verkkolasku' },
    legalBases: {
      credit_decision: 'luottopäätös',
      debt_collection: 'perintä',
      billing: 'laskutus',
      value_added_service: 'lisäarvopalvelu',
      legal_obligation: 'lakisääteinen velvoite',
    },
    omission: {
      protectedAddress: 'turvakielto',
      notApplicable: 'ei koske sinua',
      objection: 'kieltosi',
      restricted: 'käsittelyn rajoittaminen',
    },
    toDataSubject: 'Sinä itse',
    requestTypes: {
      access: 'tarkastuspyyntö',
      rectification: 'korjauspyyntö',
      erasure: 'poistopyyntö',
      objection: 'kielto tai vastustus',
      restriction: 'käsittelyn rajoittamispyyntö',
    },
    requestStatus: {
      received: 'vastaanotettu',
      identity_verified: 'henkilöllisyys todennettu',
      in_progress: 'käsittelyssä',
      decided: 'ratkaistu',
      answered: 'vastattu',
    },
    outcomes: {
      granted: 'hyväksytty',
      partly_granted: 'osittain hyväksytty',
      refused: 'hylätty',
    },
    channels: {
      letter: 'kirje',
      email: 'sähköposti',
      counter: 'asiointipiste',
      e_service: 'sähköinen asiointi',
    },
    methods: {
      signed_letter: 'allekirjoitettu kirje',
      strong_identification: 'vahva sähköinen tunnistus',
      in_person: 'henkilökohtaisesti henkilöllisyystodistuksella',
    },
    languages: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
    relations: {
      spouse: 'puoliso',
      child: 'lapsi',
      parent: 'vanhempi',
      guardian: 'huoltaja',
      ward: 'huollettava',
      other: 'muu läheinen',
    },
    needStatus: {
      identified: 'todettu',
      assessment: 'arvioinnissa',
      granted: 'myönnetty',
      refused: 'evätty',
      ended: 'päättynyt',
    },
    objectionKinds: {
      direct_marketing: 'suoramainonta',
      distance_selling: 'etämyynti',
      market_research: 'markkina- ja mielipidetutkimus',
      published_list: 'luettelot',
      targeting: 'kohdentaminen',
    },
    identityCodePurposes: {
      consent: 'suostumuksesi',
      legal_obligation: 'lakisääteinen velvoite',
      unambiguous_identification: 'yksiselitteinen tunnistaminen',
      social_services: 'sosiaalipalvelut',
      billing_and_collection: 'laskutus ja perintä',
      credit_decision: 'luottopäätös',
    },
    objectionSources: {
      request: 'tietosuojapyyntösi',
      customer_service: 'neuvonta',
      email: 'sähköposti',
      register_officer: 'rekisterin yhteyshenkilö',
      population_register: 'väestötietojärjestelmä',
      e_service: 'asiointipalvelu',
    },
    withdrawnOn: 'peruttu',
  },
  sv: {
    locale: 'sv-FI',
    fileName: 'svar-insyn',
    marking: MARKINGS.socialWelfare.sv,
    title: 'Svar på begäran om insyn: dina uppgifter i registret',
    intro:
      'Här är alla uppgifter om dig som har sparats i kundregistret, per kategori: varifrån de kommer, vad de används till, till vem de lämnas ut och hur länge de sparas, samt dina rättigheter (EU:s allmänna dataskyddsförordning, artikel 15).',
    controller: 'Personuppgiftsansvarig',
    requestLine: (number, receivedOn) => `Begäran nr ${number}, mottagen ${receivedOn}`,
    person: 'Den registrerade',
    generatedAt: 'Sammanställt',
    contents: 'Begäran',
    none: 'Inga uppgifter.',
    yes: 'ja',
    no: 'nej',
    page: (page, pages) => `Sida ${page}/${pages}`,
    notesLeftOut: 'Handläggarnas interna arbetsanteckningar ingår inte i svaret (beslut 0015).',
    familyNote:
      'För familjerelationer visas bara relationen och dess giltighet, inte den anhöriges uppgifter: de är en annan persons uppgifter.',
    processingNote: (from, to) => `Vem har behandlat dina uppgifter ${from}–${to}.`,
    notClient: 'Du är inte klient inom socialvården.',
    about: {
      purposes: 'Ändamål',
      sources: 'Källor',
      recipients: 'Mottagare',
      retention: 'Lagringstid',
    },
    categories: {
      identity: 'Identitet',
      contact: 'Kontaktuppgifter',
      language: 'Språk',
      billing: 'Faktureringsuppgifter',
      organizations: 'Organisationer du representerar',
      customerRecord: 'Kundposten',
      orders: 'Beställningar',
      invoices: 'Fakturor',
      disclosures: 'Utlämnanden av dina uppgifter',
      socialServices: 'Socialvård (särskilda kategorier av personuppgifter)',
      familyRelations: 'Familjerelationer',
      requests: 'Dina dataskyddsbegäranden',
      objections: 'Förbud och invändningar',
      processing: 'Vem har behandlat dina uppgifter',
    },
    labels: {
      firstName: 'Förnamn',
      health: 'Hälsouppgift',
      lastName: 'Efternamn',
      identityCode: 'Personbeteckning',
      identityCodeTemporary: 'Tillfällig beteckning',
      identityCodePurpose: 'Grund för behandlingen av personbeteckningen',
      email: 'E-post',
      phone: 'Telefon',
      permanentAddress: 'Stadigvarande adress',
      contactAddress: 'Kontaktadress',
      addressProtection: 'Spärrmarkering',
      addressProtectionEndsOn: 'Spärrmarkeringen upphör',
      addressProtectionSource: 'Spärrmarkeringens källa',
      language: 'Språk',
      billingAddress: 'Faktureringsadress',
      eInvoiceAddress: 'E-fakturaadress',
      eInvoiceIntermediator: 'Förmedlare',
      ovt: 'OVT-kod',
      organization: 'Organisation',
      businessId: 'FO-nummer',
      title: 'Uppgift',
      notes: 'Tilläggsuppgifter',
      createdAt: 'Sparad',
      updatedAt: 'Ändrad',
      archivedAt: 'Arkiverad',
      order: 'Beställning',
      status: 'Status',
      deliveredOn: 'Levererad',
      retainUntil: 'Sparas till',
      line: 'Rad',
      quantity: 'Mängd',
      unitPrice: 'Enhetspris',
      vat: 'Moms',
      total: 'Totalt',
      invoice: 'Faktura',
      creditNote: 'Kreditnota',
      invoiceDate: 'Fakturadatum',
      dueDate: 'Förfallodag',
      reference: 'Referensnummer',
      net: 'Skattefritt',
      delivery: 'Leveranssätt',
      recipientOnInvoice: 'Fakturans mottagare',
      payment: 'Betalning',
      paidOn: 'Betald',
      credits: 'Krediterar fakturan',
      creditedBy: 'Krediterad med',
      disclosedAt: 'Utlämnad',
      recipient: 'Mottagare',
      country: 'Land',
      legalBasis: 'Grund',
      purpose: 'Ändamål',
      fieldsSent: 'Utlämnade uppgifter',
      fieldsWithheld: 'Uppgifter som inte lämnades ut',
      handedOver: 'Överlämnat',
      unit: 'Enhet',
      period: 'Period',
      date: 'Datum',
      category: 'Kategori',
      text: 'Text',
      source: 'Källa',
      needType: 'Servicebehov',
      assessedOn: 'Bedömt',
      decisionReference: 'Beslutets beteckning',
      year: 'År',
      annualIncome: 'Årsinkomst',
      totalAssets: 'Total förmögenhet',
      recordedOn: 'Antecknat',
      iban: 'Kontonummer',
      accountPurpose: 'Kontots användning',
      relation: 'Relation',
      requestType: 'Begäran',
      receivedOn: 'Mottagen',
      channel: 'Sätt',
      dueOn: 'Sista dag',
      identityVerified: 'Identiteten verifierad',
      extension: 'Förlängd tidsfrist',
      decision: 'Avgörande',
      answeredOn: 'Besvarad',
      attachments: 'Bilagor',
      objection: 'Förbud',
      valueSources: 'Uppgifternas källor',
      current: 'nuvarande värde',
      earlier: 'tidigare värde',
      time: 'Tid',
      action: 'Åtgärd',
      user: 'Handläggare',
      data: 'Uppgifter',
    },
    purposes: {
      customerRegister: 'Upprätthållande av kundregistret',
      orders: 'Hantering, arkivering och behandling av beställningar',
      customerRelationship: 'Skötsel av kundrelationen',
      development: 'Utveckling av kommunens verksamhet och statistik (endast sammanställt)',
      targeting:
        'Inriktning av innehåll och reklam i kommunens egna tjänster utan att uppgifter lämnas ut (inte om du har förbjudit det)',
      publishedLists:
        'Förteckningar, t.ex. adressetiketter för direktreklam (inte om du har förbjudit det eller har spärrmarkering)',
      billing: 'Fakturering och bokföring',
      socialServices: 'Ordnande och genomförande av socialvårdens tjänster',
      dataSubjectRights: 'Förverkligande av dina dataskyddsrättigheter',
      legalObligation:
        'Lagstadgade skyldigheter (logg över användning och utlämnanden, informationshanteringslagen 17 §)',
    },
    sources: {
      dataSubject: 'Du själv (registrering och dina meddelanden under kundrelationen)',
      populationRegister:
        'Myndigheten för digitalisering och befolkningsdata (befolkningsdatasystemet)',
      updateServices: 'Adressuppdateringstjänster (t.ex. Posti)',
      subcontractors: 'Underleverantörer som deltar i att producera tjänsten',
      partners: 'Samarbetspartners digitala tjänster',
      municipality: 'Kommunen själv (uppstår i kundrelationen)',
      socialWorkers: 'Socialvårdens anställda i klientarbetet',
    },
    recipients: {
      municipalityStaff:
        'Endast kommunens utsedda personal och personuppgiftsbiträden som agerar för kommunen',
      processors:
        'Kommunens samarbetspartner via tekniska gränssnitt endast för kommunens kundrelation',
      collection: 'Inkassobyrå för indrivning av förfallen faktura',
      creditDecision: 'Den som fattar kreditbeslut eller en myndighet endast när lagen kräver det',
      legalObligation: 'Myndigheter endast när lagen kräver det',
      socialUnits: 'Endast anställda vid socialvårdsenheterna där du är klient',
      dataSubjectOnly: 'Lämnas inte ut; anteckningen finns för din skull',
    },
    retention: {
      customer: (years) =>
        `Under kundrelationen. Uppgifterna raderas när ${years.customer} år har gått sedan den senaste beställningen, fakturan, begäran, anmälan, klientrelationen eller kontakten (en avliden persons uppgifter ${years.deceased} år efter dödsfallet), om inte lag, en obetald faktura eller indrivning hindrar det.`,
      accounting: (years) =>
        `Som bokföringsmaterial ${years.accounting} år från räkenskapsperiodens slut (bokföringslagen).`,
      social: (years) =>
        `Socialvårdens klienthandlingar ${years.socialRecords} år efter att klientrelationen upphört, om inte lagen kräver längre tid; klientberättelsen två år efter döden.`,
      requests: () => 'Så länge det behövs för att visa hur begäran behandlades.',
      disclosures: () =>
        'Anteckningar om utlämnanden så länge lagen kräver (informationshanteringslagen 17 §).',
      accessLog: () => 'Loggen så länge lagen kräver (informationshanteringslagen 17 §).',
    },
    rightsTitle: 'Dina rättigheter och hur du använder dem',
    rights: {
      access:
        'Rätt att få insyn i dina uppgifter (detta svar). Begäran kan göras på finska, svenska eller engelska och ska undertecknas (stark elektronisk identifiering räknas som underskrift).',
      rectification:
        'Rätt att kräva att felaktiga, onödiga, ofullständiga eller föråldrade uppgifter rättas. Ange vad som ska rättas och varför. Rättelsen meddelas uppgiftens källa och dem som uppgiften har lämnats ut till.',
      erasure:
        'Rätt att kräva att dina uppgifter raderas, om inte lag, öppna fakturor eller indrivning hindrar det.',
      restriction:
        'Rätt att kräva begränsning av behandlingen enligt dataskyddsförordningens artikel 18.',
      objection:
        'Rätt att förbjuda användning och utlämnande av dina uppgifter för direktreklam, distansförsäljning och direktmarknadsföring, marknads- och opinionsundersökningar, förteckningar och inriktning. Förbudet mot direktmarknadsföring är ovillkorligt.',
      portability: 'Detta svar finns också maskinläsbart som JSON-fil.',
      complaint:
        'Om vi vägrar rätta eller du anser att dina uppgifter behandlas lagstridigt kan du föra saken till dataombudsmannen.',
    },
    howTo: (controller, address) =>
      `Du använder dina rättigheter genom att kontakta registrets kontaktperson eller kommunens rådgivning: ${controller}, ${address}. Begäran besvaras inom en månad.`,
    ombudsman: `Dataombudsmannens byrå: ${OMBUDSMAN_CONTACT}`,
    valueSourceKinds: {
      data_subject: 'du själv',
      population_register: 'befolkningsdatasystemet',
      update_service: 'uppdateringstjänst',
      import: 'överföring från ett tidigare register',
      partner: 'samarbetspartner',
      staff: 'kommunens personal',
      request: 'din dataskyddsbegäran',
    },
    orderStatus: {
      draft: 'utkast',
      confirmed: 'bekräftad',
      delivered: 'levererad',
      cancelled: 'annullerad',
    },
    invoiceStatus: {
      open: 'öppen',
      paid: 'betald',
      in_collection: 'på indrivning',
      credited: 'krediterad',
    },
    delivery: { paper: 'pappersfaktura', einvoice: 'e-faktura' },
    legalBases: {
      credit_decision: 'kreditbeslut',
      debt_collection: 'indrivning',
      billing: 'fakturering',
      value_added_service: 'mervärdestjänst',
      legal_obligation: 'lagstadgad skyldighet',
    },
    omission: {
      protectedAddress: 'spärrmarkering',
      notApplicable: 'gäller inte dig',
      objection: 'ditt förbud',
      restricted: 'begränsning av behandlingen',
    },
    toDataSubject: 'Du själv',
    requestTypes: {
      access: 'begäran om insyn',
      rectification: 'begäran om rättelse',
      erasure: 'begäran om radering',
      objection: 'förbud eller invändning',
      restriction: 'begäran om begränsning av behandling',
    },
    requestStatus: {
      received: 'mottagen',
      identity_verified: 'identiteten verifierad',
      in_progress: 'under behandling',
      decided: 'avgjord',
      answered: 'besvarad',
    },
    outcomes: { granted: 'beviljad', partly_granted: 'delvis beviljad', refused: 'avslagen' },
    channels: {
      letter: 'brev',
      email: 'e-post',
      counter: 'servicepunkt',
      e_service: 'e-tjänst',
    },
    methods: {
      signed_letter: 'undertecknat brev',
      strong_identification: 'stark elektronisk identifiering',
      in_person: 'personligen med identitetshandling',
    },
    languages: { fi: 'finska', sv: 'svenska', en: 'engelska' },
    relations: {
      spouse: 'make, maka eller sambo',
      child: 'barn',
      parent: 'förälder',
      guardian: 'vårdnadshavare',
      ward: 'under vårdnad',
      other: 'annan närstående',
    },
    needStatus: {
      identified: 'konstaterat',
      assessment: 'under bedömning',
      granted: 'beviljat',
      refused: 'avslaget',
      ended: 'avslutat',
    },
    objectionKinds: {
      direct_marketing: 'direktreklam',
      distance_selling: 'distansförsäljning',
      market_research: 'marknads- och opinionsundersökningar',
      published_list: 'förteckningar',
      targeting: 'inriktning',
    },
    identityCodePurposes: {
      consent: 'ditt samtycke',
      legal_obligation: 'lagstadgad skyldighet',
      unambiguous_identification: 'entydig identifiering',
      social_services: 'socialvård',
      billing_and_collection: 'fakturering och indrivning',
      credit_decision: 'kreditbeslut',
    },
    objectionSources: {
      request: 'din dataskyddsbegäran',
      customer_service: 'rådgivningen',
      email: 'e-post',
      register_officer: 'registrets kontaktperson',
      population_register: 'befolkningsdatasystemet',
      e_service: 'e-tjänsten',
    },
    withdrawnOn: 'återkallat',
  },
  en: {
    locale: 'en-GB',
    fileName: 'access-answer',
    marking: MARKINGS.socialWelfare.en,
    title: 'Answer to your access request: your data in the register',
    intro:
      'Here is all the data the customer register holds about you, by category: where it came from, what it is used for, to whom it is disclosed and how long it is kept, and your rights (EU General Data Protection Regulation, Article 15).',
    controller: 'Controller',
    requestLine: (number, receivedOn) => `Request no. ${number}, received ${receivedOn}`,
    person: 'Data subject',
    generatedAt: 'Compiled',
    contents: 'Request',
    none: 'No data.',
    yes: 'yes',
    no: 'no',
    page: (page, pages) => `Page ${page} of ${pages}`,
    notesLeftOut: "The staff's internal working notes are not part of the answer (decision 0015).",
    familyNote:
      "Family relations show the relation and its days only, not the relative's data: that is another person's data.",
    processingNote: (from, to) => `Who has processed your data from ${from} to ${to}.`,
    notClient: 'You are not a social-services client.',
    about: {
      purposes: 'Purposes',
      sources: 'Sources',
      recipients: 'Recipients',
      retention: 'Retention',
    },
    categories: {
      identity: 'Identity',
      contact: 'Contact details',
      language: 'Language',
      billing: 'Billing data',
      organizations: 'Organisations you represent',
      customerRecord: 'Customer record',
      orders: 'Orders',
      invoices: 'Invoices',
      disclosures: 'Disclosures of your data',
      socialServices: 'Social services (special categories of personal data)',
      familyRelations: 'Family relations',
      requests: 'Your data protection requests',
      objections: 'Prohibitions and objections',
      processing: 'Who has processed your data',
    },
    labels: {
      firstName: 'First name',
      health: 'Health data',
      lastName: 'Last name',
      identityCode: 'Personal identity code',
      identityCodeTemporary: 'Temporary code',
      identityCodePurpose: 'Why the identity code is processed',
      email: 'Email',
      phone: 'Phone',
      permanentAddress: 'Permanent address',
      contactAddress: 'Contact address',
      addressProtection: 'Address protection',
      addressProtectionEndsOn: 'Address protection ends',
      addressProtectionSource: 'Source of the address protection',
      language: 'Language',
      billingAddress: 'Billing address',
      eInvoiceAddress: 'E-invoice address',
      eInvoiceIntermediator: 'Intermediator',
      ovt: 'OVT code',
      organization: 'Organisation',
      businessId: 'Business ID',
      title: 'Title',
      notes: 'Notes',
      createdAt: 'Recorded',
      updatedAt: 'Changed',
      archivedAt: 'Archived',
      order: 'Order',
      status: 'Status',
      deliveredOn: 'Delivered',
      retainUntil: 'Kept until',
      line: 'Line',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      vat: 'VAT',
      total: 'Total',
      invoice: 'Invoice',
      creditNote: 'Credit note',
      invoiceDate: 'Invoice date',
      dueDate: 'Due date',
      reference: 'Reference',
      net: 'Net',
      delivery: 'Delivery',
      recipientOnInvoice: 'Invoice recipient',
      payment: 'Payment',
      paidOn: 'Paid',
      credits: 'Credits invoice',
      creditedBy: 'Credited by',
      disclosedAt: 'Disclosed',
      recipient: 'Recipient',
      country: 'Country',
      legalBasis: 'Legal basis',
      purpose: 'Purpose',
      fieldsSent: 'Data sent',
      fieldsWithheld: 'Data withheld',
      handedOver: 'Handed over',
      unit: 'Unit',
      period: 'Period',
      date: 'Date',
      category: 'Category',
      text: 'Text',
      source: 'Source',
      needType: 'Service need',
      assessedOn: 'Assessed',
      decisionReference: 'Decision reference',
      year: 'Year',
      annualIncome: 'Annual income',
      totalAssets: 'Total assets',
      recordedOn: 'Recorded',
      iban: 'Account number',
      accountPurpose: 'Use of the account',
      relation: 'Relation',
      requestType: 'Request',
      receivedOn: 'Received',
      channel: 'Channel',
      dueOn: 'Due',
      identityVerified: 'Identity verified',
      extension: 'Deadline extended',
      decision: 'Decision',
      answeredOn: 'Answered',
      attachments: 'Attachments',
      objection: 'Prohibition',
      valueSources: 'Sources of the values',
      current: 'current value',
      earlier: 'earlier value',
      time: 'Time',
      action: 'Action',
      user: 'Processed by',
      data: 'Data',
    },
    purposes: {
      customerRegister: 'Keeping the customer register',
      orders: 'Managing, archiving and processing orders',
      customerRelationship: 'Looking after the customer relationship',
      development: "Developing the municipality's services and statistics (aggregated only)",
      targeting:
        "Targeted content and advertising in the municipality's own services, without handing data to outsiders (not if you have objected)",
      publishedLists:
        'Lists, e.g. mailing labels for direct mail (not if you have prohibited it or your address is protected)',
      billing: 'Billing and accounting',
      socialServices: 'Arranging and providing social services',
      dataSubjectRights: 'Carrying out your data protection rights',
      legalObligation:
        'Legal obligations (logs of use and of disclosures, Information Management Act 906/2019, section 17)',
    },
    sources: {
      dataSubject: 'You (your registration and what you told us during the customer relationship)',
      populationRegister: 'The Digital and Population Data Services Agency (population register)',
      updateServices: 'Address update services (e.g. Posti)',
      subcontractors: 'Subcontractors involved in producing the services',
      partners: "Partners' digital services",
      municipality: 'The municipality itself (arises in the customer relationship)',
      socialWorkers: 'Social-services staff in their client work',
    },
    recipients: {
      municipalityStaff:
        "Only the municipality's designated staff and processors acting for the municipality",
      processors:
        "The municipality's partners through technical interfaces, only for the municipality's customer relationship",
      collection: 'A debt collection agency, for an overdue invoice',
      creditDecision: 'A credit decision maker, or an authority, only where the law requires it',
      legalObligation: 'Authorities, only where the law requires it',
      socialUnits: 'Only the staff of the social-services units whose client you are',
      dataSubjectOnly: 'Not disclosed; the record is kept for you',
    },
    retention: {
      customer: (years) =>
        `For as long as the customer relationship lasts. The data are erased ${years.customer} years after the last order, invoice, request, notice, client relationship or contact (a deceased person's data ${years.deceased} years after their death), unless the law, an unpaid invoice or debt collection prevents it.`,
      accounting: (years) =>
        `As accounting records, ${years.accounting} years after the end of the financial year (Accounting Act).`,
      social: (years) =>
        `Social-services client records ${years.socialRecords} years after the client relationship ends, unless the law asks for longer; the client record until two years after death.`,
      requests: () => 'For as long as needed to show how the request was handled.',
      disclosures: () =>
        'Records of disclosures for as long as the law requires (Information Management Act, section 17).',
      accessLog: () =>
        'The access log for as long as the law requires (Information Management Act, section 17).',
    },
    rightsTitle: 'Your rights and how to use them',
    rights: {
      access:
        'The right to see your data (this answer). A request may be written in Finnish, Swedish or English and must be signed (a strong electronic identification counts as a signature).',
      rectification:
        'The right to have incorrect, unnecessary, incomplete or outdated data corrected. Say what is to be corrected and why. The source of the data and everyone it was disclosed to are told of the correction.',
      erasure:
        'The right to have your data erased, unless the law, open invoices or debt collection prevent it.',
      restriction: 'The right to restriction of processing under Article 18 GDPR.',
      objection:
        'The right to forbid the use and disclosure of your data for direct marketing, distance selling, market and opinion research, published lists and targeting. An objection to direct marketing is absolute.',
      portability: 'This answer is also available as a machine-readable JSON file.',
      complaint:
        'If we refuse a correction, or you find your data is processed unlawfully, you may take the matter to the Data Protection Ombudsman.',
    },
    howTo: (controller, address) =>
      `To use your rights, contact the register's contact person or the municipality's customer service: ${controller}, ${address}. A request is answered within one month.`,
    ombudsman: `Office of the Data Protection Ombudsman: ${OMBUDSMAN_CONTACT}`,
    valueSourceKinds: {
      data_subject: 'you',
      population_register: 'population register',
      update_service: 'update service',
      import: 'transfer from an earlier register',
      partner: 'partner',
      staff: "the municipality's staff",
      request: 'your data protection request',
    },
    orderStatus: {
      draft: 'draft',
      confirmed: 'confirmed',
      delivered: 'delivered',
      cancelled: 'cancelled',
    },
    invoiceStatus: {
      open: 'open',
      paid: 'paid',
      in_collection: 'in collection',
      credited: 'credited',
    },
    delivery: { paper: 'paper invoice', einvoice: 'e-invoice' },
    legalBases: {
      credit_decision: 'credit decision',
      debt_collection: 'debt collection',
      billing: 'billing',
      value_added_service: 'value-added service',
      legal_obligation: 'legal obligation',
    },
    omission: {
      protectedAddress: 'address protection',
      notApplicable: 'does not apply to you',
      objection: 'your objection',
      restricted: 'restriction of processing',
    },
    toDataSubject: 'You',
    requestTypes: {
      access: 'access request',
      rectification: 'rectification request',
      erasure: 'erasure request',
      objection: 'prohibition or objection',
      restriction: 'request to restrict processing',
    },
    requestStatus: {
      received: 'received',
      identity_verified: 'identity verified',
      in_progress: 'in progress',
      decided: 'decided',
      answered: 'answered',
    },
    outcomes: { granted: 'granted', partly_granted: 'partly granted', refused: 'refused' },
    channels: { letter: 'letter', email: 'email', counter: 'counter', e_service: 'e-service' },
    methods: {
      signed_letter: 'signed letter',
      strong_identification: 'strong electronic identification',
      in_person: 'in person with an ID',
    },
    languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
    relations: {
      spouse: 'spouse',
      child: 'child',
      parent: 'parent',
      guardian: 'guardian',
      ward: 'ward',
      other: 'other close person',
    },
    needStatus: {
      identified: 'identified',
      assessment: 'being assessed',
      granted: 'granted',
      refused: 'refused',
      ended: 'ended',
    },
    objectionKinds: {
      direct_marketing: 'direct marketing',
      distance_selling: 'distance selling',
      market_research: 'market and opinion research',
      published_list: 'published lists',
      targeting: 'targeting',
    },
    identityCodePurposes: {
      consent: 'your consent',
      legal_obligation: 'legal obligation',
      unambiguous_identification: 'unambiguous identification',
      social_services: 'social services',
      billing_and_collection: 'billing and collection',
      credit_decision: 'credit decision',
    },
    objectionSources: {
      request: 'your data protection request',
      customer_service: 'customer service',
      email: 'email',
      register_officer: "the register's contact person",
      population_register: 'population register',
      e_service: 'the e-service',
    },
    withdrawnOn: 'withdrawn',
  },
};

/** A date (YYYY-MM-DD) as the document prints it in its language. */
export function packageDate(language: PackageLanguage, iso: string | null): string {
  if (!iso) return '';
  const format = new Intl.DateTimeFormat(PACKAGE_TEXTS[language].locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  });
  return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** An instant as the document prints it: the date and time in Helsinki. */
export function packageDateTime(language: PackageLanguage, iso: string): string {
  return new Intl.DateTimeFormat(PACKAGE_TEXTS[language].locale, {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .format(new Date(iso))
    .replaceAll('\u202f', ' ');
}

/** Whole cents as euros in the document's language. */
export function packageMoney(language: PackageLanguage, cents: number): string {
  return new Intl.NumberFormat(PACKAGE_TEXTS[language].locale, {
    style: 'currency',
    currency: 'EUR',
  })
    .format(cents / 100)
    .replaceAll('\u202f', ' ')
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u2212', '-');
}
