import type { SourcedPersonField } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { confidentialPdf, MARKINGS } from '../../lib/pdf-pages.ts';
import { findBillingSettings } from '../billing-settings/billing-settings.queries.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import { documentData, lettersOf, valueText } from './rectification.service.ts';

type Language = 'fi' | 'sv' | 'en';

const FIELD_NAMES: Record<Language, Record<SourcedPersonField, string>> = {
  fi: {
    firstName: 'Etunimi',
    lastName: 'Sukunimi',
    personalIdentityCode: 'Henkilötunnus',
    email: 'Sähköpostiosoite',
    phone: 'Puhelinnumero',
    permanentAddress: 'Vakinainen osoite',
    contactAddress: 'Yhteysosoite',
    language: 'Asiointikieli',
    billing: 'Laskutustiedot',
    addressProtection: 'Turvakielto',
    organizations: 'Organisaatiot',
  },
  sv: {
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    personalIdentityCode: 'Personbeteckning',
    email: 'E-postadress',
    phone: 'Telefonnummer',
    permanentAddress: 'Stadigvarande adress',
    contactAddress: 'Kontaktadress',
    language: 'Kontaktspråk',
    billing: 'Faktureringsuppgifter',
    addressProtection: 'Spärrmarkering',
    organizations: 'Organisationer',
  },
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    personalIdentityCode: 'Personal identity code',
    email: 'Email address',
    phone: 'Phone number',
    permanentAddress: 'Permanent address',
    contactAddress: 'Contact address',
    language: 'Language',
    billing: 'Billing details',
    addressProtection: 'Address protection',
    organizations: 'Organisations',
  },
};

const LANGUAGE_NAMES: Record<Language, Record<string, string>> = {
  fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
  sv: { fi: 'finska', sv: 'svenska', en: 'engelska' },
  en: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
};

/** The words of the letters and the certificate; the marking as on the register's other print-outs. */
export const RECTIFICATION_TEXTS = {
  fi: {
    locale: 'fi-FI',
    marking: MARKINGS.personalData.fi,
    letterTitle: 'Ilmoitus henkilötietojen oikaisusta',
    certificateTitle: 'Todistus oikaisupyynnön epäämisestä',
    certificateFile: 'oikaisupyynnon-epaamistodistus',
    letterFile: 'oikaisuilmoitus',
    controller: 'Rekisterinpitäjä',
    to: 'Vastaanottaja',
    date: 'Päivämäärä',
    request: 'Pyyntö nro',
    received: 'Saapunut',
    dataSubject: 'Rekisteröity',
    identityCode: 'Henkilötunnus',
    letterIntro:
      'Rekisteröity on pyytänyt henkilötietojensa oikaisemista (EU:n yleinen tietosuoja-asetus, 16 artikla). Alla mainitut tiedot on oikaistu asiakasrekisterissä. Ilmoitamme oikaisusta tietosuoja-asetuksen 19 artiklan mukaisesti.',
    asSource: 'Tieto on saatu teiltä:',
    asRecipient: 'Tieto on luovutettu teille:',
    ask: 'Pyydämme oikaisemaan tiedot myös omiin rekistereihinne.',
    field: 'Tieto',
    correctedOn: 'Oikaistu',
    newValue: 'Uusi arvo',
    noValue: '(tieto poistettu)',
    withheld: '(turvakielto: osoitetta ei ilmoiteta)',
    certificateIntro:
      'Olette pyytäneet henkilötietojenne oikaisemista (EU:n yleinen tietosuoja-asetus, 16 artikla). Pyyntönne on evätty seuraavien tietojen osalta:',
    requested: 'Pyytämänne arvo',
    reason: 'Epäämisen syy',
    grantedFields: 'Muiden pyytämienne tietojen oikaisu on tehty:',
    ombudsmanTitle: 'Oikeus saattaa asia tietosuojavaltuutetun käsiteltäväksi',
    ombudsman:
      'Jos katsotte, että henkilötietojenne käsittely rikkoo tietosuoja-asetusta, teillä on oikeus saattaa asia tietosuojavaltuutetun käsiteltäväksi (tietosuoja-asetus, 77 artikla).',
    ombudsmanContact: [
      'Tietosuojavaltuutetun toimisto',
      'Käyntiosoite: Lintulahdenkuja 4, 00530 Helsinki',
      'Postiosoite: PL 800, 00531 Helsinki',
      'Sähköposti: tietosuoja@om.fi',
      'Puhelin (vaihde): +358 29 566 6700',
      'tietosuoja.fi',
    ],
    page: (page: number, pages: number) => `Sivu ${page}/${pages}`,
    protectionActive: (until: string | null) =>
      until ? `voimassa ${until} asti` : 'voimassa toistaiseksi',
    protectionNone: 'ei turvakieltoa',
    dvv: 'Digi- ja väestötietovirasto (DVV)',
    updateService: 'Osoitepäivityspalvelu',
  },
  sv: {
    locale: 'sv-FI',
    marking: MARKINGS.personalData.sv,
    letterTitle: 'Meddelande om rättelse av personuppgifter',
    certificateTitle: 'Intyg över avslag på begäran om rättelse',
    certificateFile: 'intyg-over-avslag-pa-begaran-om-rattelse',
    letterFile: 'meddelande-om-rattelse',
    controller: 'Personuppgiftsansvarig',
    to: 'Mottagare',
    date: 'Datum',
    request: 'Begäran nr',
    received: 'Mottagen',
    dataSubject: 'Den registrerade',
    identityCode: 'Personbeteckning',
    letterIntro:
      'Den registrerade har begärt rättelse av sina personuppgifter (EU:s allmänna dataskyddsförordning, artikel 16). Uppgifterna nedan har rättats i kundregistret. Vi meddelar rättelsen enligt artikel 19 i dataskyddsförordningen.',
    asSource: 'Uppgiften har erhållits från er:',
    asRecipient: 'Uppgiften har lämnats ut till er:',
    ask: 'Vi ber er att rätta uppgifterna också i era egna register.',
    field: 'Uppgift',
    correctedOn: 'Rättad',
    newValue: 'Nytt värde',
    noValue: '(uppgiften raderad)',
    withheld: '(spärrmarkering: adressen meddelas inte)',
    certificateIntro:
      'Ni har begärt rättelse av era personuppgifter (EU:s allmänna dataskyddsförordning, artikel 16). Er begäran har avslagits i fråga om följande uppgifter:',
    requested: 'Det värde ni begärt',
    reason: 'Skäl till avslag',
    grantedFields: 'De övriga uppgifter ni begärt har rättats:',
    ombudsmanTitle: 'Rätt att föra ärendet till dataombudsmannen',
    ombudsman:
      'Om ni anser att behandlingen av era personuppgifter strider mot dataskyddsförordningen har ni rätt att föra ärendet till dataombudsmannen (dataskyddsförordningen, artikel 77).',
    ombudsmanContact: [
      'Dataombudsmannens byrå',
      'Besöksadress: Lintulahdenkuja 4, 00530 Helsingfors',
      'Postadress: PB 800, 00531 Helsingfors',
      'E-post: tietosuoja@om.fi',
      'Telefon (växel): +358 29 566 6700',
      'tietosuoja.fi',
    ],
    page: (page: number, pages: number) => `Sida ${page}/${pages}`,
    protectionActive: (until: string | null) =>
      until ? `i kraft till och med ${until}` : 'i kraft tills vidare',
    protectionNone: 'ingen spärrmarkering',
    dvv: 'Myndigheten för digitalisering och befolkningsdata (DVV)',
    updateService: 'Adressuppdateringstjänst',
  },
  en: {
    locale: 'en-GB',
    marking: MARKINGS.personalData.en,
    letterTitle: 'Notification of the rectification of personal data',
    certificateTitle: 'Certificate of refusal to rectify personal data',
    certificateFile: 'rectification-refusal-certificate',
    letterFile: 'rectification-notice',
    controller: 'Controller',
    to: 'To',
    date: 'Date',
    request: 'Request no.',
    received: 'Received',
    dataSubject: 'Data subject',
    identityCode: 'Personal identity code',
    letterIntro:
      'The data subject has asked for their personal data to be rectified (EU General Data Protection Regulation, Article 16). The data below have been rectified in the customer register. We notify you of the rectification under Article 19 of the Regulation.',
    asSource: 'We received the data from you:',
    asRecipient: 'The data were disclosed to you:',
    ask: 'Please rectify the data in your own records as well.',
    field: 'Data',
    correctedOn: 'Rectified on',
    newValue: 'New value',
    noValue: '(removed)',
    withheld: '(address protection: the address is not given)',
    certificateIntro:
      'You have asked for your personal data to be rectified (EU General Data Protection Regulation, Article 16). Your request has been refused for the following data:',
    requested: 'The value you asked for',
    reason: 'Reason for the refusal',
    grantedFields: 'The other data you asked to have rectified have been rectified:',
    ombudsmanTitle: 'Your right to take the matter to the Data Protection Ombudsman',
    ombudsman:
      'If you consider that the processing of your personal data infringes the General Data Protection Regulation, you have the right to take the matter to the Data Protection Ombudsman (Article 77 of the Regulation).',
    ombudsmanContact: [
      'Office of the Data Protection Ombudsman',
      'Visiting address: Lintulahdenkuja 4, 00530 Helsinki, Finland',
      'Postal address: P.O. Box 800, 00531 Helsinki, Finland',
      'Email: tietosuoja@om.fi',
      'Telephone (switchboard): +358 29 566 6700',
      'tietosuoja.fi',
    ],
    page: (page: number, pages: number) => `Page ${page}/${pages}`,
    protectionActive: (until: string | null) => (until ? `in force until ${until}` : 'in force'),
    protectionNone: 'none',
    dvv: 'Digital and Population Data Services Agency (DVV)',
    updateService: 'Address update service',
  },
} as const;

type Texts = (typeof RECTIFICATION_TEXTS)[Language];

/** A date as Finland writes it in each of the letters' languages: 2.12.2026. */
const dateIn = (iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day}.${month}.${year}`;
};

/** A value as the letter's language writes it. */
function valueIn(
  language: Language,
  field: SourcedPersonField,
  value: unknown,
  organizationNames: ReadonlyMap<string, string>,
  maskCode: boolean,
): string {
  const t = RECTIFICATION_TEXTS[language];
  if (value === null || value === undefined) return t.noValue;
  if (field === 'language' && typeof value === 'string') {
    return LANGUAGE_NAMES[language][value] ?? value;
  }
  if (field === 'addressProtection') {
    const protection = value as { active: boolean; endsOn?: string | null };
    return protection.active
      ? t.protectionActive(protection.endsOn ? dateIn(protection.endsOn) : null)
      : t.protectionNone;
  }
  return valueText(field, value, { organizationNames, maskCode }) ?? t.noValue;
}

type Block =
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'entry'; heading: string; lines: string[] }
  | { kind: 'lines'; lines: readonly string[] };

const MARGIN = 56;

/** A letter or certificate: titles, blocks, and the confidentiality marking on every page. */
async function renderDocument(document: {
  titles: string[];
  marking: string;
  locale: string;
  page: (page: number, pages: number) => string;
  blocks: Block[];
  createdAt: Date;
}): Promise<Buffer> {
  const { doc, text, width, finish } = confidentialPdf({
    title: document.titles.join(' / '),
    marking: document.marking,
    locale: document.locale,
    createdAt: document.createdAt,
    margin: MARGIN,
    page: document.page,
  });

  for (const [i, title] of document.titles.entries()) {
    doc
      .font(i === 0 ? 'Helvetica-Bold' : 'Helvetica-BoldOblique')
      .fontSize(i === 0 ? 16 : 13)
      .text(text(title), { width });
  }
  doc.moveDown(0.8);
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'facts':
        doc.fontSize(10);
        for (const [label, value] of block.rows) {
          doc.font('Helvetica-Bold').text(`${text(label)}: `, { continued: true, width });
          doc.font('Helvetica').text(text(value), { width });
        }
        doc.moveDown(0.6);
        break;
      case 'heading':
        doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(text(block.text), { width });
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(10).text(text(block.text), { width });
        doc.moveDown(0.5);
        break;
      case 'entry':
        doc.font('Helvetica-Bold').fontSize(10).text(text(block.heading), { width });
        doc.font('Helvetica').fontSize(10);
        for (const line of block.lines) doc.text(text(line), { width, indent: 12 });
        doc.moveDown(0.4);
        break;
      case 'lines':
        doc.font('Helvetica').fontSize(10);
        for (const line of block.lines) doc.text(text(line), { width });
        doc.moveDown(0.5);
        break;
    }
  }

  return finish();
}

const ADDRESS_FIELDS: ReadonlySet<SourcedPersonField> = new Set([
  'permanentAddress',
  'contactAddress',
  'billing',
]);

/**
 * The notification letter to one party (GDPR Art. 19): the corrected fields it had — as their
 * source or as a recipient — the date of the correction, the request's number and the new value.
 * Finnish and Swedish for DVV, the update service and a partner in Finland; English for a partner
 * abroad. The printing is logged for the person.
 */
export async function rectificationLetterPdf(
  ctx: CustomerContext,
  requestId: string,
  partyKey: string,
): Promise<ReportFile> {
  const data = await documentData(ctx, requestId);
  const letters = await lettersOf(ctx, data.items);
  const letter = letters.find((candidate) => candidate.party === partyKey);
  if (!letter) throw notFound('Letter');
  const languages: Language[] = letter.language === 'en' ? ['en'] : ['fi', 'sv'];
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const settings = await findBillingSettings(ctx.db);
  const isDvv = partyKey === 'population_register';
  // DVV keeps the identity code: the letter names the person by it where the register has one.
  let identityCode: string | null = null;
  if (isDvv && data.person.identityCodeEncrypted) {
    identityCode = await ctx.personKeys.decrypt(
      data.person.id,
      data.person.identityCodeEncrypted,
      identityCodeContext(data.person.id),
    );
  }
  const protectedAddress = isAddressProtected(data.person, now);
  const fields = [...new Set([...letter.asSource, ...letter.asRecipient])];
  const blocks: Block[] = [];
  const partyName = (t: Texts) =>
    partyKey === 'population_register'
      ? t.dvv
      : partyKey === 'update_service'
        ? t.updateService
        : letter.name;
  for (const [index, language] of languages.entries()) {
    const t = RECTIFICATION_TEXTS[language];
    if (index > 0) blocks.push({ kind: 'heading', text: t.letterTitle });
    blocks.push({
      kind: 'facts',
      rows: [
        ...(settings ? ([[t.controller, settings.sellerName]] as [string, string][]) : []),
        [t.to, partyName(t)],
        [t.date, dateIn(today)],
        [t.request, String(data.request.number)],
        [t.dataSubject, `${data.person.firstName} ${data.person.lastName}`],
        ...(identityCode ? ([[t.identityCode, identityCode]] as [string, string][]) : []),
      ],
    });
    blocks.push({ kind: 'paragraph', text: t.letterIntro });
    if (letter.asSource.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `${t.asSource} ${letter.asSource.map((f) => FIELD_NAMES[language][f]).join(', ')}`,
      });
    }
    if (letter.asRecipient.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `${t.asRecipient} ${letter.asRecipient.map((f) => FIELD_NAMES[language][f]).join(', ')}`,
      });
    }
    for (const field of fields) {
      const item = data.decrypted.find((d) => d.item.field === field);
      if (!item?.item.appliedAt) continue;
      const withheld = protectedAddress && ADDRESS_FIELDS.has(field) && !isDvv;
      blocks.push({
        kind: 'entry',
        heading: FIELD_NAMES[language][field],
        lines: [
          `${t.correctedOn}: ${dateIn(helsinkiDate(item.item.appliedAt))}`,
          `${t.newValue}: ${withheld ? t.withheld : valueIn(language, field, item.value, data.organizationNames, false)}`,
        ],
      });
    }
    blocks.push({ kind: 'paragraph', text: t.ask });
  }
  const first = RECTIFICATION_TEXTS[languages[0]!];
  const body = await renderDocument({
    titles: languages.map((language) => RECTIFICATION_TEXTS[language].letterTitle),
    marking: languages.map((language) => RECTIFICATION_TEXTS[language].marking).join(' / '),
    locale: first.locale,
    page: first.page,
    blocks,
    createdAt: now,
  });
  await logAccess(ctx, 'print', [data.person.id], ['rectificationLetter'], {
    purpose: `Art. 19 notification to ${letter.name}, request ${data.request.number}`,
  });
  const slug =
    partyKey === 'population_register'
      ? 'dvv'
      : partyKey === 'update_service'
        ? 'osoitepalvelu'
        : partyKey.slice(0, 8);
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${first.letterFile}-${data.request.number}-${slug}.pdf`,
  };
}

/**
 * The certificate of the refused fields, in the requester's language: each field, the value asked
 * for, the reason, and the right to take the matter to the Data Protection Ombudsman.
 */
export async function refusalCertificatePdf(
  ctx: CustomerContext,
  requestId: string,
): Promise<ReportFile> {
  const data = await documentData(ctx, requestId);
  const refused = data.decrypted.filter((d) => d.item.decision === 'refused');
  if (refused.length === 0) {
    throw new AppError('conflict', 'No field of the request has been refused', {
      errors: [
        {
          field: 'items',
          message: 'No field has been refused: there is nothing to certify',
          code: 'rectification.nothingRefused',
        },
      ],
    });
  }
  const language = data.request.language;
  const t = RECTIFICATION_TEXTS[language];
  const now = ctx.clock.now();
  const settings = await findBillingSettings(ctx.db);
  const granted = data.items.filter((item) => item.decision === 'granted');
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        ...(settings ? ([[t.controller, settings.sellerName]] as [string, string][]) : []),
        [t.dataSubject, `${data.person.firstName} ${data.person.lastName}`],
        [t.request, String(data.request.number)],
        [t.received, dateIn(data.request.receivedOn)],
        [t.date, dateIn(helsinkiDate(now))],
      ],
    },
    { kind: 'paragraph', text: t.certificateIntro },
    ...refused.map(({ item, value }): Block => ({
      kind: 'entry',
      heading: FIELD_NAMES[language][item.field],
      lines: [
        `${t.requested}: ${valueIn(language, item.field, value, data.organizationNames, true)}`,
        `${t.reason}: ${item.refusalReason ?? ''}`,
      ],
    })),
    ...(granted.length > 0
      ? [
          {
            kind: 'paragraph',
            text: `${t.grantedFields} ${granted.map((item) => FIELD_NAMES[language][item.field]).join(', ')}`,
          } satisfies Block,
        ]
      : []),
    { kind: 'heading', text: t.ombudsmanTitle },
    { kind: 'paragraph', text: t.ombudsman },
    { kind: 'lines', lines: t.ombudsmanContact },
  ];
  const body = await renderDocument({
    titles: [t.certificateTitle],
    marking: t.marking,
    locale: t.locale,
    page: t.page,
    blocks,
    createdAt: now,
  });
  await logAccess(ctx, 'print', [data.person.id], ['rectificationCertificate'], {
    purpose: `Refusal certificate, request ${data.request.number}`,
  });
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${t.certificateFile}-${data.request.number}.pdf`,
  };
}
