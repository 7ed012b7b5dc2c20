import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, persons } from '../../db/schema/index.ts';
import {
  ALL_CUSTOMERS,
  coveredBy,
  organizationColumns,
  personColumns,
  type ReaderScope,
} from '../partners/contract-scope.ts';

export type Match =
  | { by: 'name'; folded: string }
  | { by: 'identityCode'; index: Buffer }
  | { by: 'businessId'; businessId: string }
  | { by: 'email'; email: string }
  | { by: 'phone'; phone: string };

/** Keyset position: results are ordered by score (best first), then kind, then id. */
export type SearchKey = { score: number; kind: 'person' | 'organization'; id: string };

function afterKey(kind: SearchKey['kind'], score: SQL, id: SQL, after: SearchKey | null) {
  if (!after) return undefined;
  return sql`(${score} < ${after.score}::real or (${score} = ${after.score}::real and (${kind}::text, ${id}) > (${after.kind}::text, ${after.id}::uuid)))`;
}

function personMatch(match: Match): { where: SQL; score: SQL } | null {
  switch (match.by) {
    case 'name':
      return {
        where: sql`${match.folded} <% ${persons.searchText}`,
        score: sql`word_similarity(${match.folded}, ${persons.searchText})`,
      };
    case 'identityCode':
      return { where: eq(persons.identityCodeIndex, match.index), score: sql`1::real` };
    case 'email':
      return { where: sql`lower(${persons.email}) = ${match.email}`, score: sql`1::real` };
    case 'phone':
      return { where: eq(persons.phone, match.phone), score: sql`1::real` };
    case 'businessId':
      return null;
  }
}

function organizationMatch(match: Match): { where: SQL; score: SQL } | null {
  switch (match.by) {
    case 'name':
      return {
        where: sql`${match.folded} <% ${organizations.searchText}`,
        score: sql`word_similarity(${match.folded}, ${organizations.searchText})`,
      };
    case 'businessId':
      return { where: eq(organizations.businessId, match.businessId), score: sql`1::real` };
    case 'email':
      return { where: sql`lower(${organizations.email}) = ${match.email}`, score: sql`1::real` };
    case 'phone':
      return { where: eq(organizations.phone, match.phone), score: sql`1::real` };
    case 'identityCode':
      return null;
  }
}

/**
 * The best-matching persons after the keyset: one indexed query. A contractor's search is kept
 * to the persons its contract covers and reads only the columns the contract opens.
 */
export async function searchPersonRows(
  db: Db,
  match: Match,
  after: SearchKey | null,
  limit: number,
  scope: ReaderScope = ALL_CUSTOMERS,
) {
  const m = personMatch(match);
  if (!m) return [];
  return db
    .select({ row: personColumns(scope), score: sql<number>`${m.score}`.mapWith(Number) })
    .from(persons)
    .where(
      and(
        m.where,
        isNull(persons.archivedAt),
        coveredBy(scope, persons.id),
        afterKey('person', m.score, sql`${persons.id}`, after),
      ),
    )
    .orderBy(desc(m.score), asc(persons.id))
    .limit(limit);
}

export async function searchOrganizationRows(
  db: Db,
  match: Match,
  after: SearchKey | null,
  limit: number,
  scope: ReaderScope = ALL_CUSTOMERS,
) {
  const m = organizationMatch(match);
  if (!m) return [];
  return db
    .select({ row: organizationColumns(scope), score: sql<number>`${m.score}`.mapWith(Number) })
    .from(organizations)
    .where(
      and(
        m.where,
        isNull(organizations.archivedAt),
        coveredBy(scope, organizations.id),
        afterKey('organization', m.score, sql`${organizations.id}`, after),
      ),
    )
    .orderBy(desc(m.score), asc(organizations.id))
    .limit(limit);
}
