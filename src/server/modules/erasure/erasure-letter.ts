import { helsinkiDate } from '../../../contract/dates.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { confidentialPdf, MARKINGS } from '../../lib/pdf-pages.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findRequest } from '../requests/requests.queries.ts';
import { dateInWords, type Language } from './blockers.ts';
import { getErasure } from './erasure.service.ts';
import { CATEGORY_TEXTS } from './erasure.texts.ts';
import { notFound } from '../../lib/errors.ts';

/** The words of the answer letter (the marking is the register's one: MARKINGS). */
export const LETTER_TEXTS = {
  fi: {
    locale: 'fi-FI',
    fileName: 'poistopyynnon-vastaus',
    title: 'Vastaus pyyntöönne poistaa henkilötietonne',
    request: (n: number, received: string) => `Pyyntö nro ${n}, saapunut ${received}`,
    date: 'Päivämäärä',
    granted: 'Pyyntönne on toteutettu: kaikki tietonne on poistettu asiakasrekisteristä.',
    partly:
      'Pyyntönne on toteutettu osittain: tietonne on poistettu lukuun ottamatta tietoja, jotka laki velvoittaa säilyttämään.',
    refused: 'Tietojanne ei voida poistaa nyt seuraavista syistä:',
    erasedTitle: 'Poistetut tiedot',
    keptTitle: 'Säilytettävät tiedot, peruste ja säilytysaika',
    keptUntil: (date: string) => `säilytetään ${date} asti`,
    finish: (date: string) =>
      `Rekisteri poistaa säilytettävät tiedot itse säilytysajan päätyttyä (viimeistään ${date}), eikä teidän tarvitse tehdä uutta pyyntöä.`,
    key: 'Tietojenne salausavain on hävitetty: tietoja ei voi palauttaa myöskään varmuuskopioista.',
    ombudsman:
      'Jos katsotte, ettei pyyntöänne ole käsitelty asianmukaisesti, voitte saattaa asian tietosuojavaltuutetun käsiteltäväksi: Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Sivu ${page}/${pages}`,
  },
  sv: {
    locale: 'sv-FI',
    fileName: 'svar-pa-begaran-om-radering',
    title: 'Svar på er begäran om radering av personuppgifter',
    request: (n: number, received: string) => `Begäran nr ${n}, mottagen ${received}`,
    date: 'Datum',
    granted: 'Er begäran har verkställts: alla era uppgifter har raderats ur kundregistret.',
    partly:
      'Er begäran har delvis verkställts: era uppgifter har raderats utom de uppgifter som lagen kräver att bevaras.',
    refused: 'Era uppgifter kan inte raderas nu av följande skäl:',
    erasedTitle: 'Raderade uppgifter',
    keptTitle: 'Uppgifter som bevaras, grund och bevarandetid',
    keptUntil: (date: string) => `bevaras till och med ${date}`,
    finish: (date: string) =>
      `Registret raderar de bevarade uppgifterna självt när bevarandetiden har gått ut (senast ${date}); ni behöver inte göra en ny begäran.`,
    key: 'Krypteringsnyckeln för era uppgifter har förstörts: uppgifterna kan inte heller återställas från säkerhetskopior.',
    ombudsman:
      'Om ni anser att er begäran inte har behandlats korrekt kan ni föra ärendet till dataombudsmannen: Dataombudsmannens byrå, PB 800, 00531 Helsingfors, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Sida ${page}/${pages}`,
  },
  en: {
    locale: 'en-GB',
    fileName: 'erasure-request-answer',
    title: 'Answer to your request to erase your personal data',
    request: (n: number, received: string) => `Request no. ${n}, received ${received}`,
    date: 'Date',
    granted:
      'Your request has been carried out: all of your data have been erased from the customer register.',
    partly:
      'Your request has been carried out in part: your data have been erased except those the law requires us to keep.',
    refused: 'Your data cannot be erased now, for the following reasons:',
    erasedTitle: 'Data erased',
    keptTitle: 'Data kept, why, and until when',
    keptUntil: (date: string) => `kept until ${date}`,
    finish: (date: string) =>
      `The register erases the kept data by itself when the retention period ends (by ${date}); you need not make a new request.`,
    key: 'The encryption key of your data has been destroyed: the data cannot be restored from backups either.',
    ombudsman:
      'If you consider that your request has not been handled properly, you may take the matter to the Data Protection Ombudsman: Office of the Data Protection Ombudsman, P.O. Box 800, 00531 Helsinki, Finland, tietosuoja@om.fi, www.tietosuoja.fi.',
    page: (page: number, pages: number) => `Page ${page}/${pages}`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;

const MARGIN = 56;

/**
 * The answer to an erasure request as a PDF in the requester's language: what was erased, what
 * stays, why and until when — or, before an erasure, why it cannot be done now. It names the
 * request, never the person: after the erasure the register no longer holds their name.
 */
export async function erasureLetter(ctx: CustomerContext, requestId: string): Promise<ReportFile> {
  const view = await getErasure(ctx, requestId);
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw notFound('Request');
  const texts = LETTER_TEXTS[view.language];
  const now = ctx.clock.now();
  const { doc, text, width, finish } = confidentialPdf({
    title: texts.title,
    marking: MARKINGS.personalData[view.language],
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
  doc.text(text(`${texts.date}: ${dateInWords(helsinkiDate(now))}`), { width });
  doc.moveDown(0.8);

  if (view.status === 'notErased') {
    const refusing = view.blockers.filter((b) => b.blocks === 'everything');
    doc.text(text(texts.refused), { width });
    doc.moveDown(0.3);
    for (const blocker of refusing.length > 0 ? refusing : view.blockers) bullet(blocker.reason);
  } else {
    doc.text(text(view.kept.length === 0 ? texts.granted : texts.partly), { width });
    heading(texts.erasedTitle);
    for (const category of view.erased) bullet(CATEGORY_TEXTS[category][view.language]);
    if (view.kept.length > 0) {
      heading(texts.keptTitle);
      for (const kept of view.kept) {
        bullet(`${kept.description}, ${texts.keptUntil(dateInWords(kept.until))}. ${kept.reason}`);
      }
      if (view.finishOn) {
        const last =
          view.kept
            .map((k) => k.until)
            .sort()
            .at(-1) ?? view.finishOn;
        doc.moveDown(0.4).text(text(texts.finish(dateInWords(last))), { width });
      }
    }
    if (view.keyDestroyed) doc.moveDown(0.4).text(text(texts.key), { width });
  }
  doc.moveDown(1.2).font('Helvetica').fontSize(10).text(text(texts.ombudsman), { width });

  const body = await finish();
  await logAccess(ctx, 'print', [request.personId], ['erasure']);
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${texts.fileName}-${request.number}.pdf`,
  };
}
