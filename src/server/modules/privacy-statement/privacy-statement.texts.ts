import type { TransferSafeguard } from '../../../contract/partners/transfer-terms.ts';
import type {
  StatementLanguage,
  StatementSection,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';

/**
 * The privacy statement's own words in Finnish, Swedish and English. What the statement shares
 * with the answer to an access request (purposes, sources, recipients, rights, retention) comes
 * from that answer's texts (access-package.texts.ts), so both documents say the same.
 */
export type StatementTexts = {
  title: string;
  sections: Record<StatementSection, string>;
  drawnUp: (drawnUpOn: string, lastChangedOn: string) => string;
  businessId: (businessId: string) => string;
  contentIntro: string;
  content: string[];
  contentSocialIntro: string;
  contentSocial: string[];
  sourcePartners: string;
  recipientPartners: string;
  noTransfers: string;
  transfersIntro: string;
  transfer: (partner: string, country: string, safeguard: string, necessity: string) => string;
  safeguards: Record<TransferSafeguard, string>;
  protectionManual: string;
  protectionElectronic: string[];
  cookies: string;
  retentionIntro: string;
};

export const STATEMENT_TEXTS: Record<StatementLanguage, StatementTexts> = {
  fi: {
    title: 'Tietosuojaseloste',
    sections: {
      drawnUp: 'Laatimispäivä',
      controller: 'Rekisterinpitäjä',
      contactPerson: 'Yhteyshenkilö rekisteriä koskevissa asioissa',
      registerName: 'Rekisterin nimi',
      purposes: 'Henkilötietojen käsittelyn tarkoitus',
      content: 'Rekisterin tietosisältö',
      sources: 'Säännönmukaiset tietolähteet',
      disclosures: 'Tietojen säännönmukaiset luovutukset',
      transfers: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
      protectionManual: 'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
      protectionElectronic: 'Rekisterin suojauksen periaatteet B: Sähköisesti käsiteltävät tiedot',
      cookies: 'Evästeet',
      access: 'Tarkastusoikeus',
      rectification: 'Oikeus vaatia tiedon korjaamista',
      otherRights: 'Muut henkilötietojen käsittelyyn liittyvät oikeudet',
      retention: 'Tietojen säilytysaika',
    },
    drawnUp: (drawnUpOn, lastChangedOn) =>
      `Laadittu ${drawnUpOn}. Viimeksi muutettu ${lastChangedOn}.`,
    businessId: (businessId) => `Y-tunnus ${businessId}`,
    contentIntro: 'Rekisteri sisältää seuraavia tietoja:',
    content: [
      'Henkilön etu- ja sukunimi',
      'Henkilötunnus (vain kun se on tarpeen) ja sen käsittelyn peruste',
      'Edustamansa yhteisö tai organisaatio',
      'Sähköpostiosoite, postiosoite ja puhelinnumero sekä asiointikieli',
      'Turvakielto ja muut väestötietojärjestelmän kiellot',
      'Laskutustiedot, tilaukset ja laskut',
      'Tietosuojapyynnöt, kiellot ja vastustukset',
      'Tietojen luovutukset ja tieto siitä, mistä kukin tieto on saatu',
      'Käyttöloki: kuka on käsitellyt tietoja ja milloin',
    ],
    contentSocialIntro: 'Sosiaalipalvelujen asiakkailta lisäksi:',
    contentSocial: [
      'Terveystiedot',
      'Sosiaalitukien ja -palvelujen tarve',
      'Vuositulot ja kokonaisvarallisuus',
      'Perhesuhteet',
      'Pankkitili',
    ],
    sourcePartners: 'Yhteistyökumppanit, joilta tietoja saadaan:',
    recipientPartners: 'Säännönmukaiset luovutuksensaajat:',
    noTransfers:
      'Henkilötietoja ei siirretä Euroopan unionin tai Euroopan talousalueen ulkopuolelle.',
    transfersIntro:
      'Henkilötietoja siirretään EU:n tai ETA:n ulkopuolelle vain, kun se on kunnan tai sen yhteistyökumppanin teknisen toteutuksen varmistamiseksi tarpeellista, ja vain seuraavin suojatoimin:',
    transfer: (partner, country, safeguard, necessity) =>
      `${partner} (${country}): ${safeguard}. Peruste: ${necessity}`,
    safeguards: {
      adequacy_decision: 'Euroopan komission päätös tietosuojan riittävyydestä',
      standard_contractual_clauses: 'Euroopan komission vakiosopimuslausekkeet',
      binding_corporate_rules: 'Yritystä koskevat sitovat säännöt',
      derogation: 'Poikkeus erityistilanteessa (tietosuoja-asetuksen 49 artikla)',
    },
    protectionManual:
      'Asiakastapahtumissa kerättävät yhteystiedot ja muut manuaalisesti käsiteltävät asiakastietoja sisältävät asiakirjat säilytetään alkukäsittelyn jälkeen lukituissa ja paloturvallisissa säilytystiloissa. Ainoastaan määrätyillä, salassapitositoumuksen allekirjoittaneilla työntekijöillä on oikeus käsitellä manuaalisesti tallennettuja asiakastietoja. Lain mukaan salassa pidettävät tiedot on merkitty leimalla.',
    protectionElectronic: [
      'Rekisteriä käyttävät vain kunnan ja sen lukuun toimivien yritysten nimetyt työntekijät, kukin omalla henkilökohtaisella käyttäjätunnuksellaan ja salasanallaan.',
      'Jokainen käyttäjä on allekirjoittanut salassapitositoumuksen ennen kuin hän pääsee tietoihin.',
      'Kukin käyttäjä näkee vain ne tiedot, joita hänen tehtävänsä edellyttävät; sosiaalipalvelujen asiakastietoja käsittelevät vain asiakkaan yksiköiden työntekijät.',
      'Jokaisesta henkilötietojen katselusta ja muutoksesta jää merkintä käyttölokiin, jonka eheys voidaan todentaa.',
      'Henkilötunnukset ja erityisiin henkilötietoryhmiin kuuluvat tiedot tallennetaan salattuina.',
    ],
    cookies:
      'Palvelu käyttää vain istuntoevästeitä, jotka ovat välttämättömiä kirjautuneen käytön ylläpitämiseksi: henkilöstön istunnon, asukkaan asioinnin istunnon ja tunnistautumisen ajan voimassa olevan evästeen. Ne poistuvat, kun istunto tai tunnistautuminen päättyy. Seurantaan, analytiikkaan tai mainontaan ei käytetä evästeitä.',
    retentionIntro: 'Tietoja säilytetään seuraavasti:',
  },
  sv: {
    title: 'Dataskyddsbeskrivning',
    sections: {
      drawnUp: 'Datum för upprättande',
      controller: 'Personuppgiftsansvarig',
      contactPerson: 'Kontaktperson i ärenden som gäller registret',
      registerName: 'Registrets namn',
      purposes: 'Ändamålet med behandlingen av personuppgifter',
      content: 'Registrets datainnehåll',
      sources: 'Regelbundna uppgiftskällor',
      disclosures: 'Regelbundna utlämnanden av uppgifter',
      transfers: 'Överföring av uppgifter utanför EU eller EES',
      protectionManual: 'Principer för skyddet av registret A: Manuellt material',
      protectionElectronic:
        'Principer för skyddet av registret B: Elektroniskt behandlade uppgifter',
      cookies: 'Kakor',
      access: 'Rätt till insyn',
      rectification: 'Rätt att kräva rättelse av uppgifter',
      otherRights: 'Övriga rättigheter som gäller behandlingen av personuppgifter',
      retention: 'Lagringstid',
    },
    drawnUp: (drawnUpOn, lastChangedOn) =>
      `Upprättad ${drawnUpOn}. Senast ändrad ${lastChangedOn}.`,
    businessId: (businessId) => `FO-nummer ${businessId}`,
    contentIntro: 'Registret innehåller följande uppgifter:',
    content: [
      'Personens för- och efternamn',
      'Personbeteckning (endast när den behövs) och grunden för behandlingen av den',
      'Sammanslutning eller organisation som personen företräder',
      'E-postadress, postadress och telefonnummer samt ärendespråk',
      'Spärrmarkering och andra förbud i befolkningsdatasystemet',
      'Faktureringsuppgifter, beställningar och fakturor',
      'Dataskyddsbegäranden, förbud och invändningar',
      'Utlämnanden av uppgifter och uppgift om varifrån varje uppgift har fåtts',
      'Användningslogg: vem som har behandlat uppgifterna och när',
    ],
    contentSocialIntro: 'Om klienter inom socialservicen dessutom:',
    contentSocial: [
      'Hälsouppgifter',
      'Behov av socialt stöd och socialservice',
      'Årsinkomster och totala tillgångar',
      'Familjeförhållanden',
      'Bankkonto',
    ],
    sourcePartners: 'Samarbetspartner från vilka uppgifter fås:',
    recipientPartners: 'Regelbundna mottagare av uppgifter:',
    noTransfers:
      'Personuppgifter överförs inte utanför Europeiska unionen eller Europeiska ekonomiska samarbetsområdet.',
    transfersIntro:
      'Personuppgifter överförs utanför EU eller EES endast när det är nödvändigt för att säkerställa kommunens eller dess samarbetspartners tekniska genomförande, och endast med följande skyddsåtgärder:',
    transfer: (partner, country, safeguard, necessity) =>
      `${partner} (${country}): ${safeguard}. Grund: ${necessity}`,
    safeguards: {
      adequacy_decision: 'Europeiska kommissionens beslut om adekvat skyddsnivå',
      standard_contractual_clauses: 'Europeiska kommissionens standardavtalsklausuler',
      binding_corporate_rules: 'Bindande företagsbestämmelser',
      derogation: 'Undantag i en särskild situation (artikel 49 i dataskyddsförordningen)',
    },
    protectionManual:
      'Kontaktuppgifter som samlas in vid kundtjänsten och andra handlingar med kunduppgifter som behandlas manuellt förvaras efter den första behandlingen i låsta och brandsäkra utrymmen. Endast utsedda anställda som har undertecknat en förbindelse om tystnadsplikt har rätt att behandla manuellt lagrade kunduppgifter. Uppgifter som enligt lag ska hållas hemliga är märkta med en stämpel.',
    protectionElectronic: [
      'Registret används endast av utsedda anställda hos kommunen och företag som agerar för dess räkning, var och en med ett eget personligt användarnamn och lösenord.',
      'Varje användare har undertecknat en förbindelse om tystnadsplikt innan hen får tillgång till uppgifterna.',
      'Varje användare ser endast de uppgifter som hens uppgifter kräver; klientuppgifter inom socialservicen behandlas endast av anställda vid klientens enheter.',
      'Varje visning och ändring av personuppgifter antecknas i en användningslogg vars integritet kan verifieras.',
      'Personbeteckningar och uppgifter som hör till särskilda kategorier av personuppgifter lagras krypterade.',
    ],
    cookies:
      'Tjänsten använder endast sessionskakor som är nödvändiga för att upprätthålla en inloggad session: personalens session, invånarens e-tjänstsession och en kaka som gäller under identifieringen. De raderas när sessionen eller identifieringen upphör. Inga kakor används för spårning, analys eller reklam.',
    retentionIntro: 'Uppgifterna lagras enligt följande:',
  },
  en: {
    title: 'Privacy statement',
    sections: {
      drawnUp: 'Date drawn up',
      controller: 'Controller',
      contactPerson: 'Contact person in matters of the register',
      registerName: 'Name of the register',
      purposes: 'Purposes of processing personal data',
      content: 'Content of the register',
      sources: 'Regular sources of data',
      disclosures: 'Regular disclosures of data',
      transfers: 'Transfers of data outside the EU or the EEA',
      protectionManual: 'Principles of protecting the register A: Manual material',
      protectionElectronic:
        'Principles of protecting the register B: Data processed electronically',
      cookies: 'Cookies',
      access: 'Right of access',
      rectification: 'Right to have data rectified',
      otherRights: 'Other rights related to the processing of personal data',
      retention: 'How long data is kept',
    },
    drawnUp: (drawnUpOn, lastChangedOn) =>
      `Drawn up on ${drawnUpOn}. Last changed on ${lastChangedOn}.`,
    businessId: (businessId) => `Business ID ${businessId}`,
    contentIntro: 'The register holds the following data:',
    content: [
      "The person's first and last name",
      'Personal identity code (only when needed) and the basis for processing it',
      'The community or organisation the person represents',
      'Email address, postal address and telephone number, and the language of service',
      'Non-disclosure for personal safety and other prohibitions in the Population Information System',
      'Billing details, orders and invoices',
      'Data protection requests, prohibitions and objections',
      'Disclosures of data, and where each piece of data was obtained from',
      'Access log: who has processed the data and when',
    ],
    contentSocialIntro: 'Of social-services clients, in addition:',
    contentSocial: [
      'Health data',
      'Need for social support and services',
      'Annual income and total assets',
      'Family relations',
      'Bank account',
    ],
    sourcePartners: 'Partners from whom data is obtained:',
    recipientPartners: 'Regular recipients of data:',
    noTransfers:
      'Personal data is not transferred outside the European Union or the European Economic Area.',
    transfersIntro:
      'Personal data is transferred outside the EU or the EEA only when it is necessary to ensure the technical implementation of the municipality or its partner, and only with the following safeguards:',
    transfer: (partner, country, safeguard, necessity) =>
      `${partner} (${country}): ${safeguard}. Reason: ${necessity}`,
    safeguards: {
      adequacy_decision: 'An adequacy decision of the European Commission',
      standard_contractual_clauses: 'Standard contractual clauses of the European Commission',
      binding_corporate_rules: 'Binding corporate rules',
      derogation: 'A derogation for a specific situation (Article 49 of the GDPR)',
    },
    protectionManual:
      'Contact details collected in customer service and other documents containing customer data processed manually are kept, after their first processing, in locked and fire-safe storage. Only designated employees who have signed a confidentiality commitment may process customer data stored manually. Data that is confidential by law is marked with a stamp.',
    protectionElectronic: [
      'Only designated employees of the municipality and of companies acting on its behalf use the register, each with a personal username and password of their own.',
      'Every user has signed a confidentiality commitment before they can reach the data.',
      "Each user sees only the data their tasks require; social-services clients' data is processed only by the employees of the client's units.",
      'Every view and change of personal data is recorded in an access log whose integrity can be verified.',
      'Personal identity codes and special categories of personal data are stored encrypted.',
    ],
    cookies:
      'The service uses only session cookies, strictly necessary to keep a signed-in session: the staff session, the resident e-service session and one that lasts while a resident is being identified. They are removed when the session or the identification ends. No cookies are used for tracking, analytics or advertising.',
    retentionIntro: 'Data is kept as follows:',
  },
};
