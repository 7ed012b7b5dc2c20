import type { FirstScreenCatalogue } from './catalogue.ts';

/** The first screen's part of the Swedish catalogue (first-screen-fi.ts gives its keys). */
export const svFirstScreen: FirstScreenCatalogue = {
  messages: {
    'app.name': 'Asiakasrekisteri',
    'app.tagline': 'Kommunens kundregister',

    'shell.skipToContent': 'Gå till innehållet',
    'shell.mainNavigation': 'Huvudmeny',
    'shell.signedInAs': 'Inloggad:',
    'shell.signOut': 'Logga ut',
    'shell.chooseLanguage': 'välj språk',
    'shell.footer':
      'Asiakasrekisteri – personuppgifter behandlas endast för arbetsuppgifterna. Varje visning och ändring loggas.',
    'shell.noCommitment':
      'Du har inte undertecknat tystnadsförbindelsen, därför öppnas inte kunduppgifterna för dig.',

    'nav.search': 'Sökning',
    'nav.newPerson': 'Ny person',
    'nav.newOrganization': 'Ny organisation',
    'nav.breadcrumb': 'Tillbakalänk',
    'nav.toSearch': 'Till kundsökningen',
    'nav.backToResults': 'Tillbaka till sökresultaten',
    'nav.backToPerson': 'Tillbaka: {name}',
    'nav.backToOrganization': 'Tillbaka: {name}',

    'role.admin': 'huvudanvändare',
    'role.customer_service': 'kundtjänst',
    'role.billing': 'fakturering',
    'role.social_worker': 'socialarbetare',
    'role.register_officer': 'registeransvarig',
    'role.auditor': 'granskare',
    'role.contractor': 'avtalspartner',

    'common.loading': 'Laddar…',
    'common.search': 'Sök',
    'common.edit': 'Redigera',
    'common.archive': 'Arkivera',
    'common.archived': 'Arkiverad',
    'common.cancel': 'Avbryt',
    'common.saveChanges': 'Spara ändringarna',
    'common.notGiven': 'Inte angiven',
    'common.email': 'E-post',
    'common.phone': 'Telefon',
    'common.emailHint': 'T.ex. maja.modig@example.fi',
    'common.phoneHint': 'T.ex. 040 123 4567 eller +46 8 123 456',
    'common.address': 'Adress',
    'common.notes': 'Tilläggsuppgifter',
    'common.notesHint': 'Skriv inte hälsouppgifter eller andra känsliga personuppgifter här.',
    'common.noNotes': 'Inga tilläggsuppgifter.',
    'common.created': 'Skapad {date}',
    'common.updated': 'ändrad {date}',
    'common.createdNotice': 'Uppgifterna sparades i registret.',
    'common.updatedNotice': 'Ändringarna sparades.',

    'kind.person': 'Person',
    'kind.organization': 'Organisation',

    'form.unsaved.title': 'Lämna sidan utan att spara?',
    'form.unsaved.explanation':
      'Ändringarna du gjort på sidan har inte sparats. Om du lämnar sidan går de förlorade.',
    'form.unsaved.leave': 'Lämna utan att spara',
    'form.unsaved.stay': 'Stanna på sidan',

    'problem.network':
      'Ingen förbindelse till servern. Kontrollera nätverksförbindelsen och försök igen.',
    'problem.invalid': 'Begäran var inte giltig.',
    'problem.forbidden': 'Du har inte rätt till den här funktionen.',
    'problem.notFound': 'Uppgiften hittades inte. Den kan ha tagits bort eller adressen är fel.',
    'problem.conflict': 'Uppgiften strider mot uppgifterna i registret.',
    'problem.tooMany': 'För många försök. Vänta en stund och försök igen.',
    'problem.server': 'Ett fel inträffade i tjänsten. Felet har loggats; försök igen om en stund.',
    'problem.unexpected': 'Ett oväntat fel. Försök igen.',

    'signIn.title': 'Logga in',
    'signIn.intro':
      'Kundregistret används endast av utsedd personal. Logga in med ditt eget användarnamn.',
    'signIn.username': 'Användarnamn',
    'signIn.password': 'Lösenord',
    'signIn.submit': 'Logga in',
    'signIn.failed': 'Inloggningen misslyckades',
    'signIn.wrongPassword': 'Användarnamnet eller lösenordet är fel.',
    'signIn.missing': 'Ange användarnamn och lösenord.',
    'signIn.usernameMissing': 'Ange användarnamnet.',
    'signIn.passwordMissing': 'Ange lösenordet.',
    'signIn.code': 'Verifieringskod',
    'signIn.codeHint': 'Ange den sexsiffriga koden som din autentiseringsapp visar.',
    'signIn.codeMissing': 'Ange verifieringskoden.',
    'signIn.codeWrong': 'Verifieringskoden är fel eller redan använd. Ange en ny kod.',
    'signIn.accountClosed': 'Användarkontot är stängt eller har gått ut. Kontakta huvudanvändaren.',
    'signIn.expired': 'Din session har gått ut. Logga in igen för att fortsätta.',
    'signIn.commitmentNote':
      'Användarnamnet får inte lämnas till någon annan. Kunduppgifterna öppnas först när tystnadsförbindelsen har undertecknats.',

    'search.title': 'Kundsökning',
    'search.label': 'Sök kund',
    'search.placeholder': 'Namn, personbeteckning, FO-nummer, e-post eller telefon',
    'search.clear': 'Töm sökningen',
    'search.hint':
      'Vid sökning på namn räcker minst 3 bokstäver, och även nästan likadana namn hittas. Personbeteckning, FO-nummer, e-post och telefonnummer söks i sin helhet.',
    'search.kindLabel': 'Visa',
    'search.kind.all': 'Personer och organisationer',
    'search.kind.person': 'Personer',
    'search.kind.organization': 'Organisationer',
    'search.tooShortHint':
      'Skriv minst 3 bokstäver av namnet eller hela beteckningen (personbeteckning, FO-nummer, e-post eller telefonnummer).',
    'search.noResults': 'Sökningen ”{query}” gav inga kunder.',
    'search.noResultsShort': 'Inga resultat.',
    'search.countOne': '1 resultat.',
    'search.countMany': '{count} resultat.',
    'search.moreAvailable': 'Det finns fler resultat.',
    'search.resultsHeading': 'Sökresultat',
    'search.loadMore': 'Visa fler resultat',
    'search.matchedBy.name': 'Sökt på namn, även nästan likadana namn.',
    'search.matchedBy.identityCode': 'Sökt på personbeteckning.',
    'search.matchedBy.businessId': 'Sökt på FO-nummer.',
    'search.matchedBy.email': 'Sökt på e-postadress.',
    'search.matchedBy.phone': 'Sökt på telefonnummer.',

    'protection.badge': 'Spärrmarkering',
    'protection.addressProtected': 'Adressen skyddad',

    'person.identityCode': 'Personbeteckning',

    'organization.businessId': 'FO-nummer',

    'nav.accessLog': 'Användningslogg',

    // the menu's and the header's links to other areas (route-access.ts, AppShell.tsx)
    'account.nav': 'Mitt konto',
    'account.commitment.read': 'Läs och underteckna förbindelsen',

    'nav.staff': 'Användare',
    'nav.partners': 'Partner',
    'nav.socialUnits': 'Enheter inom socialvården',
    'nav.breakGlassReview': 'Nödåtkomster',

    'billingSettings.nav': 'Faktureringsinställningar',

    'services.nav': 'Tjänstekatalog',

    'invoiceRun.nav': 'Faktureringskörning',

    'disclosureRegister.nav': 'Utlämnanderegister',

    'requests.nav': 'Begäranden',

    // a page's code fetched on first use (components/PageLoad.tsx)
    'pageLoad.failed':
      'Sidan kunde inte laddas. Förbindelsen kan ha brutits, eller så har en ny version av registret tagits i bruk. Ladda om sidan.',
    'pageLoad.reload': 'Ladda om sidan',

    'work.title': 'Arbetslista',
    'work.nav': 'Att göra',

    'billingLists.nav': 'Fakturering',

    'objections.mailing.nav': 'Utskickslista',

    'privacySettings.nav': 'Dataskydd',

    'imports.nav': 'Importer',

    'retention.nav': 'Bevarandetider',
    // The sign-in form reads its rules through the contract form (components/form.ts).
    'billing.billingAddress': 'Faktureringsadress',
    'billing.eInvoiceAddress': 'E-fakturaadress',
    'billing.eInvoiceIntermediator': 'Förmedlare',
    'billing.ovt': 'OVT-kod',
  },
  errors: {
    'date.format': 'Ange datumet i formen d.m.åååå, t.ex. 31.12.2026.',
    invalid_format: 'Uppgiften har inte rätt form.',
    'number.tooLarge': 'Talet är för stort.',
    'number.tooSmall': 'Talet är för litet.',
    required: 'Uppgiften är obligatorisk.',
    too_big: 'Uppgiften är för lång.',
    too_small: 'Uppgiften saknas eller är för kort.',
    'search.tooShort': 'Skriv minst tre bokstäver av ett namn eller en hel beteckning.',
    'search.notInContract': 'Ditt avtal omfattar inte den här beteckningen. Sök med namn.',
  },
};
