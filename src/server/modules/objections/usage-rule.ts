import diagnosticsChannel from 'node:diagnostics_channel';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { OBJECTION_TYPES, type ObjectionType } from '../../db/schema/objections.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { isAddressProtected } from '../customers/address-protection.ts';

/**
 * The one rule that decides whether a person may appear in a use of the register's data
 * (issue #6 item 4, decision 0018). Every path by which data leaves the register asks it, and
 * says who it is (`caller`): EXPORT_PATHS lists them, and test/api/objections-callers.test.ts
 * runs each one with an objecting person and checks statically that no other path exists.
 */

/** Uses a person may forbid: the objection types (privacy statement, GDPR Art. 21). */
export const OBJECTABLE_USES = OBJECTION_TYPES;
export type ObjectableUse = ObjectionType;

/**
 * Uses that are the customer relationship itself, or the law: the person cannot object to them
 * (the rule says so explicitly). `service_delivery`: a partner delivers a service of the
 * relationship (a value-added service the customer uses).
 */
export const RELATIONSHIP_USES = [
  'service_delivery',
  'billing',
  'collection',
  'credit_decision',
  'legal_obligation',
] as const;
export type RelationshipUse = (typeof RELATIONSHIP_USES)[number];

export const USES = [...OBJECTABLE_USES, ...RELATIONSHIP_USES] as const;
export type Use = (typeof USES)[number];

export const isObjectable = (use: Use): use is ObjectableUse =>
  (OBJECTABLE_USES as readonly string[]).includes(use);

/**
 * The uses a restriction of processing (GDPR Art. 18, decision 0033) still allows, as Art. 18(2)
 * names them: invoicing and collecting what was delivered are the establishment and exercise of
 * the municipality's legal claims; a disclosure the law obliges is the important public interest
 * of a Member State. Every other use — the objectable ones, a value-added service, a credit
 * decision — is closed to a restricted person.
 */
export const RESTRICTION_ALLOWS: readonly Use[] = ['billing', 'collection', 'legal_obligation'];

const closedByRestriction = (use: Use) => !RESTRICTION_ALLOWS.includes(use);

/**
 * The objections that forbid a use. Each use is forbidden by its own objection; an objection to
 * direct marketing is absolute (GDPR Art. 21(3)) and also covers distance selling (a form of
 * direct marketing: Personal Data Act 523/1999 30 § named "distance selling and other direct
 * marketing") and targeting (profiling related to direct marketing is part of it, Art. 21(2)).
 * Market and opinion research and publication in lists are forbidden by their own objections.
 */
export const FORBIDDEN_BY: Record<ObjectableUse, readonly ObjectionType[]> = {
  direct_marketing: ['direct_marketing'],
  distance_selling: ['distance_selling', 'direct_marketing'],
  targeting: ['targeting', 'direct_marketing'],
  market_research: ['market_research'],
  published_list: ['published_list'],
};

/** Why a person is kept out of a use. */
export type ExclusionReason =
  /** An active objection (their own, or a population-register prohibition) forbids it. */
  | 'objection'
  /** Their address is protected (turvakielto): never on a list, never in marketing. */
  | 'protectedAddress'
  /** Their record is archived: no customer relationship left to market to. */
  | 'archived'
  /** A restriction of processing holds (GDPR Art. 18): their data are only stored. */
  | 'restricted'
  /** No such person in the register: deny by default. */
  | 'notInRegister';

export type PersonVerdict = {
  allowed: boolean;
  /**
   * Empty when allowed; in this order: restricted, objection, protectedAddress, archived,
   * notInRegister.
   */
  reasons: ExclusionReason[];
  /** The active objections that forbid the use. */
  objections: ObjectionType[];
};

export type UseDecision =
  | {
      /**
       * The customer relationship itself: nobody can object, and everyone may appear but a
       * person whose processing is restricted, where Art. 18(2) does not allow the use.
       */
      objectable: false;
      uses: Use[];
      verdicts: Map<string, PersonVerdict>;
    }
  | { objectable: true; uses: Use[]; verdicts: Map<string, PersonVerdict> };

/**
 * Every path by which data leaves the register: the callers of the rule, each with the places in
 * src/server where it sends data out (file#function or file#route). The callers test runs each
 * path with an objecting person and fails on a place in the source that is not listed here or in
 * its reasoned list of exempt paths.
 */
export const EXPORT_PATHS = {
  generalDisclosure: {
    description: "POST /api/disclosures: chosen persons' data to a partner",
    sites: [
      'src/server/modules/disclosures/disclosures.service.ts#makeDisclosure',
      'src/server/modules/disclosures/disclosures.service.ts#madeView',
    ],
  },
  collection: {
    description: 'POST /api/collections: overdue invoices to a collection agency',
    sites: [
      'src/server/modules/disclosures/collections.service.ts#sendToCollection',
      'src/server/modules/disclosures/disclosures.service.ts#madeView',
    ],
  },
  mailingList: {
    description: 'POST /api/exports/mailing-list: a mailing list or address labels',
    sites: [
      'src/server/modules/objections/mailing-list.service.ts#exportMailingList',
      'src/server/modules/objections/mailing-list.routes.ts#/api/exports/mailing-list',
    ],
  },
} as const satisfies Record<string, { description: string; sites: readonly string[] }>;
export type ExportPath = keyof typeof EXPORT_PATHS;

/** Each decision is published here, for the callers test to see which path asked about whom. */
export const usageRuleChannel = diagnosticsChannel.channel('asiakasrekisteri.usage-rule');
export type UsageRuleMessage = {
  caller: ExportPath;
  uses: Use[];
  personIds: string[];
  decision: UseDecision;
};

type PersonRow = {
  id: string;
  archived_at: Date | string | null;
  deceased_on: string | null;
  address_protection_active: boolean;
  address_protection_ends_on: string | null;
  restricted: boolean;
  objections: ObjectionType[] | string | null;
};

/** Postgres array text `{a,b}` as PGlite or pg may hand it back, or an array already. */
function typesOf(value: PersonRow['objections']): ObjectionType[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? (inner.split(',') as ObjectionType[]) : [];
}

/**
 * Whether each person may appear in a use (or in all of several uses at once: a mailing list is a
 * published list and direct mail). One query for all the persons: their archive, address
 * protection, restriction of processing and active objections to the uses. Uses of the customer
 * relationship are not objectable: everyone is allowed but the restricted (where Art. 18(2) does
 * not allow the use), and the answer says `objectable: false`; the uses a restriction allows too
 * need no query.
 */
export async function decideUse(
  db: Db,
  input: { caller: ExportPath; uses: readonly Use[]; personIds: readonly string[]; now: Date },
): Promise<UseDecision> {
  const uses = [...new Set(input.uses)];
  const personIds = [...new Set(input.personIds)];
  const objectable = uses.filter(isObjectable);
  const restrictable = uses.some(closedByRestriction);
  let decision: UseDecision;
  if (!restrictable) {
    const verdicts = new Map<string, PersonVerdict>(
      personIds.map((id) => [id, { allowed: true, reasons: [], objections: [] }]),
    );
    decision = { objectable: false, uses, verdicts };
  } else {
    const forbidding = [...new Set(objectable.flatMap((use) => FORBIDDEN_BY[use]))];
    const today = helsinkiDate(input.now);
    const rows: unknown =
      personIds.length === 0
        ? []
        : await db.execute(sql`
            select p.id, p.archived_at, p.deceased_on, p.address_protection_active, p.address_protection_ends_on,
              exists (
                select 1 from processing_restriction r
                where r.person_id = p.id and r.placed_on <= ${today}::date
                  and (r.lifted_on is null or r.lifted_on > ${today}::date)
              ) as restricted,
              array_remove(array_agg(o.type order by o.type), null) as objections
            from person p
            left join objection o on o.person_id = p.id and o.withdrawn_on is null
              and o.type = any(${`{${forbidding.join(',')}}`}::text[])
            where p.id = any(${`{${personIds.join(',')}}`}::uuid[])
            group by p.id`);
    const found = new Map(rowsOf<PersonRow>(rows).map((row) => [row.id, row]));
    const verdicts = new Map<string, PersonVerdict>();
    for (const id of personIds) {
      const row = found.get(id);
      const reasons: ExclusionReason[] = [];
      const objections = row ? typesOf(row.objections) : [];
      if (!row) reasons.push('notInRegister');
      else {
        if (row.restricted) reasons.push('restricted');
        if (objectable.length > 0) {
          if (objections.length > 0) reasons.push('objection');
          if (
            isAddressProtected(
              {
                addressProtectionActive: row.address_protection_active,
                addressProtectionEndsOn: row.address_protection_ends_on,
              },
              input.now,
            )
          ) {
            reasons.push('protectedAddress');
          }
          // A deceased person (DVV, decision 0026) has no customer relationship left either.
          if (row.archived_at !== null || row.deceased_on !== null) reasons.push('archived');
        }
      }
      verdicts.set(id, { allowed: reasons.length === 0, reasons, objections });
    }
    decision =
      objectable.length > 0
        ? { objectable: true, uses, verdicts }
        : { objectable: false, uses, verdicts };
  }
  if (usageRuleChannel.hasSubscribers) {
    usageRuleChannel.publish({
      caller: input.caller,
      uses,
      personIds,
      decision,
    } satisfies UsageRuleMessage);
  }
  return decision;
}

/** The rows of `db.execute`, which PGlite and node-postgres shape alike (`rows`). */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

/** The single-person form: may this person appear in this use? */
export async function mayAppear(
  db: Db,
  input: { caller: ExportPath; use: Use; personId: string; now: Date },
): Promise<PersonVerdict & { objectable: boolean }> {
  const decision = await decideUse(db, {
    caller: input.caller,
    uses: [input.use],
    personIds: [input.personId],
    now: input.now,
  });
  const verdict = decision.verdicts.get(input.personId) ?? {
    allowed: false,
    reasons: ['notInRegister'],
    objections: [],
  };
  return { ...verdict, objectable: decision.objectable };
}
