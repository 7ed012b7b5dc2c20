import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import {
  findSocialWorkers,
  findUnit,
  findUnitIdsOfWorker,
  insertNeedType,
  insertUnit,
  listMembers,
  listNeedTypes,
  listUnits,
  replaceMembers,
  updateNeedTypeRow,
  updateUnitRow,
  type NeedTypeRow,
  type UnitRow,
} from './social-services.queries.ts';
import type {
  NeedTypeInput,
  NeedTypePatch,
  NeedTypeView,
  UnitInput,
  UnitPatch,
  UnitView,
} from '../../../contract/social-services/social-services.schemas.ts';

async function unitViews(ctx: CustomerContext, units: UnitRow[]): Promise<UnitView[]> {
  const members = await listMembers(
    ctx.db,
    units.map((unit) => unit.id),
  );
  return units.map((unit) => ({
    id: unit.id,
    code: unit.code,
    nameFi: unit.nameFi,
    nameSv: unit.nameSv,
    nameEn: unit.nameEn,
    active: unit.active,
    members: members
      .filter((member) => member.unitId === unit.id)
      .map(({ id, username, fullName }) => ({ id, username, fullName })),
  }));
}

function needTypeView(row: NeedTypeRow): NeedTypeView {
  return {
    code: row.code,
    nameFi: row.nameFi,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    active: row.active,
  };
}

/** Staff names are staff members' personal data: a read of them is logged, as in staff admin. */
async function logMembersRead(ctx: CustomerContext, units: UnitView[]): Promise<void> {
  const ids = [...new Set(units.flatMap((unit) => unit.members.map((member) => member.id)))];
  await logAccess(ctx, 'read', ids, ['socialUnits']);
}

/** The administrator's page: every unit with its workers, the need types, the social workers. */
export async function socialServicesSettings(ctx: CustomerContext) {
  const units = await unitViews(ctx, await listUnits(ctx.db));
  const socialWorkers = await findSocialWorkers(ctx.db);
  await logMembersRead(ctx, units);
  return {
    units,
    needTypes: (await listNeedTypes(ctx.db)).map(needTypeView),
    socialWorkers,
  };
}

/** A social worker's own active units with their colleagues, and the active need types. */
export async function workerOptions(ctx: CustomerContext) {
  const unitIds = await findUnitIdsOfWorker(ctx.db, ctx.actor.userId);
  const units = await unitViews(ctx, await listUnits(ctx.db, { ids: unitIds }));
  await logMembersRead(ctx, units);
  return {
    units,
    needTypes: (await listNeedTypes(ctx.db, { activeOnly: true })).map(needTypeView),
  };
}

/**
 * New members must be active social workers' accounts; one already in the unit may stay while the
 * administrator changes the rest, even if the account has been closed since.
 */
async function checkMembers(
  ctx: CustomerContext,
  memberIds: string[],
  current: string[] = [],
): Promise<string[]> {
  const unique = [...new Set(memberIds)];
  const added = unique.filter((id) => !current.includes(id));
  const workers = await findSocialWorkers(ctx.db, added);
  if (workers.length !== added.length) {
    throw new AppError('validation', 'The unit is not valid', {
      errors: [
        {
          field: 'memberIds',
          message: 'Only active social workers can work in a unit',
          code: 'socialServices.memberNotSocialWorker',
        },
      ],
    });
  }
  return unique;
}

function duplicateCode(what: string): AppError {
  return new AppError('conflict', `A ${what} with this code exists already`, {
    errors: [{ field: 'code', message: 'The code is in use', code: 'socialServices.codeInUse' }],
    extra: { reason: 'code_in_use' },
  });
}

async function logMembership(
  ctx: CustomerContext,
  unitCode: string,
  before: string[],
  after: string[],
): Promise<void> {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (added.length === 0 && removed.length === 0) return;
  await logAccess(ctx, 'update', [...added, ...removed], ['socialUnits'], {
    changes: { socialUnits: { unit: unitCode, added, removed } },
  });
}

export async function createUnit(ctx: CustomerContext, input: UnitInput): Promise<UnitView> {
  const memberIds = await checkMembers(ctx, input.memberIds);
  try {
    const unit = await ctx.db.transaction(async (tx) => {
      const row = await insertUnit(tx, {
        code: input.code,
        nameFi: input.nameFi,
        nameSv: input.nameSv,
        nameEn: input.nameEn,
        active: input.active,
      });
      await replaceMembers(tx, row.id, memberIds);
      await logMembership({ ...ctx, db: tx }, row.code, [], memberIds);
      return row;
    });
    const [view] = await unitViews(ctx, [unit]);
    if (!view) throw new Error('the unit just made is not found');
    return view;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode('unit');
    throw error;
  }
}

export async function updateUnit(
  ctx: CustomerContext,
  id: string,
  patch: UnitPatch,
): Promise<UnitView> {
  const unit = await findUnit(ctx.db, id);
  if (!unit) throw notFound('Unit');
  const before = (await listMembers(ctx.db, [id])).map((member) => member.id);
  const memberIds = patch.memberIds ? await checkMembers(ctx, patch.memberIds, before) : undefined;
  await ctx.db.transaction(async (tx) => {
    await updateUnitRow(tx, id, {
      nameFi: patch.nameFi,
      nameSv: patch.nameSv,
      nameEn: patch.nameEn,
      active: patch.active,
    });
    if (memberIds) {
      await replaceMembers(tx, id, memberIds);
      await logMembership({ ...ctx, db: tx }, unit.code, before, memberIds);
    }
  });
  const [view] = await unitViews(ctx, [{ ...unit, ...(await findUnit(ctx.db, id)) }]);
  if (!view) throw notFound('Unit');
  return view;
}

export async function createNeedType(
  ctx: CustomerContext,
  input: NeedTypeInput,
): Promise<NeedTypeView> {
  try {
    return needTypeView(await insertNeedType(ctx.db, input));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode('service need');
    throw error;
  }
}

export async function updateNeedType(
  ctx: CustomerContext,
  code: string,
  patch: NeedTypePatch,
): Promise<NeedTypeView> {
  const row =
    Object.keys(patch).length > 0
      ? await updateNeedTypeRow(ctx.db, code, patch)
      : (await listNeedTypes(ctx.db)).find((type) => type.code === code);
  if (!row) throw notFound('Service need');
  return needTypeView(row);
}
