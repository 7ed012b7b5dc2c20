import type { SocialRecordKind } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { confidentialPdf, MARKINGS } from '../../lib/pdf-pages.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { openClientData } from './client-access.ts';
import { readFamily, readRecords } from './client-data.service.ts';
import { relationshipViews } from './clients.service.ts';
import { findPersonName } from './social-services.queries.ts';
import { LANGUAGES } from '../../../contract/social-services/social-services.schemas.ts';

type Language = (typeof LANGUAGES)[number];

/** The words of the client summary; the marking names the ground for secrecy in each language. */
export const SUMMARY_TEXTS = {
  fi: {
    locale: 'fi-FI',
    fileName: 'asiakasyhteenveto',
    marking: MARKINGS.socialWelfare.fi,
    title: 'Sosiaalihuollon asiakkaan yhteenveto',
    client: 'Asiakas',
    printedAt: 'Tulostettu',
    printedBy: 'Tulostaja',
    purpose: 'Käyttötarkoitus',
    page: (page: number, pages: number) => `Sivu ${page}/${pages}`,
    none: 'Ei merkintöjä.',
    sections: {
      relationships: 'Asiakkuudet',
      health: 'Terveystiedot',
      serviceNeed: 'Palvelutarve',
      income: 'Tulot ja varallisuus',
      bankAccount: 'Pankkitilit',
      family: 'Perhesuhteet',
    },
    labels: {
      unit: 'Yksikkö',
      period: 'Ajalla',
      workers: 'Vastuutyöntekijät',
      source: 'Lähde',
      author: 'Kirjaaja',
      status: 'Tila',
      decision: 'Päätös',
      income: 'Vuositulot',
      assets: 'Varallisuus',
      recordedOn: 'Kirjattu',
      purpose: 'Käyttötarkoitus',
    },
    statuses: {
      identified: 'todettu',
      assessment: 'arvioitavana',
      granted: 'myönnetty',
      refused: 'ei myönnetty',
      ended: 'päättynyt',
    },
    relations: {
      spouse: 'puoliso tai avopuoliso',
      child: 'lapsi',
      parent: 'vanhempi',
      guardian: 'huoltaja',
      ward: 'huollettava',
      other: 'muu läheinen',
    },
  },
  sv: {
    locale: 'sv-FI',
    fileName: 'klientsammandrag',
    marking: MARKINGS.socialWelfare.sv,
    title: 'Sammandrag för klient inom socialvården',
    client: 'Klient',
    printedAt: 'Utskriven',
    printedBy: 'Utskriven av',
    purpose: 'Ändamål',
    page: (page: number, pages: number) => `Sida ${page}/${pages}`,
    none: 'Inga anteckningar.',
    sections: {
      relationships: 'Klientskap',
      health: 'Hälsouppgifter',
      serviceNeed: 'Servicebehov',
      income: 'Inkomster och förmögenhet',
      bankAccount: 'Bankkonton',
      family: 'Familjeförhållanden',
    },
    labels: {
      unit: 'Enhet',
      period: 'Period',
      workers: 'Ansvariga arbetstagare',
      source: 'Källa',
      author: 'Antecknad av',
      status: 'Status',
      decision: 'Beslut',
      income: 'Årsinkomst',
      assets: 'Förmögenhet',
      recordedOn: 'Antecknad',
      purpose: 'Ändamål',
    },
    statuses: {
      identified: 'konstaterat',
      assessment: 'under bedömning',
      granted: 'beviljat',
      refused: 'avslaget',
      ended: 'avslutat',
    },
    relations: {
      spouse: 'make, maka eller sambo',
      child: 'barn',
      parent: 'förälder',
      guardian: 'vårdnadshavare',
      ward: 'under vårdnad',
      other: 'annan närstående',
    },
  },
  en: {
    locale: 'en-GB',
    fileName: 'client-summary',
    marking: MARKINGS.socialWelfare.en,
    title: 'Social-services client summary',
    client: 'Client',
    printedAt: 'Printed',
    printedBy: 'Printed by',
    purpose: 'Purpose',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    none: 'No entries.',
    sections: {
      relationships: 'Client relationships',
      health: 'Health data',
      serviceNeed: 'Service needs',
      income: 'Income and assets',
      bankAccount: 'Bank accounts',
      family: 'Family relations',
    },
    labels: {
      unit: 'Unit',
      period: 'Period',
      workers: 'Responsible workers',
      source: 'Source',
      author: 'Recorded by',
      status: 'Status',
      decision: 'Decision',
      income: 'Annual income',
      assets: 'Total assets',
      recordedOn: 'Recorded',
      purpose: 'Purpose',
    },
    statuses: {
      identified: 'identified',
      assessment: 'under assessment',
      granted: 'granted',
      refused: 'refused',
      ended: 'ended',
    },
    relations: {
      spouse: 'spouse or partner',
      child: 'child',
      parent: 'parent',
      guardian: 'guardian',
      ward: 'ward',
      other: 'other close person',
    },
  },
} as const;

const KINDS: SocialRecordKind[] = ['health', 'serviceNeed', 'income', 'bankAccount'];

type Item = Record<string, unknown>;

/** The author by full name (and username), as the views show them. */
const authorName = (item: Item): string =>
  staffName({
    username: String(item.author),
    fullName: typeof item.authorFullName === 'string' ? item.authorFullName : null,
  });

/** One entry of a section: a heading line and the lines under it. */
type Entry = { heading: string; lines: string[] };

function entriesOf(
  kind: SocialRecordKind,
  items: Item[],
  language: Language,
  date: (value: unknown) => string,
  money: (value: unknown) => string,
): Entry[] {
  const t = SUMMARY_TEXTS[language];
  const byline = (item: Item) =>
    `${t.labels.source}: ${String(item.source)} · ${t.labels.author}: ${authorName(item)}`;
  switch (kind) {
    case 'health':
      return items.map((item) => ({
        heading: `${date(item.date)} — ${String(item.category)}`,
        lines: [String(item.text), byline(item)],
      }));
    case 'serviceNeed':
      return items.map((item) => {
        const names = item.needTypeName as Record<Language, string> | null;
        const status = t.statuses[item.status as keyof typeof t.statuses] ?? String(item.status);
        return {
          heading: `${date(item.assessedOn)} — ${names?.[language] ?? String(item.needType)}`,
          lines: [
            `${t.labels.status}: ${status}${item.decisionReference ? ` · ${t.labels.decision}: ${item.decisionReference as string}` : ''}`,
            byline(item),
          ],
        };
      });
    case 'income':
      return items.map((item) => ({
        heading: String(item.year),
        lines: [
          `${t.labels.income}: ${money(item.annualIncome)} · ${t.labels.assets}: ${money(item.totalAssets)}`,
          `${t.labels.recordedOn}: ${date(item.recordedOn)} · ${byline(item)}`,
        ],
      }));
    case 'bankAccount':
      return items.map((item) => ({
        heading: String(item.ibanDisplay),
        lines: [`${t.labels.purpose}: ${String(item.purpose)}`, byline(item)],
      }));
  }
}

/**
 * The client summary as a PDF in the client's language (or the one asked for): every page
 * carries the confidentiality marking with its legal ground, above and below. Printing is
 * logged as 'print' with the purpose, for the client and the relatives the summary names.
 */
export async function clientSummaryPdf(
  ctx: CustomerContext,
  personId: string,
  query: { purpose: string; lang?: Language | undefined },
): Promise<ReportFile> {
  const access = await openClientData(ctx, personId, 'read');
  const person = await findPersonName(ctx.db, personId);
  if (!person) throw new Error('the person disappeared');
  const language: Language =
    query.lang ??
    ((LANGUAGES as readonly string[]).includes(person.language)
      ? (person.language as Language)
      : 'fi');
  const t = SUMMARY_TEXTS[language];
  const relationships = await relationshipViews(ctx, access);
  const records = new Map<SocialRecordKind, Item[]>();
  for (const kind of KINDS) {
    records.set(kind, (await readRecords(ctx, access, kind, query.purpose, { log: false })).items);
  }
  const family = (await readFamily(ctx, access, query.purpose, { log: false })).items;

  const now = ctx.clock.now();
  const dateFormat = new Intl.DateTimeFormat(t.locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  });
  const date = (value: unknown) =>
    typeof value === 'string' && value ? dateFormat.format(new Date(`${value}T00:00:00Z`)) : '';
  const moneyFormat = new Intl.NumberFormat(t.locale, { style: 'currency', currency: 'EUR' });
  const money = (value: unknown) => moneyFormat.format(Number(value));
  const printedAt = new Intl.DateTimeFormat(t.locale, {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(now);
  const unitName = (unit: { nameFi: string; nameSv: string; nameEn: string }) =>
    ({ fi: unit.nameFi, sv: unit.nameSv, en: unit.nameEn })[language];

  const sections: { title: string; entries: Entry[] }[] = [
    {
      title: t.sections.relationships,
      entries: relationships.map((r) => ({
        heading: unitName(r.unit),
        lines: [
          `${t.labels.period}: ${date(r.startsOn)}–${date(r.endsOn)}`,
          ...(r.responsibleWorkers.length > 0
            ? [
                `${t.labels.workers}: ${r.responsibleWorkers.map((w) => w.fullName ?? w.username).join(', ')}`,
              ]
            : []),
        ],
      })),
    },
    ...KINDS.map((kind) => ({
      title: t.sections[kind],
      entries: entriesOf(kind, records.get(kind) ?? [], language, date, money),
    })),
    {
      title: t.sections.family,
      entries: family.map((relation) => ({
        heading: `${relation.relative.firstName} ${relation.relative.lastName} — ${t.relations[relation.type]}`,
        lines: [
          ...(relation.startsOn || relation.endsOn
            ? [`${t.labels.period}: ${date(relation.startsOn)}–${date(relation.endsOn)}`]
            : []),
          `${t.labels.source}: ${relation.source} · ${t.labels.author}: ${authorName(relation)}`,
        ],
      })),
    },
  ];

  const body = await renderSummary({
    texts: t,
    name: `${person.firstName} ${person.lastName}`,
    facts: [
      [t.client, `${person.firstName} ${person.lastName}`],
      [t.printedAt, printedAt],
      [t.printedBy, ctx.actor.username],
      [t.purpose, query.purpose],
    ],
    sections,
    createdAt: now,
  });
  await logAccess(
    ctx,
    'print',
    [personId, ...new Set(family.map((relation) => relation.relative.id))],
    ['socialClient', ...KINDS, 'familyRelation'],
    { purpose: query.purpose, flag: access.flag },
  );
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${t.fileName}-${helsinkiDate(now)}.pdf`,
  };
}

const MARGIN = 50;

async function renderSummary(document: {
  texts: (typeof SUMMARY_TEXTS)[Language];
  name: string;
  facts: [string, string][];
  sections: { title: string; entries: Entry[] }[];
  createdAt: Date;
}): Promise<Buffer> {
  const t = document.texts;
  const { doc, text, width, finish } = confidentialPdf({
    title: `${t.title}: ${document.name}`,
    marking: t.marking,
    locale: t.locale,
    createdAt: document.createdAt,
    margin: MARGIN,
    page: t.page,
  });

  doc.font('Helvetica-Bold').fontSize(16).text(text(t.title));
  doc.moveDown(0.5).fontSize(10);
  for (const [label, value] of document.facts) {
    doc.font('Helvetica-Bold').text(`${text(label)}: `, { continued: true });
    doc.font('Helvetica').text(text(value));
  }
  for (const section of document.sections) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(text(section.title), { width });
    doc.moveDown(0.3);
    if (section.entries.length === 0) {
      doc.font('Helvetica-Oblique').fontSize(10).text(text(t.none), { width });
      continue;
    }
    for (const entry of section.entries) {
      doc.font('Helvetica-Bold').fontSize(10).text(text(entry.heading), { width });
      doc.font('Helvetica').fontSize(10);
      for (const line of entry.lines) doc.text(text(line), { width });
      doc.moveDown(0.4);
    }
  }

  return finish();
}
