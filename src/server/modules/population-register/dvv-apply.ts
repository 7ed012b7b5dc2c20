import { and, eq, inArray, isNull } from 'drizzle-orm';
import { dvvProhibitions, dvvSyncRecords, objections, persons } from '../../db/schema/index.ts';
import type { DvvProhibitionKind } from '../../../contract/population-register/population-register.constants.ts';
import type { ObjectionType } from '../../../contract/enums.ts';
import type { PersonPatch } from '../../../contract/persons/persons.schemas.ts';
import type { Keys } from '../../lib/crypto.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { addObjection, withdrawObjection } from '../objections/objections.service.ts';
import { findPersonById, findPersonIdByIdentityCodeIndex } from '../persons/persons.queries.ts';
import { identityCodeIndex, updatePerson } from '../persons/persons.service.ts';
import { findRestrictionInForce } from '../restriction/restriction.queries.ts';
import { addressIn, type DvvChange } from './dvv-records.ts';

/**
 * Applies one parsed change record to its person (decision 0026), inside the page's transaction
 * (a savepoint of its own). Only what differs is written, through the person service with the
 * population register as the value source — so the access log, the value sources and the
 * address-protection rule all see DVV — and a record already applied once changes nothing.
 */

export type Applied = {
  outcome: 'applied' | 'unchanged' | 'skipped' | 'noPerson';
  personId: string | null;
  fields: string[];
  notes: string[];
};

const FINGERPRINT_PURPOSE = 'dvv.change-record';

/** The record's HMAC under the blind-index key: the same record again is the same value. */
export function recordFingerprint(keys: Keys, raw: unknown): Buffer {
  return keys.blindIndex(canonical(raw), FINGERPRINT_PURPOSE);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The objection each DVV prohibition stands as for the usage rule; none for register updates. */
const AS_OBJECTION: Record<DvvProhibitionKind, ObjectionType | null> = {
  direct_marketing: 'direct_marketing',
  // A published list discloses contact details: the nearest use the register has.
  contact_disclosure: 'published_list',
  register_update: null,
};

const PROHIBITION_NAMES: Record<DvvProhibitionKind, string> = {
  direct_marketing: 'SUORAMARKKINOINTIKIELTO',
  contact_disclosure: 'YHTEYSTIETOJEN_LUOVUTUSKIELTO',
  register_update: 'ASIAKASREKISTERIN_PAIVITYSKIELTO',
};

async function findPerson(ctx: CustomerContext, change: DvvChange): Promise<string | undefined> {
  const candidates = [
    change.identityCode,
    change.activeIdentityCode,
    ...change.previousIdentityCodes,
  ];
  for (const code of candidates) {
    if (!code) continue;
    const id = await findPersonIdByIdentityCodeIndex(ctx.db, identityCodeIndex(ctx.keys, code));
    if (id) return id;
  }
  return undefined;
}

async function seenBefore(
  ctx: CustomerContext,
  personId: string,
  fingerprint: Buffer,
): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: dvvSyncRecords.id })
    .from(dvvSyncRecords)
    .where(
      and(
        eq(dvvSyncRecords.fingerprint, fingerprint),
        eq(dvvSyncRecords.personId, personId),
        inArray(dvvSyncRecords.outcome, ['applied', 'unchanged']),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const sameAddress = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function applyChange(
  ctx: CustomerContext,
  change: DvvChange,
  run: { runId: string; runNumber: number; fingerprint: Buffer; today: string },
): Promise<Applied> {
  const notes = [...change.notes];
  const personId = await findPerson(ctx, change);
  if (!personId) return { outcome: 'noPerson', personId: null, fields: [], notes };
  if (await seenBefore(ctx, personId, run.fingerprint)) {
    return { outcome: 'unchanged', personId, fields: [], notes: [...notes, 'repeated'] };
  }
  const row = await findPersonById(ctx.db, personId);
  if (!row) return { outcome: 'noPerson', personId: null, fields: [], notes };
  if (row.archivedAt)
    return { outcome: 'skipped', personId, fields: [], notes: [...notes, 'archived'] };
  // A restriction of processing (decision 0033): the data are only stored until it is lifted.
  if (await findRestrictionInForce(ctx.db, personId, run.today)) {
    return { outcome: 'skipped', personId, fields: [], notes: [...notes, 'restricted'] };
  }

  const reference = `DVV change interface, sync ${run.runNumber}`;
  const source = { kind: 'population_register' as const, reference };
  const changedDay = change.changedAt ? change.changedAt.slice(0, 10) : run.today;
  const day = changedDay > run.today ? run.today : changedDay;
  const fields: string[] = [];
  let touched = false;

  const patch: PersonPatch = {};
  if (change.name && change.name.firstName !== row.firstName) {
    patch.firstName = change.name.firstName;
  }
  if (change.name && change.name.lastName !== row.lastName) patch.lastName = change.name.lastName;
  if (change.permanentAddress) {
    const address = addressIn(change.permanentAddress, row.language);
    if (!address) notes.push('incompleteAddress');
    else if (!sameAddress(address, row.permanentAddress)) patch.permanentAddress = address;
  }
  if (change.protection) {
    const { active, endsOn } = change.protection;
    const stored = row.addressProtectionActive;
    if (active && (!stored || row.addressProtectionEndsOn !== endsOn)) {
      patch.addressProtection = { active: true, endsOn, source: 'DVV' };
      notes.push('protectionOn');
    } else if (!active && stored) {
      patch.addressProtection = null;
      notes.push('protectionOff');
    }
  }
  if (change.activeIdentityCode) {
    const index = identityCodeIndex(ctx.keys, change.activeIdentityCode);
    if (!row.identityCodeIndex || !row.identityCodeIndex.equals(index)) {
      patch.personalIdentityCode = change.activeIdentityCode;
      notes.push('identityCodeCorrected');
    }
  }
  const patched = Object.keys(patch);
  if (patched.length > 0) {
    await updatePerson(ctx, personId, patch, { source });
    fields.push(...patched);
    touched = true;
  }

  if (change.deceasedOn && row.deceasedOn !== change.deceasedOn) {
    await logAccess(ctx, 'update', [personId], ['deceasedOn'], {
      changes: {
        deceasedOn: { old: row.deceasedOn, new: change.deceasedOn },
        source: { kind: 'population_register', reference },
      },
    });
    await ctx.db
      .update(persons)
      .set({ deceasedOn: change.deceasedOn, updatedAt: ctx.clock.now() })
      .where(eq(persons.id, personId));
    fields.push('deceasedOn');
    notes.push('deceased');
    touched = true;
  }

  for (const prohibition of change.prohibitions) {
    const done = prohibition.active
      ? await setProhibition(ctx, personId, prohibition.kind, prohibition.since ?? day, run)
      : await liftProhibition(ctx, personId, prohibition.kind, day, reference);
    if (done) {
      fields.push(`prohibition:${prohibition.kind}`);
      notes.push(`${prohibition.active ? 'prohibitionOn' : 'prohibitionOff'}:${prohibition.kind}`);
      touched = true;
    }
  }

  if (touched) return { outcome: 'applied', personId, fields, notes };
  const meaningful =
    change.name ||
    change.permanentAddress ||
    change.protection ||
    change.deceasedOn ||
    change.activeIdentityCode ||
    change.prohibitions.length > 0;
  return { outcome: meaningful ? 'unchanged' : 'skipped', personId, fields, notes };
}

async function activeProhibition(ctx: CustomerContext, personId: string, kind: DvvProhibitionKind) {
  const [row] = await ctx.db
    .select()
    .from(dvvProhibitions)
    .where(
      and(
        eq(dvvProhibitions.personId, personId),
        eq(dvvProhibitions.kind, kind),
        isNull(dvvProhibitions.liftedOn),
      ),
    );
  return row;
}

async function activeObjection(ctx: CustomerContext, personId: string, type: ObjectionType) {
  const [row] = await ctx.db
    .select({ id: objections.id, source: objections.source, objectedOn: objections.objectedOn })
    .from(objections)
    .where(
      and(
        eq(objections.personId, personId),
        eq(objections.type, type),
        isNull(objections.withdrawnOn),
      ),
    );
  return row;
}

/** Records DVV's prohibition (and its objection); false when it was already in force. */
async function setProhibition(
  ctx: CustomerContext,
  personId: string,
  kind: DvvProhibitionKind,
  since: string,
  run: { runId: string; runNumber: number; today: string },
): Promise<boolean> {
  if (await activeProhibition(ctx, personId, kind)) return false;
  const sinceDay = since > run.today ? run.today : since;
  let objectionId: string | null = null;
  const type = AS_OBJECTION[kind];
  if (type && !(await activeObjection(ctx, personId, type))) {
    const objection = await addObjection(ctx, personId, {
      type,
      objectedOn: sinceDay,
      source: 'population_register',
      note: `DVV: ${PROHIBITION_NAMES[kind]} (sync ${run.runNumber})`,
    });
    objectionId = objection.id;
  }
  await ctx.db.insert(dvvProhibitions).values({
    personId,
    kind,
    since: sinceDay,
    recordedAt: ctx.clock.now(),
    runId: run.runId,
    objectionId,
  });
  await logAccess(ctx, 'create', [personId], ['objections'], {
    changes: {
      dvvProhibition: { old: null, new: { kind, since: sinceDay } },
      source: {
        kind: 'population_register',
        reference: `DVV change interface, sync ${run.runNumber}`,
      },
    },
  });
  return true;
}

/** Lifts DVV's prohibition and withdraws the objection DVV's word stood as; false when none was in force. */
async function liftProhibition(
  ctx: CustomerContext,
  personId: string,
  kind: DvvProhibitionKind,
  day: string,
  reference: string,
): Promise<boolean> {
  let changed = false;
  const prohibition = await activeProhibition(ctx, personId, kind);
  if (prohibition) {
    const liftedOn = day < prohibition.since ? prohibition.since : day;
    await ctx.db
      .update(dvvProhibitions)
      .set({ liftedOn, liftedAt: ctx.clock.now() })
      .where(eq(dvvProhibitions.id, prohibition.id));
    await logAccess(ctx, 'update', [personId], ['objections'], {
      changes: {
        dvvProhibition: { kind, liftedOn: { old: null, new: liftedOn } },
        source: { kind: 'population_register', reference },
      },
    });
    changed = true;
  }
  const type = AS_OBJECTION[kind];
  const objection = type ? await activeObjection(ctx, personId, type) : undefined;
  if (objection && objection.source === 'population_register') {
    await withdrawObjection(ctx, personId, objection.id, {
      withdrawnOn: day < objection.objectedOn ? objection.objectedOn : day,
      note: `DVV lifted ${PROHIBITION_NAMES[kind]}`,
    });
    changed = true;
  }
  return changed;
}
