import type { FieldErrorCode } from '../../contract/field-errors.ts';

/**
 * The public pages (issue #17: the privacy statement, the cookie notice) and the administrator's
 * settings of the statement: their screen texts and error codes. Finnish gives the keys; Swedish
 * and English must have exactly the same (i18n.test.ts).
 */
export const publicPagesFi = {
  'permission.publicPages.manage': 'julkiset sivut: tietosuoja- ja saavutettavuusseloste',
  'public.skipToContent': 'Siirry sisältöön',
  'public.municipalityServices': 'Asiakasrekisteri',
  'public.footerNav': 'Tietoa palvelusta',
  'public.privacyStatement': 'Tietosuojaseloste',
  'public.cookies': 'Evästeet',
  'public.accessibility': 'Saavutettavuusseloste',
  'public.feedback.title': 'Palautelomake',
  'public.feedback.message': 'Palautteesi',
  'public.feedback.messageHint': 'Kerro, missä kohdassa palvelua ja millaisen ongelman huomasit.',
  'public.feedback.email': 'Sähköpostiosoitteesi (jos haluat vastauksen)',
  'public.feedback.name': 'Nimesi (vapaaehtoinen)',
  'public.feedback.send': 'Lähetä palaute',
  'public.feedback.sent': 'Kiitos palautteestasi. Se on välitetty palvelun ylläpitäjälle.',
  'public.feedback.sendAnother': 'Lähetä uusi palaute',
  'privacySettings.accessibilityTitle': 'Saavutettavuusseloste',
  'privacySettings.compliance': 'Saavutettavuuden tila',
  'privacySettings.compliance.full': 'Täyttää vaatimukset',
  'privacySettings.compliance.partial': 'Täyttää osittain',
  'privacySettings.compliance.none': 'Ei täytä',
  'privacySettings.assessedOn': 'Arvioitu viimeksi',
  'privacySettings.knownIssues': 'Ei-saavutettava sisältö ({language})',
  'privacySettings.knownIssuesHint':
    'Mikä ei ole saavutettavaa ja miksi. Tyhjä: ei tunnettuja puutteita.',
  'privacySettings.feedbackTitle': 'Saavutettavuuspalaute',
  'privacySettings.feedbackOpen': 'Käsittelemättä {count}',
  'privacySettings.feedbackNone': 'Ei käsittelemätöntä palautetta.',
  'privacySettings.feedbackShowAll': 'Näytä myös käsitellyt',
  'privacySettings.feedbackFrom': '{time} · {sender}',
  'privacySettings.feedbackAnonymous': 'nimetön',
  'privacySettings.feedbackPage': 'Sivu: {page}',
  'privacySettings.feedbackHandle': 'Merkitse käsitellyksi',
  'privacySettings.feedbackMore': 'Näytä lisää palautetta',
  'privacySettings.feedbackHandled': 'Käsitelty {time}, {by}',
  'public.staffSignIn': 'Henkilöstön kirjautuminen',
  'public.notPublished':
    'Tietosuojaselostetta ei ole vielä julkaistu. Kysy rekisteristä kunnan kirjaamosta.',
  'public.statement.lastChanged': 'Viimeksi muutettu {date}',
  'public.statement.contents': 'Sisältö',
  'public.statement.print': 'Tulosta',
  'public.cookies.title': 'Evästeet',
  'public.cookies.intro':
    'Tämä palvelu käyttää vain välttämättömiä istuntoevästeitä, joten niihin ei kysytä suostumusta.',
  'public.cookies.name': 'Nimi',
  'public.cookies.purpose': 'Tarkoitus',
  'public.cookies.duration': 'Kesto',
  'public.cookies.sessionPurpose':
    'Pitää kirjautuneen käyttäjän istunnon yllä. Ei sisällä henkilötietoja, vain satunnaisen tunnisteen.',
  'public.cookies.sessionDuration':
    'Istunnon ajan; poistuu uloskirjautuessa tai istunnon päättyessä',
  'public.cookies.residentPurpose':
    'Pitää asukkaan vahvasti tunnistetun istunnon yllä asukkaan asioinnissa. Vain satunnainen tunniste.',
  'public.cookies.residentDuration':
    '15 minuuttia viimeisestä toiminnosta, enintään 4 tuntia; poistuu uloskirjautuessa',
  'public.cookies.transactionPurpose':
    'Tunnistautumisen ajan: varmistaa, että tunnistuspalvelusta palaava vastaus kuuluu tälle selaimelle. Salattu.',
  'public.cookies.transactionDuration': '10 minuuttia tai tunnistautumisen päättyessä',
  'public.cookies.none':
    'Palvelu ei käytä evästeitä seurantaan, analytiikkaan tai mainontaan, eikä lataa mitään muilta palvelimilta.',
  'privacySettings.title': 'Tietosuojaselosteen asetukset',
  'privacySettings.intro':
    'Julkinen tietosuojaseloste kootaan rekisterin omista tiedoista: käsittelyn tarkoitukset, tietosisältö, yhteistyökumppanit lähteinä ja luovutuksensaajina, siirrot EU:n ja ETA:n ulkopuolelle sekä säilytysajat. Tässä annat rekisterinpitäjän tiedot, yhteyshenkilön ja selosteen vapaat tekstit.',
  'privacySettings.notSetUp':
    'Selostetta ei ole vielä julkaistu: julkinen sivu näyttää sen, kun tallennat nämä tiedot.',
  'privacySettings.lastChanged': 'Asetuksia muutettu viimeksi {time}',
  'privacySettings.saved': 'Tallennettu. Julkinen seloste näyttää muutokset heti.',
  'privacySettings.viewPublic': 'Avaa julkinen seloste',
  'privacySettings.save': 'Tallenna',
  'privacySettings.controllerTitle': 'Rekisterinpitäjä',
  'privacySettings.controllerName': 'Nimi',
  'privacySettings.controllerBusinessId': 'Y-tunnus',
  'privacySettings.controllerAddress': 'Osoite',
  'privacySettings.email': 'Sähköposti',
  'privacySettings.phone': 'Puhelin',
  'privacySettings.contactTitle': 'Yhteyshenkilö rekisteriä koskevissa asioissa',
  'privacySettings.contactName': 'Nimi',
  'privacySettings.contactJobTitle': 'Tehtävänimike',
  'privacySettings.contactAddress': 'Osoite (jos eri kuin rekisterinpitäjän)',
  'privacySettings.registerTitle': 'Rekisteri',
  'privacySettings.registerName': 'Rekisterin nimi ({language})',
  'privacySettings.drawnUpOn': 'Laatimispäivä',
  'privacySettings.drawnUpOnHint': 'Päivä, jona seloste laadittiin ensimmäisen kerran.',
  'privacySettings.textsTitle': 'Vapaat tekstit',
  'privacySettings.textsIntro':
    'Nämä kappaleet lisätään selosteen osioon rekisterin omien tietojen jälkeen. Tyhjä rivi aloittaa uuden kappaleen. Jos käännös puuttuu, näytetään suomenkielinen teksti.',
  'privacySettings.text': '{section} ({language})',
  'privacySettings.section.purposes': 'Käsittelyn tarkoitus',
  'privacySettings.section.sources': 'Tietolähteet',
  'privacySettings.section.disclosures': 'Luovutukset',
  'privacySettings.section.protectionManual':
    'Manuaalisen aineiston suojaus (korvaa oletustekstin)',
  'privacySettings.section.protectionElectronic': 'Sähköisen aineiston suojaus',
  'privacySettings.section.access': 'Tarkastusoikeus: miten pyyntö tehdään',
  'privacySettings.language.fi': 'suomeksi',
  'privacySettings.language.sv': 'ruotsiksi',
  'privacySettings.language.en': 'englanniksi',
};

type Messages = Record<keyof typeof publicPagesFi, string>;

export const publicPagesSv: Messages = {
  'permission.publicPages.manage': 'offentliga sidor: dataskydds- och tillgänglighetsutlåtande',
  'public.skipToContent': 'Gå till innehållet',
  'public.municipalityServices': 'Kundregister',
  'public.footerNav': 'Om tjänsten',
  'public.privacyStatement': 'Dataskyddsbeskrivning',
  'public.cookies': 'Kakor',
  'public.accessibility': 'Tillgänglighetsutlåtande',
  'public.feedback.title': 'Responsformulär',
  'public.feedback.message': 'Din respons',
  'public.feedback.messageHint': 'Berätta var i tjänsten och vilket problem du upptäckte.',
  'public.feedback.email': 'Din e-postadress (om du vill ha svar)',
  'public.feedback.name': 'Ditt namn (frivilligt)',
  'public.feedback.send': 'Skicka respons',
  'public.feedback.sent': 'Tack för din respons. Den har skickats till tjänstens administratör.',
  'public.feedback.sendAnother': 'Skicka ny respons',
  'privacySettings.accessibilityTitle': 'Tillgänglighetsutlåtande',
  'privacySettings.compliance': 'Tillgänglighetsstatus',
  'privacySettings.compliance.full': 'Uppfyller kraven',
  'privacySettings.compliance.partial': 'Uppfyller delvis',
  'privacySettings.compliance.none': 'Uppfyller inte',
  'privacySettings.assessedOn': 'Senast bedömd',
  'privacySettings.knownIssues': 'Innehåll som inte är tillgängligt ({language})',
  'privacySettings.knownIssuesHint':
    'Vad som inte är tillgängligt och varför. Tomt: inga kända brister.',
  'privacySettings.feedbackTitle': 'Respons om tillgänglighet',
  'privacySettings.feedbackOpen': 'Obehandlade {count}',
  'privacySettings.feedbackNone': 'Ingen obehandlad respons.',
  'privacySettings.feedbackShowAll': 'Visa även behandlade',
  'privacySettings.feedbackFrom': '{time} · {sender}',
  'privacySettings.feedbackAnonymous': 'anonym',
  'privacySettings.feedbackPage': 'Sida: {page}',
  'privacySettings.feedbackHandle': 'Markera som behandlad',
  'privacySettings.feedbackMore': 'Visa mer respons',
  'privacySettings.feedbackHandled': 'Behandlad {time}, {by}',
  'public.staffSignIn': 'Inloggning för personal',
  'public.notPublished':
    'Dataskyddsbeskrivningen har inte publicerats ännu. Fråga om registret på kommunens registratorskontor.',
  'public.statement.lastChanged': 'Senast ändrad {date}',
  'public.statement.contents': 'Innehåll',
  'public.statement.print': 'Skriv ut',
  'public.cookies.title': 'Kakor',
  'public.cookies.intro':
    'Den här tjänsten använder endast nödvändiga sessionskakor, och därför ber vi inte om samtycke.',
  'public.cookies.name': 'Namn',
  'public.cookies.purpose': 'Syfte',
  'public.cookies.duration': 'Giltighetstid',
  'public.cookies.sessionPurpose':
    'Upprätthåller en inloggad användares session. Innehåller inga personuppgifter, endast en slumpmässig identifierare.',
  'public.cookies.sessionDuration':
    'Under sessionen; raderas vid utloggning eller när sessionen upphör',
  'public.cookies.residentPurpose':
    'Upprätthåller invånarens starkt identifierade session i invånarens e-tjänst. Endast en slumpmässig identifierare.',
  'public.cookies.residentDuration':
    '15 minuter efter den senaste åtgärden, högst 4 timmar; raderas vid utloggning',
  'public.cookies.transactionPurpose':
    'Under identifieringen: säkerställer att svaret från identifieringstjänsten hör till den här webbläsaren. Krypterad.',
  'public.cookies.transactionDuration': '10 minuter eller när identifieringen är klar',
  'public.cookies.none':
    'Tjänsten använder inga kakor för spårning, analys eller reklam och hämtar ingenting från andra servrar.',
  'privacySettings.title': 'Inställningar för dataskyddsbeskrivningen',
  'privacySettings.intro':
    'Den offentliga dataskyddsbeskrivningen sammanställs av registrets egna uppgifter: ändamålen, datainnehållet, samarbetspartner som källor och mottagare, överföringar utanför EU och EES samt lagringstider. Här anger du den personuppgiftsansvariga, kontaktpersonen och beskrivningens fria texter.',
  'privacySettings.notSetUp':
    'Beskrivningen har inte publicerats ännu: den offentliga sidan visar den när du sparar de här uppgifterna.',
  'privacySettings.lastChanged': 'Inställningarna ändrades senast {time}',
  'privacySettings.saved': 'Sparat. Den offentliga beskrivningen visar ändringarna genast.',
  'privacySettings.viewPublic': 'Öppna den offentliga beskrivningen',
  'privacySettings.save': 'Spara',
  'privacySettings.controllerTitle': 'Personuppgiftsansvarig',
  'privacySettings.controllerName': 'Namn',
  'privacySettings.controllerBusinessId': 'FO-nummer',
  'privacySettings.controllerAddress': 'Adress',
  'privacySettings.email': 'E-post',
  'privacySettings.phone': 'Telefon',
  'privacySettings.contactTitle': 'Kontaktperson i ärenden som gäller registret',
  'privacySettings.contactName': 'Namn',
  'privacySettings.contactJobTitle': 'Befattning',
  'privacySettings.contactAddress': 'Adress (om en annan än den ansvarigas)',
  'privacySettings.registerTitle': 'Registret',
  'privacySettings.registerName': 'Registrets namn ({language})',
  'privacySettings.drawnUpOn': 'Datum för upprättande',
  'privacySettings.drawnUpOnHint': 'Dagen då beskrivningen först upprättades.',
  'privacySettings.textsTitle': 'Fria texter',
  'privacySettings.textsIntro':
    'Styckena läggs till i beskrivningens avsnitt efter registrets egna uppgifter. En tom rad börjar ett nytt stycke. Saknas en översättning visas den finska texten.',
  'privacySettings.text': '{section} ({language})',
  'privacySettings.section.purposes': 'Ändamål',
  'privacySettings.section.sources': 'Uppgiftskällor',
  'privacySettings.section.disclosures': 'Utlämnanden',
  'privacySettings.section.protectionManual':
    'Skydd av manuellt material (ersätter standardtexten)',
  'privacySettings.section.protectionElectronic': 'Skydd av elektroniskt material',
  'privacySettings.section.access': 'Rätt till insyn: hur en begäran görs',
  'privacySettings.language.fi': 'på finska',
  'privacySettings.language.sv': 'på svenska',
  'privacySettings.language.en': 'på engelska',
};

export const publicPagesEn: Messages = {
  'permission.publicPages.manage': 'public pages: privacy and accessibility statements',
  'public.skipToContent': 'Skip to content',
  'public.municipalityServices': 'Customer register',
  'public.footerNav': 'About the service',
  'public.privacyStatement': 'Privacy statement',
  'public.cookies': 'Cookies',
  'public.accessibility': 'Accessibility statement',
  'public.feedback.title': 'Feedback form',
  'public.feedback.message': 'Your feedback',
  'public.feedback.messageHint': 'Tell us where in the service, and what problem you noticed.',
  'public.feedback.email': 'Your email address (if you want an answer)',
  'public.feedback.name': 'Your name (optional)',
  'public.feedback.send': 'Send feedback',
  'public.feedback.sent':
    'Thank you for your feedback. It has been passed to the administrator of the service.',
  'public.feedback.sendAnother': 'Send more feedback',
  'privacySettings.accessibilityTitle': 'Accessibility statement',
  'privacySettings.compliance': 'Compliance status',
  'privacySettings.compliance.full': 'Fully compliant',
  'privacySettings.compliance.partial': 'Partially compliant',
  'privacySettings.compliance.none': 'Not compliant',
  'privacySettings.assessedOn': 'Last assessed',
  'privacySettings.knownIssues': 'Non-accessible content ({language})',
  'privacySettings.knownIssuesHint':
    'What is not accessible, and why. Empty: no known shortcomings.',
  'privacySettings.feedbackTitle': 'Accessibility feedback',
  'privacySettings.feedbackOpen': '{count} not handled',
  'privacySettings.feedbackNone': 'No feedback waiting.',
  'privacySettings.feedbackShowAll': 'Show handled feedback too',
  'privacySettings.feedbackFrom': '{time} · {sender}',
  'privacySettings.feedbackAnonymous': 'anonymous',
  'privacySettings.feedbackPage': 'Page: {page}',
  'privacySettings.feedbackHandle': 'Mark handled',
  'privacySettings.feedbackMore': 'Show more feedback',
  'privacySettings.feedbackHandled': 'Handled {time}, {by}',
  'public.staffSignIn': 'Staff sign-in',
  'public.notPublished':
    "The privacy statement has not been published yet. Ask about the register at the municipality's registry office.",
  'public.statement.lastChanged': 'Last changed {date}',
  'public.statement.contents': 'Contents',
  'public.statement.print': 'Print',
  'public.cookies.title': 'Cookies',
  'public.cookies.intro':
    'This service uses only strictly necessary session cookies, so no consent is asked for them.',
  'public.cookies.name': 'Name',
  'public.cookies.purpose': 'Purpose',
  'public.cookies.duration': 'Duration',
  'public.cookies.sessionPurpose':
    'Keeps a signed-in user’s session. It holds no personal data, only a random identifier.',
  'public.cookies.sessionDuration': 'For the session; removed at sign-out or when the session ends',
  'public.cookies.residentPurpose':
    'Keeps a resident’s strongly identified session in the resident e-service. Only a random identifier.',
  'public.cookies.residentDuration':
    '15 minutes after the last action, at most 4 hours; removed at sign-out',
  'public.cookies.transactionPurpose':
    'During identification: makes sure the answer from the identification service belongs to this browser. Encrypted.',
  'public.cookies.transactionDuration': '10 minutes, or when identification ends',
  'public.cookies.none':
    'The service uses no cookies for tracking, analytics or advertising, and loads nothing from other servers.',
  'privacySettings.title': 'Privacy statement settings',
  'privacySettings.intro':
    "The public privacy statement is put together from the register's own data: the purposes, the content, partners as sources and recipients, transfers outside the EU and the EEA, and retention. Here you give the controller's details, the contact person and the statement's free texts.",
  'privacySettings.notSetUp':
    'The statement has not been published yet: the public page shows it once you save these details.',
  'privacySettings.lastChanged': 'Settings last changed {time}',
  'privacySettings.saved': 'Saved. The public statement shows the changes at once.',
  'privacySettings.viewPublic': 'Open the public statement',
  'privacySettings.save': 'Save',
  'privacySettings.controllerTitle': 'Controller',
  'privacySettings.controllerName': 'Name',
  'privacySettings.controllerBusinessId': 'Business ID',
  'privacySettings.controllerAddress': 'Address',
  'privacySettings.email': 'Email',
  'privacySettings.phone': 'Telephone',
  'privacySettings.contactTitle': 'Contact person in matters of the register',
  'privacySettings.contactName': 'Name',
  'privacySettings.contactJobTitle': 'Job title',
  'privacySettings.contactAddress': "Address (if other than the controller's)",
  'privacySettings.registerTitle': 'The register',
  'privacySettings.registerName': 'Name of the register ({language})',
  'privacySettings.drawnUpOn': 'Date drawn up',
  'privacySettings.drawnUpOnHint': 'The day the statement was first drawn up.',
  'privacySettings.textsTitle': 'Free texts',
  'privacySettings.textsIntro':
    "These paragraphs are added to the statement's section after the register's own data. An empty line starts a new paragraph. Where a translation is missing, the Finnish text is shown.",
  'privacySettings.text': '{section} ({language})',
  'privacySettings.section.purposes': 'Purposes',
  'privacySettings.section.sources': 'Sources',
  'privacySettings.section.disclosures': 'Disclosures',
  'privacySettings.section.protectionManual':
    'Protection of manual material (replaces the default)',
  'privacySettings.section.protectionElectronic': 'Protection of electronic data',
  'privacySettings.section.access': 'Right of access: how to ask',
  'privacySettings.language.fi': 'in Finnish',
  'privacySettings.language.sv': 'in Swedish',
  'privacySettings.language.en': 'in English',
};

type PublicErrorCode = Extract<FieldErrorCode, `privacyStatement.${string}`>;

export const publicPagesErrors: Record<'fi' | 'sv' | 'en', Record<PublicErrorCode, string>> = {
  fi: {
    'privacyStatement.notSetUp':
      'Tietosuojaselostetta ei ole vielä julkaistu: pääkäyttäjä tallentaa ensin rekisterinpitäjän tiedot.',
  },
  sv: {
    'privacyStatement.notSetUp':
      'Dataskyddsbeskrivningen har inte publicerats ännu: huvudanvändaren sparar först den personuppgiftsansvarigas uppgifter.',
  },
  en: {
    'privacyStatement.notSetUp':
      "The privacy statement has not been published yet: an administrator first saves the controller's details.",
  },
};
