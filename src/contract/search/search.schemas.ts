import { z } from 'zod';
import { text } from '../text.ts';
import { personSummary } from '../persons/persons.schemas.ts';
import { organizationSummary } from '../organizations/organizations.schemas.ts';
import { zCursor } from '../cursor.ts';

export const SEARCH_KINDS = ['all', 'person', 'organization'] as const;

export const searchQuery = z.strictObject({
  q: text({ max: 200 }),
  kind: z.enum(SEARCH_KINDS).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

export const searchItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), score: z.number(), person: personSummary }),
  z.object({
    kind: z.literal('organization'),
    score: z.number(),
    organization: organizationSummary,
  }),
]);
export type SearchItem = z.infer<typeof searchItem>;

export const searchPage = z.object({
  /** How the query was understood: a name fragment, or an exact identifier. */
  matchedBy: z.enum(['name', 'identityCode', 'businessId', 'email', 'phone']),
  items: z.array(searchItem),
  nextCursor: z.string().nullable(),
});
