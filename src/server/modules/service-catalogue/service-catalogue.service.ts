import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { basisPointsToPercent, centsToEuros } from '../../../contract/orders/money.ts';
import {
  findServiceIdByCode,
  findServiceRow,
  insertService,
  listServiceRows,
  updateServiceRow,
  type ServiceInsert,
  type ServiceRow,
} from './service-catalogue.queries.ts';
import type {
  ServiceInput,
  ServicePatch,
  ServiceView,
} from '../../../contract/service-catalogue/service-catalogue.schemas.ts';

/*
 * The catalogue holds no personal data: nothing here is access-logged. A deactivated service is
 * kept (its orders name it) and leaves only the order form.
 */

export function toServiceView(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    code: row.code,
    nameFi: row.nameFi,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    unit: row.unit,
    unitPrice: centsToEuros(row.unitPriceCents),
    unitPriceCents: row.unitPriceCents,
    vatRate: basisPointsToPercent(row.vatRateBasisPoints),
    vatRateBasisPoints: row.vatRateBasisPoints,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

function codeInUse(existingId: string): AppError {
  return new AppError('conflict', 'A service with this code exists already', {
    errors: [{ field: 'code', message: 'The code is in use', code: 'service.codeInUse' }],
    extra: { existingId },
  });
}

async function refuseCodeInUse(ctx: CustomerContext, code: string, self?: string) {
  const existing = await findServiceIdByCode(ctx.db, code);
  if (existing && existing !== self) throw codeInUse(existing);
}

/** Two saves racing with one code: the unique index decides, cleanly. */
async function raceToConflict(ctx: CustomerContext, error: unknown, code: string | undefined) {
  if (!code || !isUniqueViolation(error)) return error;
  const existing = await findServiceIdByCode(ctx.db, code);
  return existing ? codeInUse(existing) : error;
}

function columnsFrom(input: ServicePatch): Partial<ServiceInsert> {
  const columns: Partial<ServiceInsert> = {};
  if (input.code !== undefined) columns.code = input.code;
  if (input.nameFi !== undefined) columns.nameFi = input.nameFi;
  if (input.nameSv !== undefined) columns.nameSv = input.nameSv;
  if (input.nameEn !== undefined) columns.nameEn = input.nameEn;
  if (input.unit !== undefined) columns.unit = input.unit;
  if (input.unitPrice !== undefined) columns.unitPriceCents = input.unitPrice;
  if (input.vatRate !== undefined) columns.vatRateBasisPoints = input.vatRate;
  if (input.active !== undefined) columns.active = input.active;
  return columns;
}

/** The order form's list: active services only; `includeInactive` for the administrator's. */
export async function listServices(
  ctx: CustomerContext,
  options: { includeInactive: boolean },
): Promise<{ items: ServiceView[] }> {
  return { items: (await listServiceRows(ctx.db, options)).map(toServiceView) };
}

export async function createService(
  ctx: CustomerContext,
  input: ServiceInput,
): Promise<ServiceView> {
  await refuseCodeInUse(ctx, input.code);
  const row = await insertService(ctx.db, {
    code: input.code,
    nameFi: input.nameFi,
    nameSv: input.nameSv,
    nameEn: input.nameEn,
    unit: input.unit,
    unitPriceCents: input.unitPrice,
    vatRateBasisPoints: input.vatRate,
    active: input.active,
    createdAt: ctx.clock.now(),
  }).catch(async (error: unknown) => {
    throw await raceToConflict(ctx, error, input.code);
  });
  return toServiceView(row);
}

export async function updateService(
  ctx: CustomerContext,
  id: string,
  patch: ServicePatch,
): Promise<ServiceView> {
  if (patch.code !== undefined) await refuseCodeInUse(ctx, patch.code, id);
  const columns = columnsFrom(patch);
  const row =
    Object.keys(columns).length === 0
      ? await findServiceRow(ctx.db, id)
      : await updateServiceRow(ctx.db, id, columns).catch(async (error: unknown) => {
          throw await raceToConflict(ctx, error, patch.code);
        });
  if (!row) throw notFound('Service');
  return toServiceView(row);
}
