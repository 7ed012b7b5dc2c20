import { roleHas, type Permission } from '../../../contract/auth/permissions.ts';
import {
  PERSON_PAGE_LIMITS,
  PERSON_PAGE_SECTIONS,
  type PersonPage,
  type PersonPageSection,
} from '../../../contract/persons/person-page.schemas.ts';
import type { AccessLog, AccessLogEntry } from '../access-log/access-log.ts';
import type { CustomerContext } from '../customers/context.ts';
import { listPersonDisclosures } from '../disclosures/disclosures.service.ts';
import { getLegalHolds } from '../erasure/legal-holds.service.ts';
import { listCustomerInvoices } from '../invoices/invoices.service.ts';
import { getPersonObjections } from '../objections/objections.service.ts';
import { listCustomerOrders } from '../orders/orders.service.ts';
import { listRequestPage } from '../requests/requests.service.ts';
import { knownClient } from '../social-services/client-fact.ts';
import { restrictionInForce } from '../restriction/restriction.service.ts';
import { getPerson } from './persons.service.ts';

/** The permission each section needs: the same as its own endpoint's. */
const SECTION_PERMISSION: Record<PersonPageSection, Permission> = {
  orders: 'orders.read',
  invoices: 'invoices.read',
  disclosures: 'disclosures.read',
  objections: 'objections.read',
  requests: 'requests.read',
  legalHolds: 'requests.read',
};

/** Whose entries a log of the page collects: the person's, each section's, the client badge's. */
type PageLog = PersonPageSection | 'person' | 'socialServicesClient' | 'restriction';

/** An access log that keeps the entries it is given, for the page to write as one. */
function collectingLog(): AccessLog & { entries: AccessLogEntry[] } {
  const entries: AccessLogEntry[] = [];
  return {
    entries,
    record(_db, entry) {
      entries.push(entry);
      return Promise.resolve();
    },
  };
}

/** A plain read: no purpose, flag or changes, which an entry of its own must keep. */
const isPlainRead = (entry: AccessLogEntry) =>
  entry.action === 'read' && !entry.purpose && !entry.flag && !entry.changes;

/**
 * Merges the collected entries: the plain reads of only this person become ONE `read` whose
 * fields are their union — the person's fields, then each section's own (`orders`, `invoices`,
 * `disclosure`, `objections`, `requests`, `legalHolds`), so the entry names the sections read.
 * Any other entry is kept as it was collected.
 */
export function mergePageEntries(personId: string, entries: AccessLogEntry[]): AccessLogEntry[] {
  const id = personId.toLowerCase();
  const plain = entries.filter(
    (entry) =>
      isPlainRead(entry) &&
      entry.subjectIds.length > 0 &&
      entry.subjectIds.every((subject) => subject.toLowerCase() === id),
  );
  const first = plain[0];
  const others = entries.filter((entry) => !plain.includes(entry));
  if (!first) return others;
  const merged: AccessLogEntry = {
    ...first,
    subjectIds: [personId],
    fields: [...new Set(plain.flatMap((entry) => entry.fields))],
  };
  return [merged, ...others];
}

/**
 * A person's page (decision 0007, "one page view, one entry"): the person and every section the
 * reader's permissions open, read by the sections' own service functions with an access log that
 * collects instead of writing; then the merged entries are written — before the answer is
 * returned, so a page whose entry cannot be written fails and shows nothing.
 */
export async function getPersonPage(ctx: CustomerContext, id: string): Promise<PersonPage> {
  // A log per section, so the merged fields come in the page's order whatever finishes first.
  const logs = new Map<PageLog, ReturnType<typeof collectingLog>>();
  const reader = (section: PageLog): CustomerContext => {
    const log = collectingLog();
    logs.set(section, log);
    return { ...ctx, accessLog: log };
  };
  // The person first: a contractor's person outside its contract is 404 before anything else.
  const person = await getPerson(reader('person'), id);
  const sections = PERSON_PAGE_SECTIONS.filter((section) =>
    roleHas(ctx.actor.role, SECTION_PERMISSION[section]),
  );
  const opens = (section: PersonPageSection) => sections.includes(section);
  const [orders, invoices, disclosures, objections, requests, legalHolds, client, restriction] =
    await Promise.all([
      opens('orders')
        ? listCustomerOrders(
            reader('orders'),
            { personId: id },
            { limit: PERSON_PAGE_LIMITS.orders },
          )
        : undefined,
      opens('invoices')
        ? listCustomerInvoices(
            reader('invoices'),
            { personId: id },
            { limit: PERSON_PAGE_LIMITS.invoices },
          )
        : undefined,
      opens('disclosures')
        ? listPersonDisclosures(reader('disclosures'), id, {
            limit: PERSON_PAGE_LIMITS.disclosures,
          })
        : undefined,
      opens('objections') ? getPersonObjections(reader('objections'), id) : undefined,
      opens('requests')
        ? listRequestPage(
            reader('requests'),
            { status: 'all', limit: PERSON_PAGE_LIMITS.requests },
            id,
          )
        : undefined,
      opens('legalHolds')
        ? getLegalHolds(reader('legalHolds'), id).then((items) => ({ items }))
        : undefined,
      // Asked of every reader who may read client data, and of no one else (decision 0012).
      roleHas(ctx.actor.role, 'socialServices.clientData')
        ? knownClient(reader('socialServicesClient'), id)
        : undefined,
      // Every reader is told the data are only stored (decision 0033).
      restrictionInForce(reader('restriction'), id),
    ]);
  const collected = (
    ['person', ...sections, 'socialServicesClient', 'restriction'] as const
  ).flatMap((section) => logs.get(section)?.entries ?? []);
  for (const entry of mergePageEntries(person.id, collected)) {
    await ctx.accessLog.record(ctx.db, entry);
  }
  return {
    person,
    sections,
    ...(orders && { orders }),
    ...(invoices && { invoices }),
    ...(disclosures && { disclosures }),
    ...(objections && { objections }),
    ...(requests && { requests }),
    ...(legalHolds && { legalHolds }),
    ...(client !== undefined && { socialServicesClient: client }),
    restriction,
  };
}
