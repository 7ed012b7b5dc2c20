import type { FieldErrorCode } from '../../../contract/field-errors.ts';
/**
 * The access part of the data subjects' rights (issue #6): its screen texts and its error codes.
 * Finnish gives the keys; Swedish and English must have exactly the same (i18n.test.ts).
 */
export const accessFi = {
  'access.packageTitle': 'Tarkastusoikeuden vastaus',
  'access.packageIntro':
    'Vastaus kootaan rekisterin tiedoista sellaisina kuin ne ovat nyt: jokainen tieto luokittain, sen lähde, käyttötarkoitukset, vastaanottajat, säilytysaika ja rekisteröidyn oikeudet. PDF on pyynnön kielellä. Lataaminen kirjataan lokiin.',
  'access.downloadPdf': 'Lataa vastaus (PDF)',
  'access.downloadJson': 'Lataa vastaus koneluettavana (JSON)',
  'access.downloading': 'Ladataan…',
  'access.downloaded': 'Ladattu: {name}',
  'access.handOverTitle': 'Vastauksen luovutus',
  'access.handOverIntro':
    'Kirjaa, milloin ja miten vastaus annettiin rekisteröidylle. Luovutus kirjataan luovutusrekisteriin luovutuksena rekisteröidylle itselleen.',
  'access.handedOverOn': 'Luovutuspäivä',
  'access.channel': 'Luovutustapa',
  'access.format': 'Luovutettu muoto',
  'access.format.pdf': 'PDF',
  'access.format.json': 'JSON',
  'access.handOver': 'Kirjaa luovutus',
  'access.handedOverDone': 'Luovutus kirjattu luovutusrekisteriin.',
  'access.handOvers': 'Kirjatut luovutukset',
  'access.noHandOvers': 'Vastausta ei ole vielä kirjattu luovutetuksi.',
  'access.handOverLine': '{date} · {channel} · {file}',
  'access.handOverNotYet':
    'Luovutuksen voi kirjata, kun pyyntö on ratkaistu myönteisesti tai osittain myönteisesti.',
  'access.toDataSubject': 'Rekisteröity itse',
  'access.toDataSubjectVia': '{channel}, {date}',
  'access.action.handOver': 'Vastaus luovutettu',
};

export const accessSv: Record<keyof typeof accessFi, string> = {
  'access.packageTitle': 'Svar på begäran om insyn',
  'access.packageIntro':
    'Svaret sammanställs av registrets uppgifter som de är nu: varje uppgift per kategori, dess källa, ändamål, mottagare, lagringstid och den registrerades rättigheter. PDF-filen är på begärans språk. Nedladdningen loggas.',
  'access.downloadPdf': 'Ladda ner svaret (PDF)',
  'access.downloadJson': 'Ladda ner svaret maskinläsbart (JSON)',
  'access.downloading': 'Laddar ner…',
  'access.downloaded': 'Nedladdat: {name}',
  'access.handOverTitle': 'Överlämnande av svaret',
  'access.handOverIntro':
    'Registrera när och hur svaret gavs till den registrerade. Överlämnandet förs in i registret över utlämnanden som ett utlämnande till den registrerade själv.',
  'access.handedOverOn': 'Överlämnat den',
  'access.channel': 'Sätt',
  'access.format': 'Överlämnat format',
  'access.format.pdf': 'PDF',
  'access.format.json': 'JSON',
  'access.handOver': 'Registrera överlämnandet',
  'access.handedOverDone': 'Överlämnandet har förts in i registret över utlämnanden.',
  'access.handOvers': 'Registrerade överlämnanden',
  'access.noHandOvers': 'Svaret har ännu inte registrerats som överlämnat.',
  'access.handOverLine': '{date} · {channel} · {file}',
  'access.handOverNotYet':
    'Överlämnandet kan registreras när begäran har beviljats helt eller delvis.',
  'access.toDataSubject': 'Den registrerade själv',
  'access.toDataSubjectVia': '{channel}, {date}',
  'access.action.handOver': 'Svaret överlämnat',
};

export const accessEn: Record<keyof typeof accessFi, string> = {
  'access.packageTitle': 'Answer to the access request',
  'access.packageIntro':
    "The answer is put together from the register's data as it is now: every datum by category, its source, the purposes, the recipients, the retention and the person's rights. The PDF is in the request's language. Each download is logged.",
  'access.downloadPdf': 'Download the answer (PDF)',
  'access.downloadJson': 'Download the answer as machine-readable JSON',
  'access.downloading': 'Downloading…',
  'access.downloaded': 'Downloaded: {name}',
  'access.handOverTitle': 'Handing over the answer',
  'access.handOverIntro':
    'Record when and how the answer was given to the person. The hand-over is entered in the register of disclosures as a disclosure to the person themself.',
  'access.handedOverOn': 'Handed over on',
  'access.channel': 'Channel',
  'access.format': 'Format handed over',
  'access.format.pdf': 'PDF',
  'access.format.json': 'JSON',
  'access.handOver': 'Record the hand-over',
  'access.handedOverDone': 'The hand-over is recorded in the register of disclosures.',
  'access.handOvers': 'Recorded hand-overs',
  'access.noHandOvers': 'The answer has not been recorded as handed over yet.',
  'access.handOverLine': '{date} · {channel} · {file}',
  'access.handOverNotYet':
    'The hand-over can be recorded once the request is granted or partly granted.',
  'access.toDataSubject': 'The person themself',
  'access.toDataSubjectVia': '{channel}, {date}',
  'access.action.handOver': 'Answer handed over',
};

/** Codes the server's problem documents carry for this part. */
export const ACCESS_ERROR_CODES = [
  'accessPackage.notAccessRequest',
  'accessPackage.refused',
] as const satisfies readonly FieldErrorCode[];

type Code = (typeof ACCESS_ERROR_CODES)[number];

export const accessErrors: Record<'fi' | 'sv' | 'en', Record<Code, string>> = {
  fi: {
    'accessPackage.notAccessRequest':
      'Pyyntö ei ole tarkastuspyyntö: vastauspaketti kootaan vain tarkastuspyyntöön.',
    'accessPackage.refused': 'Pyyntö on evätty: tietoja ei luovuteta.',
  },
  sv: {
    'accessPackage.notAccessRequest':
      'Begäran är ingen begäran om insyn: svarspaketet sammanställs bara för en sådan.',
    'accessPackage.refused': 'Begäran har avslagits: uppgifterna lämnas inte ut.',
  },
  en: {
    'accessPackage.notAccessRequest':
      'The request is not an access request: the answer package is made for access requests only.',
    'accessPackage.refused': 'The request was refused: the data is not handed over.',
  },
};
