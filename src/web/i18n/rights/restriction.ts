import type { FieldErrorCode } from '../../../contract/field-errors.ts';
/**
 * Restriction of processing (GDPR Art. 18, decision 0033): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const restrictionFi = {
  'restriction.title': 'Käsittelyn rajoittaminen',
  'restriction.intro':
    'Rajoituksen aikana henkilön tietoja vain säilytetään: ne jäävät pois postituslistoista, luovutuksista ja kumppanien rajapinnasta, eikä niitä voi muuttaa. Laskutus ja perintä (oikeusvaatimukset) sekä lakisääteiset luovutukset jatkuvat. Oikaisu, jota rajoitus odottaa, voidaan tehdä.',
  'restriction.notYet': 'Rajoitus asetetaan, kun henkilöllisyys on todennettu.',
  'restriction.none': 'Rajoitusta ei ole asetettu.',
  'restriction.grounds': 'Peruste (tietosuoja-asetuksen 18 artiklan 1 kohta)',
  'restriction.ground.accuracy_contested': 'Henkilö kiistää tietojen paikkansapitävyyden',
  'restriction.ground.unlawful_erasure_opposed':
    'Käsittely on lainvastaista, mutta henkilö vastustaa poistamista',
  'restriction.ground.legal_claims': 'Henkilö tarvitsee tietoja oikeusvaatimukseen',
  'restriction.ground.objection_pending':
    'Henkilö on vastustanut käsittelyä, ja asiaa tarkistetaan',
  'restriction.rectificationRequest': 'Oikaisupyyntö, jota rajoitus odottaa',
  'restriction.rectificationHint':
    'Vain tämän pyynnön mukainen korjaus voidaan tehdä rajoituksen aikana.',
  'restriction.noRectification': 'Henkilöllä ei ole oikaisupyyntöä, jota rajoitus odottaisi.',
  'restriction.rectificationOption': 'Pyyntö {number}, saapunut {date}',
  'restriction.placedOn': 'Alkaa',
  'restriction.place': 'Aseta rajoitus',
  'restriction.placedDone': 'Rajoitus asetettu. Henkilön tietoja vain säilytetään.',
  'restriction.inForce': 'Voimassa {date} alkaen',
  'restriction.endsOn': 'Päättyy {date}',
  'restriction.ended': 'Päättyi {date}',
  'restriction.placedBy': 'Asettanut {user}',
  'restriction.waitsFor': 'Odottaa oikaisupyyntöä {number}',
  'restriction.liftTitle': 'Päätä rajoitus',
  'restriction.liftIntro':
    'Henkilölle on ilmoitettava ennen kuin rajoitus päättyy. Valitse päättymispäiväksi tämä päivä, jos henkilölle on jo kerrottu, tai myöhempi päivä ja lähetä ilmoitus ennen sitä.',
  'restriction.liftedOn': 'Päättymispäivä',
  'restriction.liftReason': 'Syy',
  'restriction.lift': 'Päätä rajoitus',
  'restriction.liftedDone': 'Rajoituksen päättyminen kirjattu. Lähetä henkilölle ilmoitus.',
  'restriction.letter': 'Lataa ilmoitus henkilölle (PDF)',
  'restriction.letterDownloaded': 'Ladattu {name}.',
  'restriction.historyPlace': 'Rajoitus asetettu',
  'restriction.historyLift': 'Rajoituksen päättyminen kirjattu',
  'restriction.badge': 'Käsittelyä rajoitettu {date} alkaen',
};

export const restrictionSv: Record<keyof typeof restrictionFi, string> = {
  'restriction.title': 'Begränsning av behandling',
  'restriction.intro':
    'Under begränsningen lagras personens uppgifter endast: de utelämnas ur utskickslistor, utlämnanden och samarbetspartnernas gränssnitt, och de kan inte ändras. Fakturering och indrivning (rättsliga anspråk) samt lagstadgade utlämnanden fortsätter. Den rättelse som begränsningen väntar på kan göras.',
  'restriction.notYet': 'Begränsningen införs när identiteten har verifierats.',
  'restriction.none': 'Ingen begränsning har införts.',
  'restriction.grounds': 'Grund (artikel 18.1 i dataskyddsförordningen)',
  'restriction.ground.accuracy_contested': 'Personen bestrider att uppgifterna är korrekta',
  'restriction.ground.unlawful_erasure_opposed':
    'Behandlingen är olaglig, men personen motsätter sig radering',
  'restriction.ground.legal_claims': 'Personen behöver uppgifterna för rättsliga anspråk',
  'restriction.ground.objection_pending':
    'Personen har invänt mot behandlingen, och saken kontrolleras',
  'restriction.rectificationRequest': 'Begäran om rättelse som begränsningen väntar på',
  'restriction.rectificationHint':
    'Endast rättelsen enligt denna begäran kan göras under begränsningen.',
  'restriction.noRectification':
    'Personen har ingen begäran om rättelse som begränsningen skulle vänta på.',
  'restriction.rectificationOption': 'Begäran {number}, mottagen {date}',
  'restriction.placedOn': 'Börjar',
  'restriction.place': 'Inför begränsning',
  'restriction.placedDone': 'Begränsningen har införts. Personens uppgifter lagras endast.',
  'restriction.inForce': 'Gäller från och med {date}',
  'restriction.endsOn': 'Upphör {date}',
  'restriction.ended': 'Upphörde {date}',
  'restriction.placedBy': 'Införd av {user}',
  'restriction.waitsFor': 'Väntar på begäran om rättelse {number}',
  'restriction.liftTitle': 'Häv begränsningen',
  'restriction.liftIntro':
    'Personen ska underrättas innan begränsningen upphör. Välj dagens datum om personen redan har underrättats, eller ett senare datum och skicka meddelandet före det.',
  'restriction.liftedOn': 'Upphör den',
  'restriction.liftReason': 'Skäl',
  'restriction.lift': 'Häv begränsningen',
  'restriction.liftedDone':
    'Hävningen av begränsningen har registrerats. Skicka meddelandet till personen.',
  'restriction.letter': 'Ladda ner meddelandet till personen (PDF)',
  'restriction.letterDownloaded': 'Nedladdad {name}.',
  'restriction.historyPlace': 'Begränsning införd',
  'restriction.historyLift': 'Hävning av begränsning registrerad',
  'restriction.badge': 'Behandlingen begränsad från och med {date}',
};

export const restrictionEn: Record<keyof typeof restrictionFi, string> = {
  'restriction.title': 'Restriction of processing',
  'restriction.intro':
    "While the restriction holds, the person's data are only stored: they are left out of mailing lists, disclosures and the partners' interface, and cannot be changed. Invoicing and collection (legal claims) and disclosures the law requires go on. The rectification the restriction waits for can be made.",
  'restriction.notYet': 'The restriction is placed once the identity is verified.',
  'restriction.none': 'No restriction has been placed.',
  'restriction.grounds': 'Grounds (GDPR Article 18(1))',
  'restriction.ground.accuracy_contested': 'The person contests the accuracy of the data',
  'restriction.ground.unlawful_erasure_opposed':
    'The processing is unlawful, but the person opposes erasure',
  'restriction.ground.legal_claims': 'The person needs the data for legal claims',
  'restriction.ground.objection_pending':
    'The person has objected to the processing, and it is being verified',
  'restriction.rectificationRequest': 'Rectification request the restriction waits for',
  'restriction.rectificationHint':
    "Only this request's correction can be made while the restriction holds.",
  'restriction.noRectification':
    'The person has no rectification request for the restriction to wait for.',
  'restriction.rectificationOption': 'Request {number}, received {date}',
  'restriction.placedOn': 'Begins',
  'restriction.place': 'Place the restriction',
  'restriction.placedDone': "The restriction is placed. The person's data are only stored.",
  'restriction.inForce': 'In force since {date}',
  'restriction.endsOn': 'Ends on {date}',
  'restriction.ended': 'Ended on {date}',
  'restriction.placedBy': 'Placed by {user}',
  'restriction.waitsFor': 'Waits for rectification request {number}',
  'restriction.liftTitle': 'Lift the restriction',
  'restriction.liftIntro':
    'The person must be told before the restriction ends. Choose today if they have been told already, or a later day and send the notice before it.',
  'restriction.liftedOn': 'Ends on',
  'restriction.liftReason': 'Reason',
  'restriction.lift': 'Lift the restriction',
  'restriction.liftedDone':
    'The end of the restriction is recorded. Send the notice to the person.',
  'restriction.letter': 'Download the notice to the person (PDF)',
  'restriction.letterDownloaded': 'Downloaded {name}.',
  'restriction.historyPlace': 'Restriction placed',
  'restriction.historyLift': 'End of restriction recorded',
  'restriction.badge': 'Processing restricted since {date}',
};

/** Codes the server's problem documents carry for this part. */
export const RESTRICTION_ERROR_CODES = [
  'restriction.inForce',
  'restriction.alreadyActive',
  'restriction.alreadyPlaced',
  'restriction.notPlaced',
  'restriction.alreadyLifted',
  'restriction.notRectificationRequest',
  'restriction.duplicateGround',
  'restriction.rectificationWithoutGround',
  'restriction.dateInFuture',
  'restriction.dateBeforeRequest',
  'restriction.liftInPast',
  'restriction.outcomeMismatch',
] as const satisfies readonly FieldErrorCode[];

type Code = (typeof RESTRICTION_ERROR_CODES)[number];

export const restrictionErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {
    'restriction.inForce':
      'Henkilön tietojen käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): tietoja vain säilytetään, eikä niitä voi muuttaa ennen kuin rajoitus päättyy. Vain rajoituksen odottama oikaisu voidaan tehdä.',
    'restriction.alreadyActive': 'Henkilön tietojen käsittelyä on jo rajoitettu. Päätä se ensin.',
    'restriction.alreadyPlaced': 'Tämä pyyntö on jo asettanut rajoituksensa.',
    'restriction.notPlaced': 'Tämä pyyntö ei ole asettanut rajoitusta.',
    'restriction.alreadyLifted': 'Rajoitus on jo päättynyt.',
    'restriction.notRectificationRequest': 'Valitse saman henkilön oikaisupyyntö.',
    'restriction.duplicateGround': 'Kukin peruste annetaan vain kerran.',
    'restriction.rectificationWithoutGround':
      'Oikaisupyyntö valitaan vain, kun henkilö kiistää tietojen paikkansapitävyyden.',
    'restriction.dateInFuture': 'Alkamispäivä ei voi olla tulevaisuudessa.',
    'restriction.dateBeforeRequest': 'Alkamispäivä ei voi olla ennen pyynnön saapumista.',
    'restriction.liftInPast': 'Päättymispäivä on tämä päivä tai myöhempi.',
    'restriction.outcomeMismatch':
      'Rajoituspyyntö hyväksytään, kun rajoitus on asetettu, ja hylätään, jos sitä ei ole asetettu.',
  },
  sv: {
    'restriction.inForce':
      'Behandlingen av personens uppgifter är begränsad (artikel 18 i dataskyddsförordningen): uppgifterna lagras endast och kan inte ändras förrän begränsningen upphör. Endast den rättelse som begränsningen väntar på kan göras.',
    'restriction.alreadyActive':
      'Behandlingen av personens uppgifter är redan begränsad. Häv den först.',
    'restriction.alreadyPlaced': 'Denna begäran har redan infört sin begränsning.',
    'restriction.notPlaced': 'Denna begäran har inte infört någon begränsning.',
    'restriction.alreadyLifted': 'Begränsningen har redan upphört.',
    'restriction.notRectificationRequest': 'Välj en begäran om rättelse från samma person.',
    'restriction.duplicateGround': 'Varje grund anges bara en gång.',
    'restriction.rectificationWithoutGround':
      'En begäran om rättelse väljs bara när personen bestrider att uppgifterna är korrekta.',
    'restriction.dateInFuture': 'Startdagen kan inte ligga i framtiden.',
    'restriction.dateBeforeRequest': 'Startdagen kan inte ligga före begärans mottagande.',
    'restriction.liftInPast': 'Slutdagen är i dag eller senare.',
    'restriction.outcomeMismatch':
      'En begäran om begränsning bifalls när begränsningen har införts och avslås om den inte har införts.',
  },
  en: {
    'restriction.inForce':
      "The processing of the person's data is restricted (GDPR Article 18): the data are only stored and cannot be changed until the restriction ends. Only the rectification the restriction waits for can be made.",
    'restriction.alreadyActive':
      "The processing of the person's data is already restricted. Lift that restriction first.",
    'restriction.alreadyPlaced': 'This request has already placed its restriction.',
    'restriction.notPlaced': 'This request has placed no restriction.',
    'restriction.alreadyLifted': 'The restriction has already ended.',
    'restriction.notRectificationRequest': 'Choose a rectification request of the same person.',
    'restriction.duplicateGround': 'Give each ground once.',
    'restriction.rectificationWithoutGround':
      'A rectification request is chosen only when the person contests the accuracy of the data.',
    'restriction.dateInFuture': 'The first day cannot be in the future.',
    'restriction.dateBeforeRequest': 'The first day cannot be before the request was received.',
    'restriction.liftInPast': 'The last day is today or later.',
    'restriction.outcomeMismatch':
      'A restriction request is granted once its restriction is placed, and refused if none is.',
  },
};
