import type { FieldErrorCode } from '../../contract/field-errors.ts';
/**
 * The partners' interface (issue #16, item 4; decision 0028): the partner page's machine clients
 * and the interface's error codes. Finnish gives the keys; Swedish and English must have exactly
 * the same (i18n.test.ts).
 */
export const partnerClientsFi = {
  'clients.title': 'Rajapinta-asiakkaat',
  'clients.intro':
    'Kumppanin ohjelmat käyttävät rekisteriä rajapinnan kautta API-avaimella tai OAuth2-asiakastunnuksilla. Ne näkevät vain sopimuksen kattamat asiakkaat ja tiedot, ja jokainen kutsu kirjataan lokiin.',
  'clients.none': 'Kumppanilla ei ole rajapinta-asiakkaita.',
  'clients.caption': 'Kumppanin rajapinta-asiakkaat, uusin ensin',
  'clients.name': 'Nimi',
  'clients.nameHint': 'Esim. järjestelmän nimi, josta kutsut tulevat.',
  'clients.kind': 'Tunnistautuminen',
  'clients.kind.api_key': 'API-avain',
  'clients.kind.oauth_client': 'OAuth2-asiakastunnukset',
  'clients.scopes': 'Oikeudet',
  'clients.scope.customers.read': 'Lukee sopimuksen kattamat asiakkaat',
  'clients.scope.notices.write': 'Ilmoittaa asiakkaan tietojen muutoksista',
  'clients.expiresOn': 'Voimassa asti',
  'clients.expiresOnHint': 'Viimeinen voimassaolopäivä. Tyhjä: kunnes tunnukset perutaan.',
  'clients.noExpiry': 'Kunnes perutaan',
  'clients.status': 'Tila',
  'clients.status.active': 'Voimassa',
  'clients.status.expired': 'Vanhentunut',
  'clients.status.revoked': 'Peruttu',
  'clients.secrets': 'Avaimet',
  'clients.actions': 'Toiminnot',
  'clients.secretUntil': '(voimassa {until} asti)',
  'clients.create': 'Lisää rajapinta-asiakas',
  'clients.createTitle': 'Uusi rajapinta-asiakas',
  'clients.save': 'Luo tunnukset',
  'clients.rotate': 'Vaihda avain',
  'clients.rotateNamed': 'Vaihda avain: {name}',
  'clients.rotateTitle': 'Vaihdetaanko avain?',
  'clients.rotateExplanation':
    'Asiakas saa uuden avaimen. Vanha avain toimii valitsemaasi hetkeen asti, jotta kumppani ehtii ottaa uuden käyttöön.',
  'clients.overlap': 'Vanha avain toimii',
  'clients.overlap.0': 'ei enää',
  'clients.overlap.1': 'vuorokauden',
  'clients.overlap.7': 'viikon',
  'clients.revoke': 'Peru',
  'clients.revokeNamed': 'Peru: {name}',
  'clients.revokeTitle': 'Perutaanko tunnukset?',
  'clients.revokeExplanation':
    'Asiakkaan avaimet ja tunnisteet lakkaavat toimimasta heti. Perumista ei voi peruuttaa.',
  'clients.revoked': 'Asiakkaan {name} tunnukset peruttiin.',
  'clients.secretTitle': 'Kopioi avain nyt',
  'clients.secretExplanation':
    'Avain näytetään vain tämän kerran. Rekisteri tallentaa siitä vain tarkisteen, joten sitä ei voi näyttää uudelleen.',
  'clients.clientId': 'client_id',
  'clients.secret': 'Avain',
  'clients.copy': 'Kopioi',
  'clients.copied': 'Kopioitu leikepöydälle.',
  'clients.copyFailed': 'Kopiointi ei onnistunut: valitse avain ja kopioi se itse.',
  'clients.done': 'Avain on tallessa',
  'clients.tokenUrl': 'Tunnisteet (token) haetaan osoitteesta {url}.',
} satisfies Record<string, string>;

type Messages = Record<keyof typeof partnerClientsFi, string>;

export const partnerClientsSv: Messages = {
  'clients.title': 'Gränssnittsklienter',
  'clients.intro':
    'Partnerns program använder registret via gränssnittet med en API-nyckel eller OAuth2-klientuppgifter. De ser bara de kunder och uppgifter som avtalet omfattar, och varje anrop loggas.',
  'clients.none': 'Partnern har inga gränssnittsklienter.',
  'clients.caption': 'Partnerns gränssnittsklienter, nyaste först',
  'clients.name': 'Namn',
  'clients.nameHint': 'T.ex. namnet på systemet som anropen kommer från.',
  'clients.kind': 'Autentisering',
  'clients.kind.api_key': 'API-nyckel',
  'clients.kind.oauth_client': 'OAuth2-klientuppgifter',
  'clients.scopes': 'Rättigheter',
  'clients.scope.customers.read': 'Läser de kunder som avtalet omfattar',
  'clients.scope.notices.write': 'Anmäler ändringar i kunders uppgifter',
  'clients.expiresOn': 'Giltig till',
  'clients.expiresOnHint': 'Sista giltighetsdag. Tom: tills uppgifterna återkallas.',
  'clients.noExpiry': 'Tills de återkallas',
  'clients.status': 'Status',
  'clients.status.active': 'Giltig',
  'clients.status.expired': 'Utgången',
  'clients.status.revoked': 'Återkallad',
  'clients.secrets': 'Nycklar',
  'clients.actions': 'Åtgärder',
  'clients.secretUntil': '(giltig till {until})',
  'clients.create': 'Lägg till gränssnittsklient',
  'clients.createTitle': 'Ny gränssnittsklient',
  'clients.save': 'Skapa uppgifter',
  'clients.rotate': 'Byt nyckel',
  'clients.rotateNamed': 'Byt nyckel: {name}',
  'clients.rotateTitle': 'Byta nyckel?',
  'clients.rotateExplanation':
    'Klienten får en ny nyckel. Den gamla nyckeln fungerar till den tidpunkt du väljer, så att partnern hinner ta den nya i bruk.',
  'clients.overlap': 'Den gamla nyckeln fungerar',
  'clients.overlap.0': 'inte längre',
  'clients.overlap.1': 'ett dygn',
  'clients.overlap.7': 'en vecka',
  'clients.revoke': 'Återkalla',
  'clients.revokeNamed': 'Återkalla: {name}',
  'clients.revokeTitle': 'Återkalla uppgifterna?',
  'clients.revokeExplanation':
    'Klientens nycklar och token slutar fungera genast. Återkallelsen kan inte ångras.',
  'clients.revoked': 'Uppgifterna för klienten {name} återkallades.',
  'clients.secretTitle': 'Kopiera nyckeln nu',
  'clients.secretExplanation':
    'Nyckeln visas bara den här gången. Registret sparar bara en kontrollsumma av den, så den kan inte visas igen.',
  'clients.clientId': 'client_id',
  'clients.secret': 'Nyckel',
  'clients.copy': 'Kopiera',
  'clients.copied': 'Kopierat till urklipp.',
  'clients.copyFailed': 'Kopieringen lyckades inte: markera nyckeln och kopiera den själv.',
  'clients.done': 'Nyckeln är sparad',
  'clients.tokenUrl': 'Token hämtas från adressen {url}.',
};

export const partnerClientsEn: Messages = {
  'clients.title': 'Interface clients',
  'clients.intro':
    "The partner's programs use the register through its interface with an API key or OAuth2 client credentials. They see only the customers and data the contract covers, and every call is logged.",
  'clients.none': 'The partner has no interface clients.',
  'clients.caption': "The partner's interface clients, newest first",
  'clients.name': 'Name',
  'clients.nameHint': 'E.g. the name of the system the calls come from.',
  'clients.kind': 'Authentication',
  'clients.kind.api_key': 'API key',
  'clients.kind.oauth_client': 'OAuth2 client credentials',
  'clients.scopes': 'Rights',
  'clients.scope.customers.read': 'Reads the customers the contract covers',
  'clients.scope.notices.write': "Sends notices of changes in customers' data",
  'clients.expiresOn': 'Valid until',
  'clients.expiresOnHint': 'The last day it is valid. Empty: until the credentials are revoked.',
  'clients.noExpiry': 'Until revoked',
  'clients.status': 'Status',
  'clients.status.active': 'Valid',
  'clients.status.expired': 'Expired',
  'clients.status.revoked': 'Revoked',
  'clients.secrets': 'Keys',
  'clients.actions': 'Actions',
  'clients.secretUntil': '(valid until {until})',
  'clients.create': 'Add an interface client',
  'clients.createTitle': 'New interface client',
  'clients.save': 'Create credentials',
  'clients.rotate': 'Change key',
  'clients.rotateNamed': 'Change key: {name}',
  'clients.rotateTitle': 'Change the key?',
  'clients.rotateExplanation':
    'The client gets a new key. The old key works until the time you choose, so that the partner can take the new one into use.',
  'clients.overlap': 'The old key works for',
  'clients.overlap.0': 'no longer',
  'clients.overlap.1': 'a day',
  'clients.overlap.7': 'a week',
  'clients.revoke': 'Revoke',
  'clients.revokeNamed': 'Revoke: {name}',
  'clients.revokeTitle': 'Revoke the credentials?',
  'clients.revokeExplanation':
    "The client's keys and tokens stop working at once. A revocation cannot be undone.",
  'clients.revoked': 'The credentials of client {name} were revoked.',
  'clients.secretTitle': 'Copy the key now',
  'clients.secretExplanation':
    'The key is shown this once only. The register keeps only a check value of it, so it cannot be shown again.',
  'clients.clientId': 'client_id',
  'clients.secret': 'Key',
  'clients.copy': 'Copy',
  'clients.copied': 'Copied to the clipboard.',
  'clients.copyFailed': 'Copying failed: select the key and copy it yourself.',
  'clients.done': 'The key is stored',
  'clients.tokenUrl': 'Tokens are fetched from {url}.',
};

type ClientErrorCode = Extract<
  FieldErrorCode,
  'client.ended' | 'notice.notInContract' | 'notice.empty' | 'scope.notGranted'
>;

export const partnerClientsErrors: Record<'fi' | 'sv' | 'en', Record<ClientErrorCode, string>> = {
  fi: {
    'client.ended':
      'Tunnukset on peruttu tai ne ovat vanhentuneet: niille ei anneta uutta avainta.',
    'notice.notInContract': 'Kumppanin sopimus ei kata tätä tietoa.',
    'notice.empty': 'Ilmoituksessa ei ole yhtään tietoa.',
    'scope.notGranted': 'Asiakkaalla ei ole tätä oikeutta.',
  },
  sv: {
    'client.ended': 'Uppgifterna är återkallade eller har gått ut: de får ingen ny nyckel.',
    'notice.notInContract': 'Partnerns avtal omfattar inte den här uppgiften.',
    'notice.empty': 'Anmälan innehåller inga uppgifter.',
    'scope.notGranted': 'Klienten har inte den här rättigheten.',
  },
  en: {
    'client.ended': 'The credentials are revoked or expired: they get no new key.',
    'notice.notInContract': "The partner's contract does not cover this field.",
    'notice.empty': 'The notice gives no field.',
    'scope.notGranted': 'The client does not have this right.',
  },
};
