import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  commitmentSignatures,
  commitmentVersions,
  organizations,
  paperDocuments,
  persons,
  staffUsers,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import type {
  PaperDocumentCreate,
  PaperDocumentView,
} from '../../../contract/paper-documents/paper-documents.schemas.ts';

/*
 * The register of paper documents kept about customers (requirements §7, manual material;
 * decision 0034): what, whose, where, who may handle it, when it is to be destroyed, and its
 * destruction. Only staff with the current confidentiality commitment signed may be handlers.
 */

const FIELDS = ['paperDocuments'];

type Row = typeof paperDocuments.$inferSelect;

/** Active staff accounts (not deactivated, not past their last day) with the current commitment. */
async function committedStaff(db: Db, today: string, ids?: string[]) {
  const current = db
    .select({ v: sql`max(${commitmentVersions.version})` })
    .from(commitmentVersions);
  return db
    .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(
      and(
        ids ? inArray(staffUsers.id, ids) : undefined,
        isNull(staffUsers.deactivatedAt),
        or(isNull(staffUsers.expiresOn), gte(staffUsers.expiresOn, today)),
        sql`exists (select 1 from ${commitmentSignatures} where ${commitmentSignatures.userId} = ${staffUsers.id} and ${commitmentSignatures.version} = (${current}))`,
      ),
    )
    .orderBy(asc(staffUsers.fullName), asc(staffUsers.username));
}

const staffName = (s: { username: string; fullName: string | null }) => s.fullName ?? s.username;

async function views(db: Db, rows: Row[]): Promise<PaperDocumentView[]> {
  const ids = [
    ...new Set(
      rows.flatMap((r) => [...r.handlerIds, r.destroyedBy, r.createdBy].filter((x) => x !== null)),
    ),
  ] as string[];
  const staff =
    ids.length === 0
      ? []
      : await db
          .select({
            id: staffUsers.id,
            username: staffUsers.username,
            fullName: staffUsers.fullName,
          })
          .from(staffUsers)
          .where(inArray(staffUsers.id, ids));
  const byId = new Map(staff.map((s) => [s.id, { id: s.id, name: staffName(s) }]));
  const ref = (id: string | null) => (id ? (byId.get(id) ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    organizationId: r.organizationId,
    description: r.description,
    location: r.location,
    handlers: r.handlerIds.flatMap((id) => byId.get(id) ?? []),
    destroyOn: r.destroyOn,
    destroyedOn: r.destroyedOn,
    destroyedBy: ref(r.destroyedBy),
    destructionNote: r.destructionNote,
    createdAt: r.createdAt.toISOString(),
    createdBy: ref(r.createdBy),
  }));
}

/** A person's or an organisation's paper documents, the undestroyed first; a person's read logged. */
export async function listPaperDocuments(
  ctx: CustomerContext,
  owner: { personId?: string | undefined; organizationId?: string | undefined },
): Promise<{ items: PaperDocumentView[] }> {
  await requireOwner(ctx.db, owner);
  const rows = await ctx.db
    .select()
    .from(paperDocuments)
    .where(
      owner.personId
        ? eq(paperDocuments.personId, owner.personId)
        : eq(paperDocuments.organizationId, owner.organizationId ?? ''),
    )
    .orderBy(sql`${paperDocuments.destroyedAt} is not null`, asc(paperDocuments.destroyOn));
  if (owner.personId) await logAccess(ctx, 'read', [owner.personId], FIELDS);
  return { items: await views(ctx.db, rows) };
}

export async function listHandlers(ctx: CustomerContext) {
  const rows = await committedStaff(ctx.db, helsinkiDate(ctx.clock.now()));
  return { items: rows.map((s) => ({ id: s.id, name: staffName(s) })) };
}

async function requireOwner(
  db: Db,
  owner: { personId?: string | null | undefined; organizationId?: string | null | undefined },
) {
  if (owner.personId) {
    const [row] = await db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.id, owner.personId));
    if (!row) throw notFound('Person');
  } else if (owner.organizationId) {
    const [row] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, owner.organizationId));
    if (!row) throw notFound('Organization');
  }
}

/** Records a paper document; every handler must be an active account with the commitment. */
export async function createPaperDocument(
  ctx: CustomerContext,
  input: PaperDocumentCreate,
): Promise<PaperDocumentView> {
  const handlerIds = [...new Set(input.handlerIds)];
  return ctx.db.transaction(async (tx) => {
    await requireOwner(tx, input);
    const committed = new Set(
      (await committedStaff(tx, helsinkiDate(ctx.clock.now()), handlerIds)).map((s) => s.id),
    );
    const refused = handlerIds.filter((id) => !committed.has(id));
    if (refused.length > 0) {
      const message = `Not an active account with the current confidentiality commitment signed: ${refused.join(', ')}`;
      throw new AppError('validation', message, {
        errors: [{ field: 'handlerIds', message, code: 'paperDocument.handlerWithoutCommitment' }],
      });
    }
    const [row] = await tx
      .insert(paperDocuments)
      .values({
        personId: input.personId,
        organizationId: input.organizationId,
        description: input.description,
        location: input.location,
        handlerIds,
        destroyOn: input.destroyOn,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('The paper document was not stored');
    if (input.personId) {
      await logAccess({ ...ctx, db: tx }, 'create', [input.personId], FIELDS, {
        changes: {
          paperDocument: { id: row.id, location: row.location, destroyOn: row.destroyOn },
          description: { old: null, new: row.description },
        },
      });
    }
    const [view] = await views(tx, [row]);
    return view as PaperDocumentView;
  });
}

/** Records the destruction: the day, the user who records it, how. Once. */
export async function destroyPaperDocument(
  ctx: CustomerContext,
  id: string,
  input: { destroyedOn: string; note: string | null },
): Promise<PaperDocumentView> {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(paperDocuments)
      .where(eq(paperDocuments.id, id))
      .for('update');
    if (!found || found.erasedAt) throw notFound('Paper document');
    if (found.destroyedAt) {
      const message = 'The destruction of this document has already been recorded';
      throw new AppError('conflict', message, {
        errors: [{ field: 'destroyedOn', message, code: 'paperDocument.alreadyDestroyed' }],
      });
    }
    const [row] = await tx
      .update(paperDocuments)
      .set({
        destroyedOn: input.destroyedOn,
        destroyedAt: ctx.clock.now(),
        destroyedBy: ctx.actor.userId,
        destructionNote: input.note,
      })
      .where(eq(paperDocuments.id, id))
      .returning();
    if (!row) throw notFound('Paper document');
    if (row.personId) {
      await logAccess({ ...ctx, db: tx }, 'update', [row.personId], FIELDS, {
        changes: { paperDocument: { id: row.id, destroyedOn: row.destroyedOn } },
      });
    }
    const [view] = await views(tx, [row]);
    return view as PaperDocumentView;
  });
}
