import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  persons,
  retentionOutcomes,
  retentionRuns,
  retentionSettings,
} from '../../db/schema/index.ts';
import { helsinkiDate, helsinkiStartOfDay } from '../../../contract/dates.ts';

export type RetentionSettingsRow = typeof retentionSettings.$inferSelect;

export async function findRetentionSettings(db: Db): Promise<RetentionSettingsRow | undefined> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.id, 1));
  return row;
}

export async function upsertRetentionSettings(
  db: Db,
  values: Omit<typeof retentionSettings.$inferInsert, 'id'>,
): Promise<RetentionSettingsRow> {
  const [row] = await db
    .insert(retentionSettings)
    .values({ ...values, id: 1 })
    .onConflictDoUpdate({ target: retentionSettings.id, set: values })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** A relationship that counts (requirements §10): value sources given by people, not registers. */
const CONTACT_SOURCES = sql.raw(`'data_subject', 'partner', 'request', 'staff'`);

/**
 * The persons past retention on `today`: living persons with no relationship on or after the
 * cut-off day (`customerCutoff`, `customerYears` before today) — no order created or delivered,
 * invoice dated, payment, request received, answered or still open, value given by the person,
 * a partner or staff, objection, client relationship ongoing or ended, nor a link to an
 * organisation that is still a customer — and deceased persons who died before their own cut-off.
 * Persons already (partly) erased are the erasure finisher's. Each condition is one indexed
 * lookup by person, so the query stays a scan of `person` with probes.
 */
export async function findPersonsPastRetention(
  db: Db,
  options: { customerCutoff: string; deceasedCutoff: string; after: string | null; limit: number },
): Promise<{ id: string; deceasedOn: string | null }[]> {
  const d = options.customerCutoff;
  const t = helsinkiStartOfDay(d).toISOString();
  const result: unknown = await db.execute(sql`
    select p.id, p.deceased_on::text as deceased_on
    from person p
    where not exists (select 1 from person_erasure e where e.subject_ref = p.id)
      and (${options.after}::uuid is null or p.id > ${options.after}::uuid)
      and (
        (p.deceased_on is not null and p.deceased_on < ${options.deceasedCutoff}::date)
        or (
          p.deceased_on is null
          and p.created_at < ${t}::timestamptz
          and not exists (select 1 from customer_order o where o.person_id = p.id
            and (o.created_at >= ${t}::timestamptz or o.delivered_on >= ${d}::date))
          and not exists (select 1 from invoice i where i.person_id = p.id
            and i.invoice_date >= ${d}::date)
          and not exists (select 1 from payment pm join invoice i on i.id = pm.invoice_id
            where i.person_id = p.id and pm.paid_on >= ${d}::date)
          and not exists (select 1 from data_subject_request r where r.person_id = p.id
            and (r.received_on >= ${d}::date or r.answered_on >= ${d}::date
              or r.status <> 'answered'))
          and not exists (select 1 from value_source v where v.person_id = p.id
            and v.kind in (${CONTACT_SOURCES}) and v.recorded_at >= ${t}::timestamptz)
          and not exists (select 1 from objection ob where ob.person_id = p.id
            and ob.objected_on >= ${d}::date)
          and not exists (select 1 from social_client c where c.person_id = p.id
            and (c.ends_on is null or c.ends_on >= ${d}::date))
          and not exists (select 1 from person_organization po
            join organization org on org.id = po.organization_id
            where po.person_id = p.id and org.archived_at is null)
        )
      )
    order by p.id
    limit ${options.limit}
  `);
  const rows = (result as { rows: { id: string; deceased_on: string | null }[] }).rows;
  return rows.map((r) => ({ id: r.id, deceasedOn: r.deceased_on }));
}

/**
 * The day of each person's last relationship (the same things findPersonsPastRetention looks
 * at), for the report: the latest of the dated ones and of the timestamped ones in Helsinki time.
 */
export async function lastRelationshipDays(
  db: Db,
  personIds: string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const ids = sql`array[${sql.join(
    personIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const result: unknown = await db.execute(
    sql`
    select p.id,
      greatest(
        (select max(o.delivered_on) from customer_order o where o.person_id = p.id),
        (select max(i.invoice_date) from invoice i where i.person_id = p.id),
        (select max(pm.paid_on) from payment pm join invoice i on i.id = pm.invoice_id
          where i.person_id = p.id),
        (select max(greatest(r.received_on, r.answered_on)) from data_subject_request r
          where r.person_id = p.id),
        (select max(ob.objected_on) from objection ob where ob.person_id = p.id),
        (select max(c.ends_on) from social_client c where c.person_id = p.id)
      )::text as last_day,
      greatest(
        p.created_at,
        (select max(o.created_at) from customer_order o where o.person_id = p.id),
        (select max(v.recorded_at) from value_source v where v.person_id = p.id
          and v.kind in (${CONTACT_SOURCES}))
      ) as last_at
    from person p
    where p.id = any(${ids})
  `,
  );
  type Row = { id: string; last_day: string | null; last_at: string | Date | null };
  return new Map(
    (result as { rows: Row[] }).rows.map((r) => {
      const fromInstant = r.last_at ? helsinkiDate(new Date(r.last_at)) : '';
      const day = r.last_day ?? '';
      return [r.id, day > fromInstant ? day : fromInstant];
    }),
  );
}

export async function personNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
    .from(persons)
    .where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]));
}

export async function insertRun(db: Db, values: typeof retentionRuns.$inferInsert) {
  const [row] = await db.insert(retentionRuns).values(values).returning();
  if (!row) throw new Error('The retention run was not stored');
  return row;
}

export async function finishRun(db: Db, id: string, finishedAt: Date) {
  await db.update(retentionRuns).set({ finishedAt }).where(eq(retentionRuns.id, id));
}

export async function insertOutcome(db: Db, values: typeof retentionOutcomes.$inferInsert) {
  await db.insert(retentionOutcomes).values(values);
}

export async function latestRun(db: Db, trigger?: 'schedule') {
  const [row] = await db
    .select()
    .from(retentionRuns)
    .where(trigger ? eq(retentionRuns.trigger, trigger) : undefined)
    .orderBy(desc(retentionRuns.number))
    .limit(1);
  return row;
}

/** The latest runs with their counts by outcome. */
export async function listRuns(db: Db, limit: number) {
  const runs = await db
    .select()
    .from(retentionRuns)
    .orderBy(desc(retentionRuns.number))
    .limit(limit);
  if (runs.length === 0) return [];
  const counts = await db
    .select({
      runId: retentionOutcomes.runId,
      outcome: retentionOutcomes.outcome,
      count: sql<number>`count(*)::int`,
    })
    .from(retentionOutcomes)
    .where(
      inArray(
        retentionOutcomes.runId,
        runs.map((r) => r.id),
      ),
    )
    .groupBy(retentionOutcomes.runId, retentionOutcomes.outcome);
  return runs.map((run) => ({
    run,
    counts: Object.fromEntries(
      counts.filter((c) => c.runId === run.id).map((c) => [c.outcome, Number(c.count)]),
    ),
  }));
}

export async function findRun(db: Db, id: string) {
  const [run] = await db.select().from(retentionRuns).where(eq(retentionRuns.id, id));
  return run;
}

export async function runOutcomes(db: Db, runId: string) {
  return db
    .select()
    .from(retentionOutcomes)
    .where(eq(retentionOutcomes.runId, runId))
    .orderBy(retentionOutcomes.id);
}
