import { and, arrayContains, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  dvvProhibitions,
  dvvSyncRecords,
  updateFileRows,
  importRows,
  accessLog,
  billingSettings,
  dataSubjectRequestEvents,
  dataSubjectRequestNotes,
  dataSubjectRequests,
  disclosures,
  invoices,
  legalHolds,
  objections,
  orders,
  paperDocuments,
  payments,
  personErasures,
  requestAttachments,
  personOrganizations,
  persons,
  socialBreakGlass,
  socialClients,
  socialFamilyRelations,
  socialRecords,
  valueSources,
} from '../../db/schema/index.ts';
import type { ErasureFacts } from './blockers.ts';

/**
 * Every column that names a person, and how erasure reaches it. test/api/erasure-reach.test.ts
 * reads the schema and fails on a person-naming column (a foreign key to `person` or to a
 * request, or a person/subject id column) that is not listed here: a new table must say how its
 * person's data goes before it can hold any.
 */
export const ERASURE_REACH: Record<string, string> = {
  'person.id': 'deleted (reducePersonRow while a retention keeps a part, then deletePersonRow)',
  'person_organization.person_id': 'deleted (eraseCustomerPart)',
  'value_source.person_id': 'deleted (eraseCustomerPart)',
  'objection.person_id': 'deleted (eraseCustomerPart)',
  'objection.request_id': 'deleted with the objection (eraseCustomerPart)',
  'dvv_prohibition.person_id': 'deleted (eraseCustomerPart)',
  'dvv_sync_record.person_id':
    'set null (eraseCustomerPart): the report keeps the outcome, not whose it was',
  'update_file_row.person_id':
    'set null (eraseCustomerPart): the report keeps the outcome, not whose it was',
  'import_row.person_id':
    'set null (eraseCustomerPart): the moving-in report keeps the outcome, not whose it was',
  'import_row.duplicate_of_person':
    'set null (eraseCustomerPart): the report keeps that the row was a duplicate, not of whom',
  'legal_hold.person_id': 'deleted (eraseCustomerPart)',
  'resident_session.person_id':
    'deleted with the person row (on delete cascade); a reduced, archived row ends the session at its next request',
  'processing_restriction.person_id':
    "deleted with the restriction request, one of the person's other requests (eraseCustomerPart)",
  'processing_restriction.request_id': 'deleted with the request (eraseCustomerPart)',
  'processing_restriction.rectification_request_id':
    'set null, then deleted with the restriction request (eraseCustomerPart)',
  'social_break_glass.person_id': 'deleted (eraseCustomerPart)',
  'disclosure.subject_ids':
    'the person removed from the subjects and omissions; a copy to the person themself deleted (eraseCustomerPart)',
  'data_subject_request.person_id':
    'other requests deleted; the erasure request stays, its person id the pseudonymous reference (eraseCustomerPart)',
  'data_subject_request_note.request_id':
    "deleted with the request, or the erasure request's own (eraseCustomerPart)",
  'data_subject_request_event.request_id':
    "deleted with the request; the erasure request's note texts erased (eraseCustomerPart)",
  'request_attachment.request_id':
    "deleted with the request, or the erasure request's own (eraseCustomerPart)",
  'rectification_item.request_id': 'deleted with the request (eraseCustomerPart)',
  'value_source.request_id': 'deleted with the person (eraseCustomerPart)',
  'social_client.person_id': 'deleted (eraseSocialServicesPart)',
  'social_record.person_id': 'deleted (eraseSocialServicesPart)',
  'social_family_relation.person_id': 'deleted both ways (eraseSocialServicesPart)',
  'social_family_relation.related_person_id': 'deleted both ways (eraseSocialServicesPart)',
  'customer_order.person_id': 'deleted, or kept for accounting without notes (eraseAccountingPart)',
  'invoice.person_id':
    'deleted with its payments, or kept for accounting until its day (eraseAccountingPart)',
  'access_log.subject_ids':
    'kept: the id is the pseudonymous reference; changed values sealed under the destroyed key',
  'person_erasure.subject_ref': 'the erasure record: the pseudonymous reference itself',
  'person_erasure.request_id': 'the erasure record: the erasure request',
  'paper_document.person_id':
    'an undestroyed document blocks the erasure (erasure.paperDocuments); a destroyed one keeps its record of the destruction without the person or the description (eraseCustomerPart)',
  'retention_outcome.subject_ref':
    'kept: the pseudonymous reference, as in the access log; the outcome names no one (decision 0034)',
};

/** An invoice names the order (spelled out: drizzle leaves a single table's columns unqualified). */
const INVOICED = sql<boolean>`exists (select 1 from invoice i where i.order_id = customer_order.id)`;

/** The defaults of the settings' columns, for a register whose billing settings are not set up. */
const DEFAULT_SETTINGS = { accountingRetentionYears: 6, socialRecordsRetentionYears: 12 };

export async function lockPerson(db: Db, personId: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, personId)).for('update');
  return row;
}

export async function findErasure(db: Db, subjectRef: string) {
  const [row] = await db
    .select()
    .from(personErasures)
    .where(eq(personErasures.subjectRef, subjectRef));
  return row;
}

export async function findErasureOfRequest(db: Db, requestId: string) {
  const [row] = await db
    .select()
    .from(personErasures)
    .where(eq(personErasures.requestId, requestId));
  return row;
}

/** Everything the blocker rules look at, for one person. */
export async function loadErasureFacts(
  db: Db,
  personId: string,
  options: { today: string; requestId: string | null },
): Promise<ErasureFacts> {
  // One query after another: inside a transaction they share one connection.
  const invoiceRows = await db
    .select({
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      invoiceDate: invoices.invoiceDate,
      dueDate: invoices.dueDate,
    })
    .from(invoices)
    .where(eq(invoices.personId, personId))
    .orderBy(asc(invoices.number));
  const orderRows = await db
    .select({
      number: orders.number,
      status: orders.status,
      deliveredOn: orders.deliveredOn,
      retainUntil: orders.retainUntil,
      invoiced: INVOICED,
    })
    .from(orders)
    .where(eq(orders.personId, personId))
    .orderBy(asc(orders.number));
  const clientRows = await db
    .select({ startsOn: socialClients.startsOn, endsOn: socialClients.endsOn })
    .from(socialClients)
    .where(eq(socialClients.personId, personId));
  const requestRows = await db
    .select({
      number: dataSubjectRequests.number,
      type: dataSubjectRequests.type,
      status: dataSubjectRequests.status,
    })
    .from(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.personId, personId),
        ne(dataSubjectRequests.status, 'answered'),
        options.requestId ? ne(dataSubjectRequests.id, options.requestId) : undefined,
      ),
    )
    .orderBy(asc(dataSubjectRequests.number));
  const holdRows = await db
    .select({
      reason: legalHolds.reason,
      fromOn: legalHolds.fromOn,
      untilOn: legalHolds.untilOn,
      releasedAt: legalHolds.releasedAt,
    })
    .from(legalHolds)
    .where(eq(legalHolds.personId, personId));
  const paperRows = await db
    .select({
      description: paperDocuments.description,
      location: paperDocuments.location,
      destroyOn: paperDocuments.destroyOn,
    })
    .from(paperDocuments)
    .where(and(eq(paperDocuments.personId, personId), isNull(paperDocuments.destroyedAt)))
    .orderBy(asc(paperDocuments.destroyOn));
  const [settings] = await db
    .select({
      accountingRetentionYears: billingSettings.accountingRetentionYears,
      socialRecordsRetentionYears: billingSettings.socialRecordsRetentionYears,
    })
    .from(billingSettings);
  return {
    today: options.today,
    invoices: invoiceRows,
    orders: orderRows.map((o) => ({ ...o, invoiced: Boolean(o.invoiced) })),
    socialClients: clientRows,
    pendingRequests: requestRows,
    legalHolds: holdRows.map(({ releasedAt, ...h }) => ({ ...h, released: releasedAt !== null })),
    paperDocuments: paperRows,
    settings: settings ?? DEFAULT_SETTINGS,
  };
}

/** How many of the person's access-log entries hold changed values in plain text. */
export async function countUnsealedLogEntries(db: Db, personId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(accessLog)
    .where(
      and(
        arrayContains(accessLog.subjectIds, [personId]),
        sql`${accessLog.changes} is not null`,
        sql`${accessLog.changes}::text ~ '"(old|new)"'`,
      ),
    );
  return Number(row?.count ?? 0);
}

/**
 * The customer part: everything of the person that no retention period keeps — their other
 * requests (notes, events, attachments with them), this request's working notes and attachments,
 * organisations,
 * value sources, objections, break-glass grants, legal holds, and their place in disclosures'
 * subject lists. The person row itself and the kept parts are the caller's.
 */
export async function eraseCustomerPart(
  db: Db,
  personId: string,
  requestId: string | null,
  now: Date,
): Promise<void> {
  await db
    .delete(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.personId, personId),
        requestId ? ne(dataSubjectRequests.id, requestId) : undefined,
      ),
    );
  if (requestId) {
    await db
      .delete(dataSubjectRequestNotes)
      .where(eq(dataSubjectRequestNotes.requestId, requestId));
    // The scanned letter is under the person's key too; it goes with the rest of their data.
    await db.delete(requestAttachments).where(eq(requestAttachments.requestId, requestId));
    // The history keeps that a note was written, not what it said.
    await db
      .update(dataSubjectRequestEvents)
      .set({ changes: { note: 'erased' } })
      .where(
        and(
          eq(dataSubjectRequestEvents.requestId, requestId),
          eq(dataSubjectRequestEvents.action, 'note'),
        ),
      );
  }
  await db.delete(personOrganizations).where(eq(personOrganizations.personId, personId));
  await db.delete(valueSources).where(eq(valueSources.personId, personId));
  await db.delete(dvvProhibitions).where(eq(dvvProhibitions.personId, personId));
  await db.delete(objections).where(eq(objections.personId, personId));
  await db
    .update(dvvSyncRecords)
    .set({ personId: null })
    .where(eq(dvvSyncRecords.personId, personId));
  await db
    .update(updateFileRows)
    .set({ personId: null })
    .where(eq(updateFileRows.personId, personId));
  await db.update(importRows).set({ personId: null }).where(eq(importRows.personId, personId));
  await db
    .update(importRows)
    .set({ duplicateOfPerson: null })
    .where(eq(importRows.duplicateOfPerson, personId));
  await db.delete(socialBreakGlass).where(eq(socialBreakGlass.personId, personId));
  await db.delete(legalHolds).where(eq(legalHolds.personId, personId));
  // Only destroyed documents are left (an undestroyed one blocks): the record that a document
  // was kept, where, and who destroyed it when stays; what it was and whose goes.
  await db
    .update(paperDocuments)
    .set({ personId: null, description: '', erasedAt: now })
    .where(eq(paperDocuments.personId, personId));
  // A copy handed to the person themself is only theirs; a partner's disclosure stays as the
  // municipality's record of it, without this person among its subjects.
  await db
    .delete(disclosures)
    .where(
      and(
        eq(disclosures.recipient, 'data_subject'),
        sql`${disclosures.subjectIds} = array[${personId}]::uuid[]`,
      ),
    );
  await db
    .update(disclosures)
    .set({
      subjectIds: sql`array_remove(${disclosures.subjectIds}, ${personId}::uuid)`,
      omittedFields: sql`${disclosures.omittedFields} - ${personId}::text`,
    })
    .where(arrayContains(disclosures.subjectIds, [personId]));
}

/** The social-services part: client relationships, records, and family relations both ways. */
export async function eraseSocialServicesPart(db: Db, personId: string): Promise<void> {
  await db
    .delete(socialFamilyRelations)
    .where(
      or(
        eq(socialFamilyRelations.personId, personId),
        eq(socialFamilyRelations.relatedPersonId, personId),
      ),
    );
  await db.delete(socialRecords).where(eq(socialRecords.personId, personId));
  await db.delete(socialClients).where(eq(socialClients.personId, personId));
}

/**
 * The accounting part, or — `keep` — only what no retention period keeps: orders never invoiced
 * (cancelled ones). Kept orders lose their free-text notes, which the books do not need.
 */
export async function eraseAccountingPart(
  db: Db,
  personId: string,
  options: { keep: boolean },
): Promise<void> {
  const notInvoiced = sql`not ${INVOICED}`;
  if (options.keep) {
    await db.delete(orders).where(and(eq(orders.personId, personId), notInvoiced));
    await db.update(orders).set({ notes: null }).where(eq(orders.personId, personId));
    return;
  }
  const ids = (
    await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.personId, personId))
  ).map((r) => r.id);
  if (ids.length > 0) {
    await db.delete(payments).where(inArray(payments.invoiceId, ids));
    const erased = sql`array[${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]`;
    await db
      .update(disclosures)
      .set({
        invoiceIds: sql`array(select unnest(${disclosures.invoiceIds}) except select unnest(${erased}))`,
      })
      .where(sql`${disclosures.invoiceIds} && ${erased}`);
    await db.delete(invoices).where(inArray(invoices.id, ids));
  }
  await db.delete(orders).where(eq(orders.personId, personId));
}

/**
 * What stays of the person while parts are kept: an archived row (out of every list and search)
 * that the kept records refer to. Kept social-services records need to know whose they are, so
 * their name and identity code stay with them; kept accounting records carry the name as it was
 * invoiced, and need nothing more of the row.
 */
export async function reducePersonRow(
  db: Db,
  personId: string,
  options: { keepIdentity: boolean; now: Date },
): Promise<void> {
  await db
    .update(persons)
    .set({
      ...(options.keepIdentity
        ? {}
        : {
            firstName: '',
            lastName: '',
            identityCodeEncrypted: null,
            identityCodeIndex: null,
            identityCodePurpose: null,
            identityCodeTemporary: null,
            searchText: '',
          }),
      email: null,
      phone: null,
      permanentAddress: null,
      contactAddress: null,
      billing: null,
      notes: null,
      addressProtectionActive: false,
      addressProtectionEndsOn: null,
      addressProtectionSource: null,
      archivedAt: options.now,
      updatedAt: options.now,
    })
    .where(eq(persons.id, personId));
}

export async function deletePersonRow(db: Db, personId: string): Promise<void> {
  await db.delete(persons).where(eq(persons.id, personId));
}

export async function insertErasure(db: Db, values: typeof personErasures.$inferInsert) {
  const [row] = await db.insert(personErasures).values(values).returning();
  if (!row) throw new Error('The erasure record was not stored');
  return row;
}

export async function updateErasure(
  db: Db,
  id: string,
  values: Partial<typeof personErasures.$inferInsert>,
) {
  const [row] = await db
    .update(personErasures)
    .set(values)
    .where(eq(personErasures.id, id))
    .returning();
  if (!row) throw new Error(`Erasure ${id} vanished`);
  return row;
}

/** Partial erasures with a part due today or before, locked so two finishers never race. */
export async function findDueErasures(db: Db, today: string, limit: number) {
  return db
    .select()
    .from(personErasures)
    .where(and(eq(personErasures.status, 'partial'), lte(personErasures.finishOn, today)))
    .orderBy(asc(personErasures.finishOn))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Erasure records whose key was not destroyed yet (a failed key-store call is retried). */
export async function findKeysToDestroy(db: Db) {
  return db
    .select({ id: personErasures.id, subjectRef: personErasures.subjectRef })
    .from(personErasures)
    .where(
      and(
        isNull(personErasures.keyDestroyedAt),
        sql`not (${personErasures.kept} @> '[{"part":"socialServices"}]'::jsonb)`,
      ),
    );
}

export async function listLegalHolds(db: Db, personId: string) {
  return db
    .select()
    .from(legalHolds)
    .where(eq(legalHolds.personId, personId))
    .orderBy(asc(legalHolds.fromOn), asc(legalHolds.createdAt));
}
