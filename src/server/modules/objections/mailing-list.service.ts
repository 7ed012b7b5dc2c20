import crypto from 'node:crypto';
import { and, asc, count, eq, gt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personOrganizations, persons, type PostalAddress } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { csvBody, CSV_CONTENT_TYPE } from '../access-log/subject-report.formats.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { labelsPdf, type Label } from './mailing-list.pdf.ts';
import type {
  MailingListCreate,
  MailingListMade,
  MailingListSelection,
} from '../../../contract/objections/mailing-list.schemas.ts';
import { MAILING_LIST_TEXTS } from './mailing-list.texts.ts';
import { decideUse, type Use } from './usage-rule.ts';

/** Persons read, and asked about, per round trip. */
const PAGE = 5_000;
/** The most persons one list is drawn from: the answer carries the file in memory. */
export const MAX_SELECTION = 100_000;
/** Persons per access-log entry of the export. */
const LOG_CHUNK = 1_000;

const CSV_FIELDS = ['lastName', 'firstName', 'street', 'postalCode', 'postOffice', 'country'];

type Candidate = {
  id: string;
  firstName: string;
  lastName: string;
  address: PostalAddress | null;
};

function selectionWhere(selection: MailingListSelection): SQL | undefined {
  switch (selection.kind) {
    case 'all':
      return undefined;
    case 'language':
      return eq(persons.language, selection.language);
    case 'organization':
      return eq(personOrganizations.organizationId, selection.organizationId);
  }
}

function baseQuery<T extends Record<string, unknown>>(
  db: Db,
  columns: T,
  selection: MailingListSelection,
) {
  const query = db.select(columns as never).from(persons);
  return selection.kind === 'organization'
    ? query.innerJoin(personOrganizations, eq(personOrganizations.personId, persons.id))
    : query;
}

async function selectionSize(db: Db, selection: MailingListSelection): Promise<number> {
  const rows = (await baseQuery(db, { n: count() }, selection).where(
    selectionWhere(selection),
  )) as unknown as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

/** A page of the selection after `after` (by id): the persons with the address a label needs. */
async function selectionPage(
  db: Db,
  selection: MailingListSelection,
  after: string | null,
): Promise<Candidate[]> {
  const rows = (await baseQuery(
    db,
    {
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      contactAddress: persons.contactAddress,
      permanentAddress: persons.permanentAddress,
    },
    selection,
  )
    .where(and(selectionWhere(selection), after ? gt(persons.id, after) : undefined))
    .orderBy(asc(persons.id))
    .limit(PAGE)) as unknown as {
    id: string;
    firstName: string;
    lastName: string;
    contactAddress: PostalAddress | null;
    permanentAddress: PostalAddress | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    address: row.contactAddress ?? row.permanentAddress,
  }));
}

function label(person: Candidate & { address: PostalAddress }): Label {
  const { address } = person;
  return [
    `${person.firstName} ${person.lastName}`,
    address.street,
    `${address.postalCode} ${address.postOffice.toLocaleUpperCase('fi')}`,
    ...(address.country === 'FI' ? [] : [address.country]),
  ];
}

/**
 * A mailing list or a sheet of address labels (`POST /api/exports/mailing-list`): a list published
 * from the register, for direct mail, distance selling or research. The selection is read page by
 * page, and each page is put to the usage rule in one query: a person who objected to the use (or
 * to publication in lists), whose address is protected, or whose record is archived is left out,
 * and so is one without a postal address. The answer counts those left out by reason, never who.
 * Each person in the file gets an `export` entry in the access log, with the purpose.
 */
export async function exportMailingList(
  ctx: CustomerContext,
  body: MailingListCreate,
): Promise<MailingListMade> {
  const size = await selectionSize(ctx.db, body.selection);
  if (size > MAX_SELECTION) {
    const message = `The selection has ${size} persons; a list is drawn from at most ${MAX_SELECTION}`;
    throw new AppError('conflict', message, {
      errors: [{ field: 'selection', message, code: 'mailingList.tooLarge' }],
    });
  }
  const now = ctx.clock.now();
  const uses: Use[] = ['published_list', body.use];
  const leftOut = {
    total: 0,
    objection: 0,
    protectedAddress: 0,
    archived: 0,
    restricted: 0,
    noAddress: 0,
  };
  const included: (Candidate & { address: PostalAddress })[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await selectionPage(ctx.db, body.selection, after);
    if (page.length === 0) break;
    after = page.at(-1)?.id ?? null;
    const decision = await decideUse(ctx.db, {
      caller: 'mailingList',
      uses,
      personIds: page.map((person) => person.id),
      now,
    });
    for (const person of page) {
      const verdict = decision.verdicts.get(person.id);
      if (!verdict?.allowed) {
        leftOut.total++;
        // Counted once, by the first reason: a restriction, an objection, protection, the archive.
        const reason = verdict?.reasons[0];
        if (
          reason === 'restricted' ||
          reason === 'objection' ||
          reason === 'protectedAddress' ||
          reason === 'archived'
        ) {
          leftOut[reason]++;
        }
        continue;
      }
      if (!person.address) {
        leftOut.total++;
        leftOut.noAddress++;
        continue;
      }
      included.push({ ...person, address: person.address });
    }
    if (page.length < PAGE) break;
  }
  // In postal-code order, as bulk mail is handed over; then by name.
  included.sort(
    (a, b) =>
      a.address.postalCode.localeCompare(b.address.postalCode) ||
      a.lastName.localeCompare(b.lastName, 'fi') ||
      a.firstName.localeCompare(b.firstName, 'fi'),
  );

  const texts = MAILING_LIST_TEXTS[body.lang];
  const id = crypto.randomUUID().slice(0, 8);
  const day = helsinkiDate(now);
  const file =
    body.format === 'csv'
      ? {
          fileName: `${texts.listFile}-${day}-${id}.csv`,
          contentType: CSV_CONTENT_TYPE,
          body: csvBody([
            CSV_FIELDS,
            ...included.map((p) => [
              p.lastName,
              p.firstName,
              p.address.street,
              p.address.postalCode,
              p.address.postOffice,
              p.address.country,
            ]),
          ]),
        }
      : {
          fileName: `${texts.labelsFile}-${day}-${id}.pdf`,
          contentType: 'application/pdf',
          body: await labelsPdf(included.map(label), {
            title: texts.title,
            marking: texts.marking,
            cover: texts.cover,
            page: texts.page,
            createdAt: now,
            locale: texts.locale,
          }),
        };
  const sha256 = crypto.createHash('sha256').update(file.body).digest('hex');
  const ids = included.map((person) => person.id);
  for (let start = 0; start < ids.length; start += LOG_CHUNK) {
    await logAccess(ctx, 'export', ids.slice(start, start + LOG_CHUNK), ['name', 'address'], {
      purpose: body.purpose,
      changes: {
        export: {
          kind: 'mailingList',
          use: body.use,
          format: body.format,
          fileName: file.fileName,
          sha256,
          persons: ids.length,
        },
      },
    });
  }
  return {
    use: body.use,
    included: included.length,
    leftOut,
    file: {
      fileName: file.fileName,
      contentType: file.contentType,
      sha256,
      base64: file.body.toString('base64'),
    },
  };
}
