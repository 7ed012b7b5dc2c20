import { helsinkiDate } from '../../../contract/dates.ts';
import type { RestrictionGround } from '../../../contract/enums.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { confidentialPdf, MARKINGS } from '../../lib/pdf-pages.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { dateInWords, type Language } from '../erasure/blockers.ts';
import { findRequest } from '../requests/requests.queries.ts';
import { findRequestRestriction } from './restriction.queries.ts';

/** The notice's words (the marking is the register's one: MARKINGS). */
export const RESTRICTION_LETTER_TEXTS = {
  fi: {
    locale: 'fi-FI',
    fileName: 'kasittelyn-rajoittaminen',
    title: 'Ilmoitus henkilötietojenne käsittelyn rajoittamisesta',
    request: (n: number, received: string) => `Pyyntö nro ${n}, saapunut ${received}`,
    date: 'Päivämäärä',
    placed: (day: string) =>
      `Tietojenne käsittelyä on rajoitettu ${day} alkaen pyyntönne mukaisesti (EU:n yleinen tietosuoja-asetus, 18 artikla).`,
    groundsTitle: 'Rajoittamisen peruste',
    meaningTitle: 'Mitä rajoittaminen tarkoittaa',
    meaning:
      'Rajoituksen aikana tietojanne vain säilytetään. Niitä ei käytetä postituksiin, markkinointiin, tutkimuksiin eikä luovuteta kumppaneille, eikä niitä muuteta. Tietoja voidaan käsitellä vain suostumuksellanne, oikeusvaatimuksen laatimiseksi, esittämiseksi tai puolustamiseksi (esim. jo toimitettujen palvelujen laskutus ja perintä), toisen henkilön oikeuksien suojaamiseksi tai tärkeää yleistä etua koskevasta syystä.',
    rectification: (n: number) =>
      `Rajoitus on voimassa, kunnes oikaisupyyntönne nro ${n} on ratkaistu; sen mukainen korjaus tehdään rajoituksen aikana.`,
    toldBefore: 'Teille ilmoitetaan ennen kuin rajoitus päättyy.',
    lifting: (day: string) => `Rajoitus päättyy ${day}.`,
    lifted: (day: string) => `Rajoitus päättyi ${day}.`,
    reasonTitle: 'Rajoituksen päättymisen syy',
    after:
      'Rajoituksen päätyttyä tietojanne käsitellään jälleen rekisterin käyttötarkoitusten mukaisesti. Voimassa olevat kieltonne (esim. suoramarkkinointikielto) pysyvät voimassa.',
    ombudsman:
      'Jos katsotte, ettei pyyntöänne ole käsitelty asianmukaisesti, voitte saattaa asian tietosuojavaltuutetun käsiteltäväksi: Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Sivu ${page}/${pages}`,
    grounds: {
      accuracy_contested:
        'Kiistätte tietojenne paikkansapitävyyden; rajoitus on voimassa sen tarkistamisen ajan.',
      unlawful_erasure_opposed:
        'Käsittely on lainvastaista, ja vastustatte tietojen poistamista ja pyydätte sen sijaan käytön rajoittamista.',
      legal_claims:
        'Rekisterinpitäjä ei enää tarvitse tietoja, mutta tarvitsette niitä oikeusvaatimuksen laatimiseen, esittämiseen tai puolustamiseen.',
      objection_pending:
        'Olette vastustanut käsittelyä; rajoitus on voimassa sen tarkistamisen ajan, ovatko rekisterinpitäjän perusteet painavampia.',
    },
  },
  sv: {
    locale: 'sv-FI',
    fileName: 'begransning-av-behandling',
    title: 'Meddelande om begränsning av behandlingen av era personuppgifter',
    request: (n: number, received: string) => `Begäran nr ${n}, mottagen ${received}`,
    date: 'Datum',
    placed: (day: string) =>
      `Behandlingen av era uppgifter har begränsats från och med ${day} enligt er begäran (EU:s allmänna dataskyddsförordning, artikel 18).`,
    groundsTitle: 'Grund för begränsningen',
    meaningTitle: 'Vad begränsningen innebär',
    meaning:
      'Under begränsningen lagras era uppgifter endast. De används inte för utskick, marknadsföring eller undersökningar, lämnas inte ut till samarbetspartner och ändras inte. Uppgifterna får behandlas endast med ert samtycke, för att fastställa, göra gällande eller försvara rättsliga anspråk (t.ex. fakturering och indrivning av redan levererade tjänster), för att skydda en annan persons rättigheter eller av skäl som rör ett viktigt allmänt intresse.',
    rectification: (n: number) =>
      `Begränsningen gäller tills er begäran om rättelse nr ${n} har avgjorts; rättelsen görs under begränsningen.`,
    toldBefore: 'Ni underrättas innan begränsningen upphör.',
    lifting: (day: string) => `Begränsningen upphör ${day}.`,
    lifted: (day: string) => `Begränsningen upphörde ${day}.`,
    reasonTitle: 'Varför begränsningen upphör',
    after:
      'När begränsningen har upphört behandlas era uppgifter åter enligt registrets ändamål. Era gällande förbud (t.ex. förbud mot direktmarknadsföring) fortsätter att gälla.',
    ombudsman:
      'Om ni anser att er begäran inte har behandlats korrekt kan ni föra ärendet till dataombudsmannen: Dataombudsmannens byrå, PB 800, 00531 Helsingfors, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Sida ${page}/${pages}`,
    grounds: {
      accuracy_contested:
        'Ni bestrider att era uppgifter är korrekta; begränsningen gäller under den tid som behövs för att kontrollera det.',
      unlawful_erasure_opposed:
        'Behandlingen är olaglig, och ni motsätter er att uppgifterna raderas och begär i stället att användningen begränsas.',
      legal_claims:
        'Den personuppgiftsansvarige behöver inte längre uppgifterna, men ni behöver dem för att fastställa, göra gällande eller försvara rättsliga anspråk.',
      objection_pending:
        'Ni har invänt mot behandlingen; begränsningen gäller medan det kontrolleras om den personuppgiftsansvariges skäl väger tyngre.',
    },
  },
  en: {
    locale: 'en-GB',
    fileName: 'restriction-of-processing',
    title: 'Notice of the restriction of processing of your personal data',
    request: (n: number, received: string) => `Request no. ${n}, received ${received}`,
    date: 'Date',
    placed: (day: string) =>
      `The processing of your data has been restricted from ${day} as you requested (General Data Protection Regulation, Article 18).`,
    groundsTitle: 'Grounds of the restriction',
    meaningTitle: 'What the restriction means',
    meaning:
      'While the restriction holds, your data are only stored. They are not used for mailings, marketing or research, not disclosed to partners, and not changed. They may be processed only with your consent, for the establishment, exercise or defence of legal claims (such as invoicing and collecting services already delivered), for the protection of the rights of another person, or for reasons of important public interest.',
    rectification: (n: number) =>
      `The restriction holds until your rectification request no. ${n} is decided; the correction it grants is made during the restriction.`,
    toldBefore: 'You will be told before the restriction is lifted.',
    lifting: (day: string) => `The restriction will be lifted on ${day}.`,
    lifted: (day: string) => `The restriction was lifted on ${day}.`,
    reasonTitle: 'Why the restriction ends',
    after:
      'Once the restriction has ended, your data are processed again for the purposes of the register. Your prohibitions in force (such as a prohibition of direct marketing) stay in force.',
    ombudsman:
      'If you consider that your request has not been handled properly, you may take the matter to the Data Protection Ombudsman: Office of the Data Protection Ombudsman, P.O. Box 800, 00531 Helsinki, Finland, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Page ${page}/${pages}`,
    grounds: {
      accuracy_contested:
        'You contest the accuracy of your data; the restriction holds for the time needed to verify it.',
      unlawful_erasure_opposed:
        'The processing is unlawful, and you oppose the erasure of the data and request the restriction of their use instead.',
      legal_claims:
        'The controller no longer needs the data, but you need them for the establishment, exercise or defence of legal claims.',
      objection_pending:
        "You have objected to the processing; the restriction holds while it is verified whether the controller's grounds override yours.",
    },
  },
} as const satisfies Record<
  Language,
  Record<string, unknown> & { grounds: Record<RestrictionGround, string> }
>;

const MARGIN = 56;

/**
 * The notice to the person as a PDF in the request's language: the restriction placed, its
 * grounds and what it means — or, once a lift is recorded, the day it ends (or ended) and why, so
 * the officer sends it before that day (Art. 18(3)). Made on demand, logged as a print.
 */
export async function restrictionLetter(
  ctx: CustomerContext,
  requestId: string,
): Promise<ReportFile> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw notFound('Request');
  const restriction = await findRequestRestriction(ctx.db, requestId);
  if (!restriction) {
    const message = 'This request has placed no restriction: there is nothing to tell yet';
    throw new AppError('conflict', message, {
      errors: [{ field: 'status', message, code: 'restriction.notPlaced' }],
    });
  }
  const rectification = restriction.rectificationRequestId
    ? await findRequest(ctx.db, restriction.rectificationRequestId)
    : undefined;
  const texts = RESTRICTION_LETTER_TEXTS[request.language];
  const now = ctx.clock.now();
  const day = helsinkiDate(now);
  const { doc, text, width, finish } = confidentialPdf({
    title: texts.title,
    marking: MARKINGS.personalData[request.language],
    locale: texts.locale,
    createdAt: now,
    margin: MARGIN,
    page: texts.page,
  });
  const heading = (value: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text(value), { width });
    doc.moveDown(0.2).font('Helvetica').fontSize(10);
  };
  const bullet = (value: string) => doc.text(text(`• ${value}`), { width, indent: 8 });

  doc.font('Helvetica-Bold').fontSize(16).text(text(texts.title), { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(text(texts.request(request.number, dateInWords(request.receivedOn))), { width });
  doc.text(text(`${texts.date}: ${dateInWords(day)}`), { width });
  doc.moveDown(0.8);

  if (restriction.liftedOn !== null) {
    const liftDay = dateInWords(restriction.liftedOn);
    doc
      .font('Helvetica-Bold')
      .text(text(restriction.liftedOn > day ? texts.lifting(liftDay) : texts.lifted(liftDay)), {
        width,
      });
    doc.font('Helvetica');
    if (restriction.liftReason) {
      heading(texts.reasonTitle);
      doc.text(text(restriction.liftReason), { width });
    }
    doc.moveDown(0.6).text(text(texts.after), { width });
    doc.moveDown(0.6).text(text(texts.placed(dateInWords(restriction.placedOn))), { width });
  } else {
    doc.text(text(texts.placed(dateInWords(restriction.placedOn))), { width });
    heading(texts.groundsTitle);
    for (const ground of restriction.grounds) bullet(texts.grounds[ground]);
    if (rectification)
      doc.moveDown(0.4).text(text(texts.rectification(rectification.number)), { width });
    heading(texts.meaningTitle);
    doc.text(text(texts.meaning), { width });
    doc.moveDown(0.4).text(text(texts.toldBefore), { width });
  }
  doc.moveDown(1.2).font('Helvetica').fontSize(10).text(text(texts.ombudsman), { width });

  const body = await finish();
  await logAccess(ctx, 'print', [request.personId], ['restriction']);
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${texts.fileName}-${request.number}.pdf`,
  };
}
