/**
 * The resident's e-service (issue #17, decision 0032): its screen texts. Finnish gives the keys;
 * Swedish and English must have exactly the same (i18n.test.ts).
 */
export const residentFi = {
  'resident.serviceName': 'Asukkaan asiointi',
  'resident.testBanner':
    'Testitunnistus on käytössä. Kirjautuminen ei ole vahvaa tunnistusta, ja siinä käytetään vain testihenkilöitä.',
  'resident.start.title': 'Omat tietosi kunnan asiakasrekisterissä',
  'resident.start.intro':
    'Tunnistaudu vahvasti (pankkitunnukset, mobiilivarmenne tai varmennekortti). Näet tietosi, ja jos et ole vielä asiakkaana, voit rekisteröityä.',
  'resident.start.signIn': 'Tunnistaudu vahvasti',
  'resident.start.notInUse':
    'Asiointipalvelu ei ole käytössä. Ota yhteyttä kunnan asiakaspalveluun.',
  'resident.start.signedOut': 'Olet kirjautunut ulos.',
  'resident.start.sessionEnded': 'Istuntosi päättyi. Tunnistaudu uudelleen.',
  'resident.register.title': 'Rekisteröidy asiakkaaksi',
  'resident.register.intro':
    'Et ole vielä kunnan asiakasrekisterissä. Nimesi ja henkilötunnuksesi saadaan tunnistautumisesta. Anna yhteystietosi ja asiointikielesi.',
  'resident.register.identified': 'Tunnistettu henkilö',
  'resident.register.identityCodeNote':
    'Henkilötunnuksesi tallennetaan, jotta sinut tunnistetaan yksiselitteisesti (tietosuojalaki 29 §).',
  'resident.register.contact': 'Yhteystiedot',
  'resident.register.submit': 'Rekisteröidy',
  'resident.field.name': 'Nimi',
  'resident.field.email': 'Sähköposti',
  'resident.field.phone': 'Puhelin',
  'resident.field.contactAddress': 'Yhteysosoite',
  'resident.field.permanentAddress': 'Vakituinen osoite',
  'resident.field.language': 'Asiointikieli',
  'resident.field.none': 'Ei tallennettu',
  'resident.home.title': 'Omat tietoni',
  'resident.home.registered': 'Rekisteröityminen onnistui. Tervetuloa asiakkaaksi!',
  'resident.signOut': 'Kirjaudu ulos',
  'resident.refused.title': 'Kirjautuminen ei onnistunut',
  'resident.refused.deceased':
    'Väestötietojärjestelmän mukaan henkilö on kuollut, joten asiointipalvelua ei voi käyttää hänen tunnuksillaan.',
  'resident.refused.closed':
    'Tietosi on asiakasrekisterissä arkistoitu tai poistettu, joten asiointipalvelu ei ole käytettävissä. Ota yhteyttä kunnan kirjaamoon.',
  'resident.refused.identification_failed':
    'Tunnistautuminen keskeytyi tai sitä ei voitu varmistaa. Yritä uudelleen.',
  'resident.refused.no_identity_code':
    'Tunnistautuminen ei antanut suomalaista henkilötunnusta, joten sinua ei voitu tunnistaa.',
  'resident.refused.back': 'Takaisin alkuun',
  'resident.cancel': 'Peruuta',
  'resident.contact.title': 'Yhteystietoni',
  'resident.contact.open': 'Korjaa yhteystietoja',
  'resident.contact.save': 'Tallenna yhteystiedot',
  'resident.contact.saved':
    'Yhteystietosi on tallennettu. Lähteeksi on merkitty, että annoit ne itse.',
  'resident.contact.namesNote':
    'Nimesi, henkilötunnuksesi ja väestötietojärjestelmän osoitteesi voi korjata vain oikaisupyynnöllä (alla: Tee pyyntö).',
  'resident.prohibitions.title': 'Kieltoni',
  'resident.prohibitions.intro':
    'Voit kieltää tietojesi käytön suoramarkkinointiin, etämyyntiin, markkina- ja mielipidetutkimuksiin, julkaistaviin luetteloihin ja kohdentamiseen. Kielto on voimassa heti ja kunnes perut sen.',
  'resident.prohibitions.activeSince': 'Kielto voimassa {date} alkaen',
  'resident.prohibitions.notSet': 'Ei kieltoa',
  'resident.prohibitions.set': 'Aseta kielto',
  'resident.prohibitions.withdraw': 'Peru kielto',
  'resident.requests.title': 'Pyyntöni',
  'resident.requests.none': 'Sinulla ei ole pyyntöjä.',
  'resident.requests.number': 'nro {number}',
  'resident.requests.received': 'saapunut {date}',
  'resident.requests.due': 'vastaus viimeistään {date}',
  'resident.requests.new': 'Tee pyyntö',
  'resident.requests.intro':
    'Pyyntö menee kunnan rekisterivastaavalle. Henkilöllisyytesi on varmistettu vahvalla tunnistautumisella.',
  'resident.requests.type': 'Pyynnön laji',
  'resident.requests.choose': 'Valitse pyynnön laji',
  'resident.requests.send': 'Lähetä pyyntö',
  'resident.requests.sent': 'Pyyntösi nro {number} on vastaanotettu.',
  'resident.processing.title': 'Kuka on käsitellyt tietojani',
  'resident.processing.open': 'Näytä kahden viime vuoden käsittelyt',
  'resident.processing.none': 'Tietojasi ei ole käsitelty kahden viime vuoden aikana.',
};

type Messages = Record<keyof typeof residentFi, string>;

export const residentSv: Messages = {
  'resident.serviceName': 'Invånarens e-tjänst',
  'resident.testBanner':
    'Testidentifieringen används. Inloggningen är inte stark autentisering, och endast testpersoner används.',
  'resident.start.title': 'Dina uppgifter i kommunens kundregister',
  'resident.start.intro':
    'Identifiera dig starkt (bankkoder, mobilcertifikat eller certifikatkort). Du ser dina uppgifter, och om du inte ännu är kund kan du registrera dig.',
  'resident.start.signIn': 'Identifiera dig starkt',
  'resident.start.notInUse': 'E-tjänsten används inte. Kontakta kommunens kundtjänst.',
  'resident.start.signedOut': 'Du har loggat ut.',
  'resident.start.sessionEnded': 'Din session har upphört. Identifiera dig på nytt.',
  'resident.register.title': 'Registrera dig som kund',
  'resident.register.intro':
    'Du finns inte ännu i kommunens kundregister. Ditt namn och din personbeteckning fås från identifieringen. Ange dina kontaktuppgifter och ditt ärendespråk.',
  'resident.register.identified': 'Identifierad person',
  'resident.register.identityCodeNote':
    'Din personbeteckning sparas för att du ska kunna identifieras entydigt (dataskyddslagen 29 §).',
  'resident.register.contact': 'Kontaktuppgifter',
  'resident.register.submit': 'Registrera dig',
  'resident.field.name': 'Namn',
  'resident.field.email': 'E-post',
  'resident.field.phone': 'Telefon',
  'resident.field.contactAddress': 'Kontaktadress',
  'resident.field.permanentAddress': 'Stadigvarande adress',
  'resident.field.language': 'Ärendespråk',
  'resident.field.none': 'Inte sparad',
  'resident.home.title': 'Mina uppgifter',
  'resident.home.registered': 'Registreringen lyckades. Välkommen som kund!',
  'resident.signOut': 'Logga ut',
  'resident.refused.title': 'Inloggningen misslyckades',
  'resident.refused.deceased':
    'Enligt befolkningsdatasystemet är personen avliden, så e-tjänsten kan inte användas med hens identifiering.',
  'resident.refused.closed':
    'Dina uppgifter i kundregistret har arkiverats eller raderats, så e-tjänsten kan inte användas. Kontakta kommunens registratorskontor.',
  'resident.refused.identification_failed':
    'Identifieringen avbröts eller kunde inte bekräftas. Försök på nytt.',
  'resident.refused.no_identity_code':
    'Identifieringen gav ingen finländsk personbeteckning, så du kunde inte identifieras.',
  'resident.refused.back': 'Tillbaka till början',
  'resident.cancel': 'Avbryt',
  'resident.contact.title': 'Mina kontaktuppgifter',
  'resident.contact.open': 'Rätta kontaktuppgifter',
  'resident.contact.save': 'Spara kontaktuppgifterna',
  'resident.contact.saved':
    'Dina kontaktuppgifter har sparats. Som källa anges att du själv har lämnat dem.',
  'resident.contact.namesNote':
    'Ditt namn, din personbeteckning och din adress i befolkningsdatasystemet kan rättas endast genom en begäran om rättelse (nedan: Gör en begäran).',
  'resident.prohibitions.title': 'Mina förbud',
  'resident.prohibitions.intro':
    'Du kan förbjuda att dina uppgifter används för direktmarknadsföring, distansförsäljning, marknads- och opinionsundersökningar, publicerade förteckningar och riktning. Förbudet gäller genast och tills du återkallar det.',
  'resident.prohibitions.activeSince': 'Förbudet gäller från {date}',
  'resident.prohibitions.notSet': 'Inget förbud',
  'resident.prohibitions.set': 'Ställ förbud',
  'resident.prohibitions.withdraw': 'Återkalla förbudet',
  'resident.requests.title': 'Mina begäranden',
  'resident.requests.none': 'Du har inga begäranden.',
  'resident.requests.number': 'nr {number}',
  'resident.requests.received': 'inkommen {date}',
  'resident.requests.due': 'svar senast {date}',
  'resident.requests.new': 'Gör en begäran',
  'resident.requests.intro':
    'Begäran går till kommunens registeransvariga. Din identitet har verifierats med stark autentisering.',
  'resident.requests.type': 'Typ av begäran',
  'resident.requests.choose': 'Välj typ av begäran',
  'resident.requests.send': 'Skicka begäran',
  'resident.requests.sent': 'Din begäran nr {number} har tagits emot.',
  'resident.processing.title': 'Vem har behandlat mina uppgifter',
  'resident.processing.open': 'Visa behandlingarna under de två senaste åren',
  'resident.processing.none': 'Dina uppgifter har inte behandlats under de två senaste åren.',
};

export const residentEn: Messages = {
  'resident.serviceName': 'Resident e-service',
  'resident.testBanner':
    'Test identification is in use. Signing in is not strong identification, and only test persons are used.',
  'resident.start.title': "Your data in the municipality's customer register",
  'resident.start.intro':
    'Identify yourself strongly (online banking codes, mobile certificate or certificate card). You see your data, and if you are not a customer yet, you can register.',
  'resident.start.signIn': 'Identify strongly',
  'resident.start.notInUse':
    "The e-service is not in use. Contact the municipality's customer service.",
  'resident.start.signedOut': 'You have signed out.',
  'resident.start.sessionEnded': 'Your session ended. Identify yourself again.',
  'resident.register.title': 'Register as a customer',
  'resident.register.intro':
    "You are not in the municipality's customer register yet. Your name and identity code come from the identification. Give your contact details and your language.",
  'resident.register.identified': 'Identified person',
  'resident.register.identityCodeNote':
    'Your identity code is kept so that you are identified unambiguously (Data Protection Act, section 29).',
  'resident.register.contact': 'Contact details',
  'resident.register.submit': 'Register',
  'resident.field.name': 'Name',
  'resident.field.email': 'Email',
  'resident.field.phone': 'Phone',
  'resident.field.contactAddress': 'Contact address',
  'resident.field.permanentAddress': 'Permanent address',
  'resident.field.language': 'Language',
  'resident.field.none': 'Not given',
  'resident.home.title': 'My data',
  'resident.home.registered': 'You are registered. Welcome as a customer!',
  'resident.signOut': 'Sign out',
  'resident.refused.title': 'Signing in did not succeed',
  'resident.refused.deceased':
    'The population register records the person as deceased, so the e-service cannot be used with their identification.',
  'resident.refused.closed':
    "Your data in the customer register has been archived or erased, so the e-service is not available. Contact the municipality's registry office.",
  'resident.refused.identification_failed':
    'The identification was cancelled or could not be verified. Please try again.',
  'resident.refused.no_identity_code':
    'The identification gave no Finnish identity code, so you could not be identified.',
  'resident.refused.back': 'Back to the start',
  'resident.cancel': 'Cancel',
  'resident.contact.title': 'My contact details',
  'resident.contact.open': 'Correct contact details',
  'resident.contact.save': 'Save contact details',
  'resident.contact.saved':
    'Your contact details are saved. Their source is recorded as you yourself.',
  'resident.contact.namesNote':
    'Your name, identity code and address in the population register can be corrected only by a rectification request (below: Make a request).',
  'resident.prohibitions.title': 'My prohibitions',
  'resident.prohibitions.intro':
    'You may forbid the use of your data for direct marketing, distance selling, market and opinion research, published lists and targeting. A prohibition applies at once and until you withdraw it.',
  'resident.prohibitions.activeSince': 'In force from {date}',
  'resident.prohibitions.notSet': 'No prohibition',
  'resident.prohibitions.set': 'Set prohibition',
  'resident.prohibitions.withdraw': 'Withdraw prohibition',
  'resident.requests.title': 'My requests',
  'resident.requests.none': 'You have no requests.',
  'resident.requests.number': 'no. {number}',
  'resident.requests.received': 'received {date}',
  'resident.requests.due': 'answer by {date}',
  'resident.requests.new': 'Make a request',
  'resident.requests.intro':
    "The request goes to the municipality's register officer. Your identity is verified by strong identification.",
  'resident.requests.type': 'Type of request',
  'resident.requests.choose': 'Choose the type of request',
  'resident.requests.send': 'Send request',
  'resident.requests.sent': 'Your request no. {number} has been received.',
  'resident.processing.title': 'Who has processed my data',
  'resident.processing.open': 'Show the last two years',
  'resident.processing.none': 'Your data has not been processed in the last two years.',
};
