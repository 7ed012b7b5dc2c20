import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  min,
  ne,
  notExists,
  sql,
  sum,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { roleHas, type Permission } from '../../../contract/auth/permissions.ts';
import { addDays, helsinkiDate } from '../../../contract/dates.ts';
import {
  DUE_SOON_DAYS,
  EXPIRING_SOON_DAYS,
  FLAGGED_DISCLOSURE_DAYS,
  RECENT_CUSTOMERS,
  type WorkView,
} from '../../../contract/work/work.schemas.ts';
import type { Db } from '../../db/client.ts';
import {
  accessLog,
  commitmentSignatures,
  commitmentVersions,
  dataSubjectRequests,
  disclosures,
  invoiceRuns,
  invoices,
  orders,
  persons,
  socialBreakGlass,
  staffUsers,
} from '../../db/schema/index.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';

/** How many of a list the home page shows; the counts say how many there are in all. */
const SHOWN = 20;
const RUNS_SHOWN = 10;

/** The signed-in staff member's work: each section only for a role that may do that work. */
export async function myWork(ctx: CustomerContext): Promise<WorkView> {
  const may = (permission: Permission) => roleHas(ctx.actor.role, permission);
  const today = helsinkiDate(ctx.clock.now());
  const [requests, reviews, billing, accounts, recent] = await Promise.all([
    may('requests.read') ? requestsDue(ctx.db, today) : null,
    may('socialServices.reviewBreakGlass') ? reviewsWaiting(ctx) : null,
    may('invoices.write') ? billingWork(ctx.db, today) : null,
    may('staff.manage') ? accountsToSee(ctx.db, today) : null,
    may('customers.write') ? recentCustomers(ctx) : null,
  ]);
  return { requests, reviews, billing, accounts, recent };
}

/** How many of the user's latest access-log entries the recent customers are looked for in. */
const RECENT_ENTRIES = 200;

/**
 * The persons the user opened or changed lately, from the user's own latest access-log entries
 * (index access_log_user_idx). The home page's own entry — a read of their names only, as lists
 * are logged — does not count, or the list would renew itself and never change; nor do searches.
 * An organisation's page is logged for its representatives, so they show for it.
 */
async function recentCustomers(ctx: CustomerContext): Promise<WorkView['recent']> {
  const latest = ctx.db
    .select({ subjectIds: accessLog.subjectIds, occurredAt: accessLog.occurredAt })
    .from(accessLog)
    .where(
      and(
        eq(accessLog.userId, ctx.actor.userId),
        ne(accessLog.action, 'search'),
        sql`not (${accessLog.action} = 'read' and ${accessLog.fields} = array['name'])`,
      ),
    )
    .orderBy(desc(accessLog.occurredAt))
    .limit(RECENT_ENTRIES)
    .as('latest');
  const subject = sql`unnest(${latest.subjectIds})`;
  const seen = ctx.db
    .select({ id: sql<string>`${subject}`.as('subject_id'), at: latest.occurredAt })
    .from(latest)
    .as('seen');
  const lastAt = sql<Date>`max(${seen.at})`.mapWith(accessLog.occurredAt);
  const rows = await ctx.db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      lastAt,
    })
    .from(seen)
    .innerJoin(persons, eq(persons.id, seen.id))
    .where(isNull(persons.archivedAt))
    .groupBy(persons.id, persons.firstName, persons.lastName)
    .orderBy(desc(lastAt))
    .limit(RECENT_CUSTOMERS);
  await logAccess(
    ctx,
    'read',
    rows.map((row) => row.id),
    ['name'],
  );
  return rows.map((row) => ({
    id: row.id,
    name: `${row.firstName} ${row.lastName}`,
    lastAt: row.lastAt.toISOString(),
  }));
}

async function requestsDue(db: Db, today: string): Promise<WorkView['requests']> {
  const assignee = alias(staffUsers, 'assignee');
  const open = and(
    ne(dataSubjectRequests.status, 'answered'),
    lte(dataSubjectRequests.dueOn, addDays(today, DUE_SOON_DAYS)),
  );
  const [rows, [counts]] = await Promise.all([
    db
      .select({
        id: dataSubjectRequests.id,
        number: dataSubjectRequests.number,
        type: dataSubjectRequests.type,
        status: dataSubjectRequests.status,
        dueOn: dataSubjectRequests.dueOn,
        assigneeId: assignee.id,
        assigneeUsername: assignee.username,
        assigneeFullName: assignee.fullName,
      })
      .from(dataSubjectRequests)
      .leftJoin(assignee, eq(assignee.id, dataSubjectRequests.assigneeId))
      .where(open)
      .orderBy(asc(dataSubjectRequests.dueOn), asc(dataSubjectRequests.number))
      .limit(SHOWN),
    db
      .select({
        overdue:
          sql<number>`count(*) filter (where ${dataSubjectRequests.dueOn} < ${today})`.mapWith(
            Number,
          ),
        all: count(),
      })
      .from(dataSubjectRequests)
      .where(open),
  ]);
  const overdue = counts?.overdue ?? 0;
  return {
    overdue,
    dueSoon: (counts?.all ?? 0) - overdue,
    items: rows.map((row) => ({
      id: row.id,
      number: Number(row.number),
      type: row.type,
      status: row.status,
      dueOn: row.dueOn,
      overdue: row.dueOn < today,
      assignee: row.assigneeId
        ? {
            id: row.assigneeId,
            username: row.assigneeUsername ?? '',
            fullName: row.assigneeFullName,
          }
        : null,
    })),
  };
}

async function reviewsWaiting(ctx: CustomerContext): Promise<WorkView['reviews']> {
  const { db } = ctx;
  const since = new Date(ctx.clock.now().getTime() - FLAGGED_DISCLOSURE_DAYS * 86_400_000);
  const [[row], [last], [flagged]] = await Promise.all([
    db
      .select({ waiting: count(), oldest: min(socialBreakGlass.openedAt) })
      .from(socialBreakGlass)
      .where(isNull(socialBreakGlass.reviewedAt)),
    db
      .select({
        reviewedAt: socialBreakGlass.reviewedAt,
        id: staffUsers.id,
        username: staffUsers.username,
        fullName: staffUsers.fullName,
      })
      .from(socialBreakGlass)
      .leftJoin(staffUsers, eq(staffUsers.id, socialBreakGlass.reviewedBy))
      .where(isNotNull(socialBreakGlass.reviewedAt))
      .orderBy(desc(socialBreakGlass.reviewedAt))
      .limit(1),
    db
      .select({ count: count() })
      .from(disclosures)
      .where(and(eq(disclosures.flagged, true), gte(disclosures.disclosedAt, since))),
  ]);
  return {
    waiting: row?.waiting ?? 0,
    oldestOpenedAt: row?.oldest?.toISOString() ?? null,
    lastReview: last?.reviewedAt
      ? {
          reviewedAt: last.reviewedAt.toISOString(),
          reviewedBy: last.id
            ? { id: last.id, username: last.username ?? '', fullName: last.fullName }
            : null,
        }
      : null,
    flaggedDisclosures: flagged?.count ?? 0,
  };
}

async function billingWork(db: Db, today: string): Promise<WorkView['billing']> {
  const notInvoiced = and(
    eq(orders.status, 'delivered'),
    isNull(orders.archivedAt),
    notExists(
      db
        .select({ one: sql`1` })
        .from(invoices)
        .where(eq(invoices.orderId, orders.id)),
    ),
  );
  const overdue = and(
    eq(invoices.kind, 'invoice'),
    eq(invoices.status, 'open'),
    lt(invoices.dueDate, today),
  );
  const [[delivered], [late], runs] = await Promise.all([
    db
      .select({ count: count(), oldest: min(orders.deliveredOn) })
      .from(orders)
      .where(notInvoiced),
    db
      .select({ count: count(), cents: sum(invoices.totalCents).mapWith(Number) })
      .from(invoices)
      .where(overdue),
    db
      .select({
        id: invoiceRuns.id,
        invoiceDate: invoiceRuns.invoiceDate,
        startedAt: invoiceRuns.startedAt,
        finishedAt: invoiceRuns.finishedAt,
        invoiceCount: invoiceRuns.invoiceCount,
      })
      .from(invoiceRuns)
      .orderBy(desc(invoiceRuns.startedAt))
      .limit(RUNS_SHOWN),
  ]);
  return {
    deliveredNotInvoiced: delivered?.count ?? 0,
    oldestDeliveredOn: delivered?.oldest ?? null,
    overdueInvoices: late?.count ?? 0,
    overdueCents: late?.cents ?? 0,
    runs: runs.map((run) => ({
      ...run,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
  };
}

async function accountsToSee(db: Db, today: string): Promise<WorkView['accounts']> {
  const active = isNull(staffUsers.deactivatedAt);
  const current = db
    .select({ version: sql`max(${commitmentVersions.version})` })
    .from(commitmentVersions);
  const [expiring, unsigned] = await Promise.all([
    db
      .select({
        id: staffUsers.id,
        username: staffUsers.username,
        fullName: staffUsers.fullName,
        expiresOn: staffUsers.expiresOn,
      })
      .from(staffUsers)
      .where(
        and(
          active,
          sql`${staffUsers.expiresOn} >= ${today}`,
          lte(staffUsers.expiresOn, addDays(today, EXPIRING_SOON_DAYS)),
        ),
      )
      .orderBy(asc(staffUsers.expiresOn), asc(staffUsers.username))
      .limit(SHOWN),
    db
      .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
      .from(staffUsers)
      .where(
        and(
          active,
          sql`exists (${current})`,
          notExists(
            db
              .select({ one: sql`1` })
              .from(commitmentSignatures)
              .where(
                and(
                  eq(commitmentSignatures.userId, staffUsers.id),
                  sql`${commitmentSignatures.version} = (${current})`,
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(staffUsers.username))
      .limit(SHOWN),
  ]);
  return {
    expiring: expiring.map((row) => ({ ...row, expiresOn: row.expiresOn ?? today })),
    unsignedCommitment: unsigned,
  };
}
