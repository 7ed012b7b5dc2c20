import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import {
  parseBusinessId,
  parseEmail,
  parseIdentityCode,
  parsePhone,
} from '../../../finnish/index.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { toOrganizationSummary } from '../organizations/organizations.service.ts';
import type { ContractFieldGroup } from '../../../contract/partners/contract-fields.ts';
import {
  readerScope,
  scopeOpens,
  visibleFields,
  type ReaderScope,
} from '../partners/contract-scope.ts';
import { identityCodeIndex, maskedIdentityCodes, toSummary } from '../persons/persons.service.ts';
import type { SearchItem } from '../../../contract/search/search.schemas.ts';
import {
  searchOrganizationRows,
  searchPersonRows,
  type Match,
  type SearchKey,
} from './search.queries.ts';

export const MIN_NAME_QUERY = 3;

/** Reads what the searcher typed: an identity code, business ID, email or phone is matched exactly. */
export function understandQuery(q: string, keys: CustomerContext['keys']): Match {
  const trimmed = q.trim();
  const identityCode = parseIdentityCode(trimmed);
  if (identityCode.ok)
    return { by: 'identityCode', index: identityCodeIndex(keys, identityCode.value.code) };
  if (/^\d{6,7}-\d$/.test(trimmed)) {
    const businessId = parseBusinessId(trimmed);
    if (businessId.ok) return { by: 'businessId', businessId: businessId.value };
  }
  if (trimmed.includes('@')) {
    const email = parseEmail(trimmed);
    return { by: 'email', email: (email.ok ? email.value : trimmed).toLowerCase() };
  }
  if (/^[+(]?\d[\d\s().-]{5,}$/.test(trimmed)) {
    const phone = parsePhone(trimmed);
    if (phone.ok) return { by: 'phone', phone: phone.value };
  }
  const folded = foldForSearch(trimmed);
  if (folded.length < MIN_NAME_QUERY) {
    throw new AppError('validation', 'The search is too short', {
      errors: [
        {
          field: 'q',
          message: `Type at least ${MIN_NAME_QUERY} letters of a name, or a whole identifier`,
          code: 'search.tooShort',
        },
      ],
    });
  }
  return { by: 'name', folded };
}

/** The field group an exact-identifier search reads; a name search needs only `name`. */
const GROUP_OF_MATCH: Record<Match['by'], ContractFieldGroup> = {
  name: 'name',
  businessId: 'name',
  identityCode: 'identityCode',
  email: 'contact',
  phone: 'contact',
};

/**
 * A contractor may search only by what its contract lets it see: a match on an identity code
 * its contract does not open would confirm whose code it is.
 */
function refuseMatchOutsideContract(scope: ReaderScope, match: Match): void {
  if (scopeOpens(scope, GROUP_OF_MATCH[match.by])) return;
  throw new AppError('validation', 'Your contract does not cover searching by this identifier', {
    errors: [
      {
        field: 'q',
        message: 'Your contract does not cover this identifier: search by name',
        code: 'search.notInContract',
      },
    ],
  });
}

/** What a search result shows of a person, for the access log. */
const SEARCH_LOGGED_FIELDS = ['name', 'personalIdentityCode', 'email', 'phone', 'address'];

const compareKeys = (a: SearchKey, b: SearchKey): number =>
  b.score - a.score || a.kind.localeCompare(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One search over persons and organisations, best match first, paged by a keyset cursor. Persons
 * come back as summaries, so a protected address is never in a result.
 */
export async function searchCustomers(
  ctx: CustomerContext,
  query: {
    q: string;
    kind: 'all' | 'person' | 'organization';
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ matchedBy: Match['by']; items: SearchItem[]; nextCursor: string | null }> {
  const match = understandQuery(query.q, ctx.keys);
  const after = query.cursor ? searchKeyOf(query.cursor) : null;
  const scope = await readerScope(ctx);
  refuseMatchOutsideContract(scope, match);
  const take = query.limit + 1;
  const [personRows, organizationRows] = await Promise.all([
    query.kind === 'organization' ? [] : searchPersonRows(ctx.db, match, after, take, scope),
    query.kind === 'person' ? [] : searchOrganizationRows(ctx.db, match, after, take, scope),
  ]);
  const identityCodes = await maskedIdentityCodes(
    ctx,
    personRows.map(({ row }) => row),
  );
  const merged: (SearchKey & { item: SearchItem })[] = [
    ...personRows.map(({ row, score }) => ({
      score,
      kind: 'person' as const,
      id: row.id,
      item: {
        kind: 'person' as const,
        score,
        person: toSummary(ctx, row, identityCodes, scope),
      },
    })),
    ...organizationRows.map(({ row, score }) => ({
      score,
      kind: 'organization' as const,
      id: row.id,
      item: {
        kind: 'organization' as const,
        score,
        organization: toOrganizationSummary(row, scope),
      },
    })),
  ].sort(compareKeys);
  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  const shown = visibleFields(scope, 'person');
  await logAccess(
    ctx,
    'search',
    page.filter((entry) => entry.kind === 'person').map((entry) => entry.id),
    SEARCH_LOGGED_FIELDS.filter((field) => field === 'name' || !shown || shown.has(field)),
  );
  return {
    matchedBy: match.by,
    items: page.map((entry) => entry.item),
    nextCursor:
      merged.length > query.limit && last
        ? encodeCursor(SEARCH_CURSOR, [last.score, last.kind, last.id])
        : null,
  };
}

/** (score, kind, id) of the last result of the previous page. */
const SEARCH_CURSOR = z.tuple([cursorKey.score, z.enum(['person', 'organization']), cursorKey.id]);

function searchKeyOf(cursor: string): SearchKey {
  const [score, kind, id] = decodeCursor(cursor, SEARCH_CURSOR);
  return { score, kind, id };
}
