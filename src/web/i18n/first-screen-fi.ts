import type { ErrorCode } from './error-codes.ts';

/**
 * The first screen's part of the Finnish catalogue: the shell (header, menu, footer, notices), the
 * sign-in page and the search page. It is in the app's first chunk; the rest of the catalogue
 * (fi.ts) is fetched with the first page that needs it (decision 0004). Its keys are the keys
 * of every language's first-screen part; a test of the built bundle keeps every key the first
 * screen uses here.
 */
export const fiFirstScreenMessages = {
  'app.name': 'Asiakasrekisteri',
  'app.tagline': 'Kunnan asiakasrekisteri',

  'shell.skipToContent': 'Siirry sisältöön',
  'shell.mainNavigation': 'Päävalikko',
  'shell.signedInAs': 'Kirjautunut:',
  'shell.signOut': 'Kirjaudu ulos',
  'shell.chooseLanguage': 'valitse kieli',
  'shell.footer':
    'Asiakasrekisteri – henkilötietoja käsitellään vain työtehtävien vuoksi. Jokainen katselu ja muutos kirjataan lokiin.',
  'shell.noCommitment':
    'Et ole allekirjoittanut salassapitositoumusta, joten asiakastiedot eivät avaudu sinulle.',

  'nav.search': 'Haku',
  'nav.newPerson': 'Uusi henkilö',
  'nav.newOrganization': 'Uusi organisaatio',
  'nav.breadcrumb': 'Paluulinkki',
  'nav.toSearch': 'Asiakashakuun',
  'nav.backToResults': 'Takaisin hakutuloksiin',
  'nav.backToPerson': 'Takaisin: {name}',
  'nav.backToOrganization': 'Takaisin: {name}',

  'role.admin': 'pääkäyttäjä',
  'role.customer_service': 'asiakaspalvelu',
  'role.billing': 'laskutus',
  'role.social_worker': 'sosiaalityöntekijä',
  'role.register_officer': 'rekisterivastaava',
  'role.auditor': 'tarkastaja',
  'role.contractor': 'sopimuskumppani',

  'common.loading': 'Ladataan…',
  'common.search': 'Hae',
  'common.edit': 'Muokkaa',
  'common.archive': 'Arkistoi',
  'common.archived': 'Arkistoitu',
  'common.cancel': 'Peruuta',
  'common.saveChanges': 'Tallenna muutokset',
  'common.notGiven': 'Ei annettu',
  'common.email': 'Sähköposti',
  'common.phone': 'Puhelin',
  'common.emailHint': 'Esim. matti.meikalainen@example.fi',
  'common.phoneHint': 'Esim. 040 123 4567 tai +46 8 123 456',
  'common.address': 'Osoite',
  'common.notes': 'Lisätiedot',
  'common.notesHint': 'Älä kirjaa tähän terveystietoja tai muita erityisiä henkilötietoja.',
  'common.noNotes': 'Ei lisätietoja.',
  'common.created': 'Luotu {date}',
  'common.updated': 'muokattu {date}',
  'common.createdNotice': 'Tiedot tallennettiin rekisteriin.',
  'common.updatedNotice': 'Muutokset tallennettiin.',

  'kind.person': 'Henkilö',
  'kind.organization': 'Organisaatio',

  'form.unsaved.title': 'Poistutaanko tallentamatta?',
  'form.unsaved.explanation':
    'Tällä sivulla tekemiäsi muutoksia ei ole tallennettu. Jos poistut sivulta, ne menetetään.',
  'form.unsaved.leave': 'Poistu tallentamatta',
  'form.unsaved.stay': 'Jää sivulle',

  'problem.network': 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  'problem.invalid': 'Pyyntö ei ollut kelvollinen.',
  'problem.forbidden': 'Sinulla ei ole oikeutta tähän toimintoon.',
  'problem.notFound': 'Tietoa ei löytynyt. Se on voitu poistaa tai osoite on väärä.',
  'problem.conflict': 'Tieto on ristiriidassa rekisterin tietojen kanssa.',
  'problem.tooMany': 'Liian monta yritystä. Odota hetki ja yritä uudelleen.',
  'problem.server':
    'Palvelussa tapahtui virhe. Virhe on kirjattu; yritä hetken kuluttua uudelleen.',
  'problem.unexpected': 'Odottamaton virhe. Yritä uudelleen.',

  'signIn.title': 'Kirjaudu sisään',
  'signIn.intro':
    'Asiakasrekisteri on vain nimetyn henkilöstön käytössä. Kirjaudu omalla tunnuksellasi.',
  'signIn.username': 'Käyttäjätunnus',
  'signIn.password': 'Salasana',
  'signIn.submit': 'Kirjaudu sisään',
  'signIn.failed': 'Kirjautuminen epäonnistui',
  'signIn.wrongPassword': 'Käyttäjätunnus tai salasana on väärin.',
  'signIn.missing': 'Anna käyttäjätunnus ja salasana.',
  'signIn.usernameMissing': 'Anna käyttäjätunnus.',
  'signIn.passwordMissing': 'Anna salasana.',
  'signIn.code': 'Vahvistuskoodi',
  'signIn.codeHint': 'Anna todennussovelluksesi näyttämä kuusinumeroinen koodi.',
  'signIn.codeMissing': 'Anna vahvistuskoodi.',
  'signIn.codeWrong': 'Vahvistuskoodi on väärin tai jo käytetty. Anna uusi koodi.',
  'signIn.accountClosed': 'Käyttäjätunnus on suljettu tai vanhentunut. Ota yhteys pääkäyttäjään.',
  'signIn.expired': 'Istuntosi päättyi. Kirjaudu uudelleen jatkaaksesi.',
  'signIn.commitmentNote':
    'Tunnusta ei saa luovuttaa toiselle. Asiakastiedot avautuvat vasta, kun salassapitositoumus on allekirjoitettu.',

  'search.title': 'Asiakashaku',
  'search.label': 'Hae asiakasta',
  'search.placeholder': 'Nimi, henkilötunnus, Y-tunnus, sähköposti tai puhelin',
  'search.clear': 'Tyhjennä haku',
  'search.hint':
    'Nimellä haettaessa riittää vähintään 3 kirjainta, ja myös lähes samanlaiset nimet löytyvät. Henkilötunnus, Y-tunnus, sähköposti ja puhelinnumero haetaan kokonaisina.',
  'search.kindLabel': 'Näytä',
  'search.kind.all': 'Henkilöt ja organisaatiot',
  'search.kind.person': 'Henkilöt',
  'search.kind.organization': 'Organisaatiot',
  'search.tooShortHint':
    'Kirjoita nimestä vähintään 3 kirjainta tai koko tunnus (henkilötunnus, Y-tunnus, sähköposti tai puhelinnumero).',
  'search.noResults': 'Haulla ”{query}” ei löytynyt asiakkaita.',
  'search.noResultsShort': 'Ei tuloksia.',
  'search.countOne': '1 tulos.',
  'search.countMany': '{count} tulosta.',
  'search.moreAvailable': 'Lisää tuloksia on saatavilla.',
  'search.resultsHeading': 'Hakutulokset',
  'search.loadMore': 'Näytä lisää tuloksia',
  'search.matchedBy.name': 'Haettu nimellä, myös lähes samanlaiset nimet.',
  'search.matchedBy.identityCode': 'Haettu henkilötunnuksella.',
  'search.matchedBy.businessId': 'Haettu Y-tunnuksella.',
  'search.matchedBy.email': 'Haettu sähköpostiosoitteella.',
  'search.matchedBy.phone': 'Haettu puhelinnumerolla.',

  'protection.badge': 'Turvakielto',
  'protection.addressProtected': 'Osoite suojattu',

  'person.identityCode': 'Henkilötunnus',

  'organization.businessId': 'Y-tunnus',

  'nav.accessLog': 'Käyttöloki',

  // the menu's and the header's links to other areas (route-access.ts, AppShell.tsx)
  'account.nav': 'Oma tili',
  'account.commitment.read': 'Lue ja allekirjoita sitoumus',

  'nav.staff': 'Käyttäjät',
  'nav.partners': 'Kumppanit',
  'nav.socialUnits': 'Sosiaalihuollon yksiköt',
  'nav.breakGlassReview': 'Poikkeavat avaukset',

  'billingSettings.nav': 'Laskutusasetukset',

  'services.nav': 'Palveluluettelo',

  'invoiceRun.nav': 'Laskutusajo',

  'disclosureRegister.nav': 'Luovutusrekisteri',

  'requests.nav': 'Rekisteröityjen pyynnöt',

  // a page's code fetched on first use (components/PageLoad.tsx)
  'pageLoad.failed':
    'Sivua ei voitu ladata. Yhteys on voinut katketa, tai rekisteristä on otettu käyttöön uusi versio. Lataa sivu uudelleen.',
  'pageLoad.reload': 'Lataa sivu uudelleen',

  'work.title': 'Työlista',
  'work.nav': 'Työt',

  'billingLists.nav': 'Laskutus',

  'objections.mailing.nav': 'Postituslista',

  'privacySettings.nav': 'Tietosuojaseloste',

  'imports.nav': 'Tuonnit',

  'retention.nav': 'Säilytysajat',
  // The sign-in form reads its rules through the contract form (components/form.ts).
  'billing.billingAddress': 'Laskutusosoite',
  'billing.eInvoiceAddress': 'Verkkolaskuosoite',
  'billing.eInvoiceIntermediator': 'Välittäjä',
  'billing.ovt': 'OVT-tunnus',
} satisfies Record<string, string>;

export const fiFirstScreen = {
  messages: fiFirstScreenMessages,
  errors: {
    'date.format': 'Anna päivämäärä muodossa p.k.vvvv, esim. 31.12.2026.',
    invalid_format: 'Tieto ei ole oikeassa muodossa.',
    'number.tooLarge': 'Luku on liian suuri.',
    'number.tooSmall': 'Luku on liian pieni.',
    required: 'Tämä tieto on pakollinen.',
    too_big: 'Tieto on liian pitkä.',
    too_small: 'Tieto puuttuu tai on liian lyhyt.',
    'search.tooShort': 'Kirjoita vähintään kolme kirjainta nimestä tai kokonainen tunnus.',
    'search.notInContract': 'Sopimuksesi ei kata tätä tunnistetta. Hae nimellä.',
  },
} satisfies { messages: Record<string, string>; errors: Partial<Record<ErrorCode, string>> };
