import type { KeptPart } from '../../db/schema/index.ts';
import { addDays } from '../../../contract/dates.ts';
import { BLOCKER_CODES, type BlockerCode } from '../../../contract/enums.ts';
export { BLOCKER_CODES, type BlockerCode };

/*
 * What stops a person's data from being erased (privacy statement: "unless legislation, open
 * invoices or collection prevent it"). Each rule has a stable code and a reason in Finnish,
 * Swedish and English, and says what it blocks — everything, or one part that a retention
 * period keeps — and until when. Pure functions of the facts: unit-tested without a database.
 */

export type Language = 'fi' | 'sv' | 'en';
export type Texts = Record<Language, string>;
export type ErasurePart = KeptPart['part'];

/** What the rules look at, read by erasure.queries.ts in the erasure's transaction. */
export type ErasureFacts = {
  /** Today in Helsinki. */
  today: string;
  invoices: {
    number: number;
    kind: 'invoice' | 'credit_note';
    status: 'open' | 'paid' | 'in_collection' | 'credited';
    invoiceDate: string;
    dueDate: string;
  }[];
  orders: {
    number: number;
    status: 'draft' | 'confirmed' | 'delivered' | 'cancelled';
    /** An invoice names the order. */
    invoiced: boolean;
    deliveredOn: string | null;
    /** Set when archived: the end of the accounting retention as the order was archived with it. */
    retainUntil: string | null;
  }[];
  socialClients: { startsOn: string; endsOn: string | null }[];
  /** The person's other requests that are not answered yet. */
  pendingRequests: { number: number; type: string; status: string }[];
  legalHolds: { reason: string; fromOn: string; untilOn: string | null; released: boolean }[];
  /** Paper documents about the person not yet recorded as destroyed (decision 0034). */
  paperDocuments: { description: string; location: string; destroyOn: string }[];
  settings: { accountingRetentionYears: number; socialRecordsRetentionYears: number };
};

export type Blocker = {
  code: BlockerCode;
  /** Everything (the erasure is refused), or the one part that is kept. */
  blocks: 'everything' | ErasurePart;
  /** The last day it blocks; null when it lasts until something is done (a payment, a release). */
  until: string | null;
  reasons: Texts;
};

export type BlockerRule = { code: BlockerCode; check(facts: ErasureFacts): Blocker | null };

const numbers = (values: number[]) => values.join(', ');

/** 31.12.2032 */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d}.${m}.${y}`;
}

const maxOf = (dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));

/** The last day of the financial (calendar) year of `date`, `years` later. */
const endOfYearPlus = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}-12-31`;

/** The same day `years` later; 29 February becomes 28 February. */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The accounting records that a retention period still keeps, and the last day of each. */
export function accountingRecordsKept(facts: ErasureFacts): {
  invoices: { number: number; until: string }[];
  orders: { number: number; until: string }[];
} {
  const years = facts.settings.accountingRetentionYears;
  const invoices = facts.invoices
    .filter((i) => i.status === 'paid' || i.status === 'credited')
    .map((i) => ({ number: i.number, until: endOfYearPlus(i.invoiceDate, years) }))
    .filter((i) => i.until >= facts.today);
  const orders = facts.orders
    .filter((o) => o.invoiced)
    .map((o) => ({
      number: o.number,
      until: o.retainUntil ?? endOfYearPlus(o.deliveredOn ?? facts.today, years),
    }))
    .filter((o) => o.until >= facts.today);
  return { invoices, orders };
}

/** The last day the social-services client records are kept, or null when none are kept. */
export function socialRecordsKeptUntil(facts: ErasureFacts): string | null {
  if (facts.socialClients.length === 0) return null;
  const ends = facts.socialClients.map((c) => c.endsOn);
  if (ends.some((end) => end === null || end >= facts.today)) return null;
  const until = yearsAfter(maxOf(ends as string[]), facts.settings.socialRecordsRetentionYears);
  return until >= facts.today ? until : null;
}

export const BLOCKER_RULES: readonly BlockerRule[] = [
  {
    code: 'erasure.openInvoices',
    check(facts) {
      const open = facts.invoices.filter(
        (i) => i.kind === 'invoice' && (i.status === 'open' || i.status === 'in_collection'),
      );
      if (open.length === 0) return null;
      const inCollection = open.filter((i) => i.status === 'in_collection').map((i) => i.number);
      const overdue = open
        .filter((i) => i.status === 'open' && i.dueDate < facts.today)
        .map((i) => i.number);
      const all = numbers(open.map((i) => i.number));
      const fi = [`Henkilöllä on maksamattomia laskuja (${all}).`];
      const sv = [`Personen har obetalda fakturor (${all}).`];
      const en = [`The person has unpaid invoices (${all}).`];
      if (overdue.length > 0) {
        fi.push(`Erääntyneitä: ${numbers(overdue)}.`);
        sv.push(`Förfallna: ${numbers(overdue)}.`);
        en.push(`Overdue: ${numbers(overdue)}.`);
      }
      if (inCollection.length > 0) {
        fi.push(`Perinnässä: ${numbers(inCollection)}.`);
        sv.push(`Under indrivning: ${numbers(inCollection)}.`);
        en.push(`In debt collection: ${numbers(inCollection)}.`);
      }
      fi.push('Tietoja ei voi poistaa ennen kuin laskut on maksettu tai muuten selvitetty.');
      sv.push('Uppgifterna kan inte raderas förrän fakturorna är betalda eller annars avklarade.');
      en.push('The data cannot be erased until the invoices are paid or otherwise settled.');
      return {
        code: 'erasure.openInvoices',
        blocks: 'everything',
        until: null,
        reasons: { fi: fi.join(' '), sv: sv.join(' '), en: en.join(' ') },
      };
    },
  },
  {
    code: 'erasure.activeOrders',
    check(facts) {
      const active = facts.orders.filter(
        (o) =>
          o.status === 'draft' ||
          o.status === 'confirmed' ||
          (o.status === 'delivered' && !o.invoiced),
      );
      if (active.length === 0) return null;
      const all = numbers(active.map((o) => o.number));
      return {
        code: 'erasure.activeOrders',
        blocks: 'everything',
        until: null,
        reasons: {
          fi: `Henkilöllä on keskeneräisiä tilauksia (${all}): ne on toimitettava ja laskutettava tai peruttava ensin.`,
          sv: `Personen har pågående beställningar (${all}): de ska först levereras och faktureras eller annulleras.`,
          en: `The person has orders in progress (${all}): they must first be delivered and invoiced, or cancelled.`,
        },
      };
    },
  },
  {
    code: 'erasure.pendingRequest',
    check(facts) {
      if (facts.pendingRequests.length === 0) return null;
      const all = numbers(facts.pendingRequests.map((r) => r.number));
      return {
        code: 'erasure.pendingRequest',
        blocks: 'everything',
        until: null,
        reasons: {
          fi: `Henkilön muu pyyntö on vielä käsittelyssä (${all}): se on ratkaistava ja vastattava ensin.`,
          sv: `Personens andra begäran är ännu under behandling (${all}): den ska först avgöras och besvaras.`,
          en: `Another request of the person is still being handled (${all}): it must be decided and answered first.`,
        },
      };
    },
  },
  {
    code: 'erasure.legalHold',
    check(facts) {
      const active = facts.legalHolds.filter(
        (h) =>
          !h.released &&
          h.fromOn <= facts.today &&
          (h.untilOn === null || h.untilOn >= facts.today),
      );
      if (active.length === 0) return null;
      const open = active.some((h) => h.untilOn === null);
      const until = open ? null : maxOf(active.map((h) => h.untilOn as string));
      const reasons = active.map((h) => h.reason).join('; ');
      const when = (words: Texts): Texts =>
        until
          ? {
              fi: `${words.fi} ${dateInWords(until)} asti.`,
              sv: `${words.sv} till och med ${dateInWords(until)}.`,
              en: `${words.en} until ${dateInWords(until)}.`,
            }
          : {
              fi: `${words.fi} toistaiseksi.`,
              sv: `${words.sv} tills vidare.`,
              en: `${words.en} until it is released.`,
            };
      return {
        code: 'erasure.legalHold',
        blocks: 'everything',
        until,
        reasons: when({
          fi: `Tietoja koskee säilyttämisvelvoite (${reasons})`,
          sv: `Uppgifterna omfattas av en bevarandeskyldighet (${reasons})`,
          en: `The data are under a legal hold (${reasons})`,
        }),
      };
    },
  },
  {
    code: 'erasure.socialServicesOngoing',
    check(facts) {
      const ongoing = facts.socialClients.filter(
        (c) => c.endsOn === null || c.endsOn >= facts.today,
      );
      if (ongoing.length === 0) return null;
      return {
        code: 'erasure.socialServicesOngoing',
        blocks: 'everything',
        until: null,
        reasons: {
          fi: 'Henkilön sosiaalihuollon asiakkuus on voimassa: asiakasrekisterin tietoja ei voi poistaa asiakkuuden aikana.',
          sv: 'Personens klientskap inom socialvården pågår: uppgifterna kan inte raderas under klientskapet.',
          en: "The person's social-services client relationship is ongoing: the data cannot be erased while it lasts.",
        },
      };
    },
  },
  {
    // The register cannot shred paper: a person does, and records it, before the erasure.
    code: 'erasure.paperDocuments',
    check(facts) {
      if (facts.paperDocuments.length === 0) return null;
      const count = facts.paperDocuments.length;
      const places = [...new Set(facts.paperDocuments.map((d) => d.location))].join('; ');
      return {
        code: 'erasure.paperDocuments',
        blocks: 'everything',
        until: null,
        reasons: {
          fi: `Henkilöstä säilytetään paperiasiakirjoja (${count}, ${places}), joita ei ole merkitty hävitetyiksi: ne on hävitettävä ja hävittäminen kirjattava ensin.`,
          sv: `Pappershandlingar om personen (${count}, ${places}) har inte antecknats som förstörda: de ska först förstöras och förstörandet antecknas.`,
          en: `Paper documents about the person (${count}, ${places}) are not recorded as destroyed: they must first be destroyed and the destruction recorded.`,
        },
      };
    },
  },
  {
    code: 'erasure.accountingRetention',
    check(facts) {
      const kept = accountingRecordsKept(facts);
      const records = [...kept.invoices, ...kept.orders];
      if (records.length === 0) return null;
      const until = maxOf(records.map((r) => r.until));
      const years = facts.settings.accountingRetentionYears;
      const invoices = numbers(kept.invoices.map((i) => i.number));
      const orders = numbers(kept.orders.map((o) => o.number));
      return {
        code: 'erasure.accountingRetention',
        blocks: 'accounting',
        until,
        reasons: {
          fi: `Kirjanpitoaineisto (laskut ${invoices || '–'}, tilaukset ${orders || '–'}) säilytetään kirjanpitolain mukaan ${years} vuotta tilikauden päättymisestä, ${dateInWords(until)} asti.`,
          sv: `Bokföringsmaterialet (fakturor ${invoices || '–'}, beställningar ${orders || '–'}) bevaras enligt bokföringslagen i ${years} år från räkenskapsperiodens slut, till och med ${dateInWords(until)}.`,
          en: `The accounting records (invoices ${invoices || '–'}, orders ${orders || '–'}) are kept under the Accounting Act for ${years} years from the end of the financial year, until ${dateInWords(until)}.`,
        },
      };
    },
  },
  {
    code: 'erasure.socialServicesRetention',
    check(facts) {
      const until = socialRecordsKeptUntil(facts);
      if (!until) return null;
      const years = facts.settings.socialRecordsRetentionYears;
      return {
        code: 'erasure.socialServicesRetention',
        blocks: 'socialServices',
        until,
        reasons: {
          fi: `Sosiaalihuollon asiakasasiakirjat säilytetään lain mukaan ${years} vuotta asiakkuuden päättymisestä, ${dateInWords(until)} asti.`,
          sv: `Klienthandlingarna inom socialvården bevaras enligt lag i ${years} år från klientskapets slut, till och med ${dateInWords(until)}.`,
          en: `Social-services client records are kept by law for ${years} years from the end of the client relationship, until ${dateInWords(until)}.`,
        },
      };
    },
  },
];

/** Every rule's blocker, in the rules' order. */
export function findBlockers(facts: ErasureFacts): Blocker[] {
  return BLOCKER_RULES.flatMap((rule) => rule.check(facts) ?? []);
}

export type ErasurePlan =
  | { outcome: 'refused'; blockers: Blocker[] }
  | { outcome: 'full'; blockers: [] }
  | { outcome: 'partial'; blockers: Blocker[]; kept: KeptPart[]; finishOn: string };

/** Refused when anything blocks everything; partial when only retention periods keep parts. */
export function planErasure(blockers: Blocker[]): ErasurePlan {
  if (blockers.length === 0) return { outcome: 'full', blockers: [] };
  if (blockers.some((b) => b.blocks === 'everything')) return { outcome: 'refused', blockers };
  const kept = blockers.map((b) => ({
    part: b.blocks as ErasurePart,
    rule: b.code,
    until: b.until as string,
    reasons: b.reasons,
  }));
  return {
    outcome: 'partial',
    blockers,
    kept,
    // The first kept part's period ends first; the finisher takes each part on its own day.
    finishOn: addDays(kept.map((k) => k.until).sort()[0] as string, 1),
  };
}
