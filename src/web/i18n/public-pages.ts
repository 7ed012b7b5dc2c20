import type { FieldErrorCode } from '../../contract/field-errors.ts';

/**
 * The public pages (issue #17: the privacy statement, the cookie notice) and the administrator's
 * settings of the statement: their screen texts and error codes. Finnish gives the keys; Swedish
 * and English must have exactly the same (i18n.test.ts).
 */
export const publicPagesFi = {
  'permission.privacyStatement.manage': 'tietosuojaselosteen asetukset',
  'public.skipToContent': 'Siirry sisältöön',
  'public.municipalityServices': 'Asiakasrekisteri',
  'public.footerNav': 'Tietoa palvelusta',
  'public.privacyStatement': 'Tietosuojaseloste',
  'public.cookies': 'Evästeet',
  'public.staffSignIn': 'Henkilöstön kirjautuminen',
  'public.notPublished':
    'Tietosuojaselostetta ei ole vielä julkaistu. Kysy rekisteristä kunnan kirjaamosta.',
  'public.statement.lastChanged': 'Viimeksi muutettu {date}',
  'public.statement.contents': 'Sisältö',
  'public.statement.print': 'Tulosta',
  'public.cookies.title': 'Evästeet',
  'public.cookies.intro':
    'Tämä palvelu käyttää vain yhtä evästettä. Se on välttämätön, joten siihen ei kysytä suostumusta.',
  'public.cookies.name': 'Nimi',
  'public.cookies.purpose': 'Tarkoitus',
  'public.cookies.duration': 'Kesto',
  'public.cookies.sessionPurpose':
    'Pitää kirjautuneen käyttäjän istunnon yllä. Ei sisällä henkilötietoja, vain satunnaisen tunnisteen.',
  'public.cookies.sessionDuration':
    'Istunnon ajan; poistuu uloskirjautuessa tai istunnon päättyessä',
  'public.cookies.none':
    'Palvelu ei käytä evästeitä seurantaan, analytiikkaan tai mainontaan, eikä lataa mitään muilta palvelimilta.',
  'privacySettings.nav': 'Tietosuojaseloste',
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
  'permission.privacyStatement.manage': 'inställningar för dataskyddsbeskrivningen',
  'public.skipToContent': 'Gå till innehållet',
  'public.municipalityServices': 'Kundregister',
  'public.footerNav': 'Om tjänsten',
  'public.privacyStatement': 'Dataskyddsbeskrivning',
  'public.cookies': 'Kakor',
  'public.staffSignIn': 'Inloggning för personal',
  'public.notPublished':
    'Dataskyddsbeskrivningen har inte publicerats ännu. Fråga om registret på kommunens registratorskontor.',
  'public.statement.lastChanged': 'Senast ändrad {date}',
  'public.statement.contents': 'Innehåll',
  'public.statement.print': 'Skriv ut',
  'public.cookies.title': 'Kakor',
  'public.cookies.intro':
    'Den här tjänsten använder endast en kaka. Den är nödvändig, och därför ber vi inte om samtycke.',
  'public.cookies.name': 'Namn',
  'public.cookies.purpose': 'Syfte',
  'public.cookies.duration': 'Giltighetstid',
  'public.cookies.sessionPurpose':
    'Upprätthåller en inloggad användares session. Innehåller inga personuppgifter, endast en slumpmässig identifierare.',
  'public.cookies.sessionDuration':
    'Under sessionen; raderas vid utloggning eller när sessionen upphör',
  'public.cookies.none':
    'Tjänsten använder inga kakor för spårning, analys eller reklam och hämtar ingenting från andra servrar.',
  'privacySettings.nav': 'Dataskydd',
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
  'permission.privacyStatement.manage': 'privacy statement settings',
  'public.skipToContent': 'Skip to content',
  'public.municipalityServices': 'Customer register',
  'public.footerNav': 'About the service',
  'public.privacyStatement': 'Privacy statement',
  'public.cookies': 'Cookies',
  'public.staffSignIn': 'Staff sign-in',
  'public.notPublished':
    "The privacy statement has not been published yet. Ask about the register at the municipality's registry office.",
  'public.statement.lastChanged': 'Last changed {date}',
  'public.statement.contents': 'Contents',
  'public.statement.print': 'Print',
  'public.cookies.title': 'Cookies',
  'public.cookies.intro':
    'This service uses one cookie only. It is strictly necessary, so your consent is not asked for it.',
  'public.cookies.name': 'Name',
  'public.cookies.purpose': 'Purpose',
  'public.cookies.duration': 'Duration',
  'public.cookies.sessionPurpose':
    'Keeps a signed-in user’s session. It holds no personal data, only a random identifier.',
  'public.cookies.sessionDuration': 'For the session; removed at sign-out or when the session ends',
  'public.cookies.none':
    'The service uses no cookies for tracking, analytics or advertising, and loads nothing from other servers.',
  'privacySettings.nav': 'Privacy statement',
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
