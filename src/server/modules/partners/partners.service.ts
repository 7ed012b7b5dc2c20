import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { isInEea } from '../../../contract/countries.ts';
import { isContractFieldGroup } from '../../../contract/partners/contract-fields.ts';
import {
  isPartnerRoleName,
  transferTermProblems,
  TRANSFER_SAFEGUARDS,
  type TransferSafeguard,
  type TransferTerms,
} from '../../../contract/partners/transfer-terms.ts';
import {
  deleteCoveredCustomer,
  findCustomer,
  findPartnerIdByBusinessId,
  findPartnerRow,
  insertCoveredCustomer,
  insertPartner,
  listCoveredCustomers,
  listPartnerRows,
  updatePartnerRow,
  type PartnerInsert,
  type PartnerWithCounts,
} from './partners.queries.ts';
import {
  checkPartnerBusinessId,
  type CoveredCustomer,
  type PartnerCreate,
  type PartnerDetail,
  type PartnerPatch,
  type PartnerView,
} from '../../../contract/partners/partners.schemas.ts';

function toView(ctx: Pick<CustomerContext, 'clock'>, row: PartnerWithCounts): PartnerView {
  return {
    id: row.id,
    name: row.name,
    businessId: row.businessId,
    country: row.country,
    inEea: isInEea(row.country),
    contractFields: row.contractFields.filter(isContractFieldGroup),
    contractEndsOn: row.contractEndsOn,
    contractInForce:
      row.contractEndsOn === null || row.contractEndsOn >= helsinkiDate(ctx.clock.now()),
    roles: row.roles.filter(isPartnerRoleName),
    processingAgreementOn: row.processingAgreementOn,
    transferSafeguard: (TRANSFER_SAFEGUARDS as readonly (string | null)[]).includes(
      row.transferSafeguard,
    )
      ? (row.transferSafeguard as TransferSafeguard)
      : null,
    transferNecessity: row.transferNecessity,
    customerCount: row.customerCount,
    accountCount: row.accountCount,
    createdAt: row.createdAt.toISOString(),
  };
}

function duplicateBusinessId(existingId: string): AppError {
  return new AppError('conflict', 'A partner with this business ID is already registered', {
    errors: [
      {
        field: 'businessId',
        message: 'A partner with this business ID is already registered',
        code: 'partner.duplicateBusinessId',
      },
    ],
    extra: { existingId, existing: `/api/partners/${existingId}` },
  });
}

async function refuseDuplicateBusinessId(ctx: CustomerContext, businessId: string, self?: string) {
  const existing = await findPartnerIdByBusinessId(ctx.db, businessId);
  if (existing && existing !== self) throw duplicateBusinessId(existing);
}

/** Two partners racing with the same business ID: the unique index decides, cleanly. */
async function raceToConflict(ctx: CustomerContext, error: unknown, businessId?: string) {
  if (!businessId || !isUniqueViolation(error)) return error;
  const existing = await findPartnerIdByBusinessId(ctx.db, businessId);
  return existing ? duplicateBusinessId(existing) : error;
}

/**
 * The partner's transfer terms as they will be stored, and its data processing agreement's date:
 * refused with the fields named (transfer-terms.ts has the rules).
 */
function checkTerms(
  ctx: CustomerContext,
  terms: TransferTerms & { processingAgreementOn: string | null },
): void {
  const errors: FieldError[] = transferTermProblems(terms);
  if (
    terms.processingAgreementOn !== null &&
    terms.processingAgreementOn > helsinkiDate(ctx.clock.now())
  ) {
    errors.push({
      field: 'processingAgreementOn',
      message: 'The agreement cannot have been signed in the future',
      code: 'date.future',
    });
  }
  if (errors.length > 0) {
    throw new AppError('validation', "The partner's terms of transfer are not valid", { errors });
  }
}

async function requirePartner(ctx: CustomerContext, id: string): Promise<PartnerWithCounts> {
  const row = await findPartnerRow(ctx.db, id);
  if (!row) throw notFound('Partner');
  return row;
}

export async function listPartners(ctx: CustomerContext): Promise<{ items: PartnerView[] }> {
  const rows = await listPartnerRows(ctx.db);
  return { items: rows.map((row) => toView(ctx, row)) };
}

export async function createPartner(
  ctx: CustomerContext,
  input: PartnerCreate,
): Promise<PartnerView> {
  const terms = {
    country: input.country,
    roles: input.roles,
    processingAgreementOn: input.processingAgreementOn ?? null,
    transferSafeguard: input.transferSafeguard ?? null,
    transferNecessity: input.transferNecessity ?? null,
  };
  checkTerms(ctx, terms);
  await refuseDuplicateBusinessId(ctx, input.businessId);
  const row = await insertPartner(ctx.db, {
    name: input.name,
    businessId: input.businessId,
    contractFields: input.contractFields,
    contractEndsOn: input.contractEndsOn ?? null,
    ...terms,
  }).catch(async (error: unknown) => {
    throw await raceToConflict(ctx, error, input.businessId);
  });
  return toView(ctx, { ...row, customerCount: 0, accountCount: 0 });
}

/** (name, id) of the last covered customer of the previous page. */
const COVERED_CUSTOMER_CURSOR = z.tuple([cursorKey.text, cursorKey.id]);

/**
 * A partner with one page of the customers its contract covers. Their names are personal data:
 * reading them is logged like any other read.
 */
export async function getPartner(
  ctx: CustomerContext,
  id: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<PartnerDetail> {
  const after = query.cursor ? decodeCursor(query.cursor, COVERED_CUSTOMER_CURSOR) : null;
  const row = await requirePartner(ctx, id);
  const rows = await listCoveredCustomers(ctx.db, id, { limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  await logAccess(
    ctx,
    'read',
    page.filter((customer) => customer.kind === 'person').map((customer) => customer.id),
    ['name', 'partnerContract'],
  );
  return {
    ...toView(ctx, row),
    customers: {
      items: page,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(COVERED_CUSTOMER_CURSOR, [last.name, last.id])
          : null,
    },
  };
}

export async function updatePartner(
  ctx: CustomerContext,
  id: string,
  patch: PartnerPatch,
): Promise<PartnerView> {
  const current = await requirePartner(ctx, id);
  const values: Partial<PartnerInsert> = {};
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.contractFields !== undefined) values.contractFields = patch.contractFields;
  if (patch.contractEndsOn !== undefined) values.contractEndsOn = patch.contractEndsOn;
  if (patch.country !== undefined) values.country = patch.country;
  if (patch.roles !== undefined) values.roles = patch.roles;
  if (patch.processingAgreementOn !== undefined) {
    values.processingAgreementOn = patch.processingAgreementOn;
  }
  if (patch.transferSafeguard !== undefined) values.transferSafeguard = patch.transferSafeguard;
  if (patch.transferNecessity !== undefined) values.transferNecessity = patch.transferNecessity;
  const termsChange = (
    ['country', 'roles', 'processingAgreementOn', 'transferSafeguard', 'transferNecessity'] as const
  ).some((field) => patch[field] !== undefined);
  if (termsChange) {
    // Checked as the terms will stand, whichever of them changed; a partner registered before
    // the terms existed can still be renamed without completing them first.
    checkTerms(ctx, {
      country: values.country ?? current.country,
      roles: values.roles ?? current.roles,
      processingAgreementOn: patch.processingAgreementOn ?? null,
      transferSafeguard:
        values.transferSafeguard === undefined
          ? current.transferSafeguard
          : values.transferSafeguard,
      transferNecessity:
        values.transferNecessity === undefined
          ? current.transferNecessity
          : values.transferNecessity,
    });
  }
  if (patch.businessId !== undefined || patch.country !== undefined) {
    // A Finnish partner's ID must be a Y-tunnus, whichever of the two changed.
    const country = patch.country ?? current.country;
    const checked = checkPartnerBusinessId(country, patch.businessId ?? current.businessId);
    if (!checked.ok) {
      throw new AppError('validation', 'The business ID is not valid', {
        errors: [{ field: 'businessId', message: checked.message, code: checked.code }],
      });
    }
    values.businessId = checked.value;
    await refuseDuplicateBusinessId(ctx, checked.value, id);
  }
  const row = await updatePartnerRow(ctx.db, id, values).catch(async (error: unknown) => {
    throw await raceToConflict(ctx, error, values.businessId);
  });
  if (!row) throw notFound('Partner');
  return toView(ctx, {
    ...row,
    customerCount: current.customerCount,
    accountCount: current.accountCount,
  });
}

/**
 * How the access log names the partner in a contract change. (jsonb orders keys by length: the
 * log view shows the name first.)
 */
const contractOf = (partner: PartnerWithCounts) => ({
  partner: partner.name,
  partnerId: partner.id,
});

/**
 * Puts a customer under the partner's contract: from now on its contractors see them. That is a
 * disclosure-like change of the customer's data, logged with them as the subject, in the same
 * transaction.
 */
export async function coverCustomer(
  ctx: CustomerContext,
  partnerId: string,
  customerId: string,
): Promise<CoveredCustomer> {
  const partner = await requirePartner(ctx, partnerId);
  const customer = await findCustomer(ctx.db, customerId);
  if (!customer) {
    throw new AppError('not_found', 'No person or organisation has this id', {
      errors: [
        {
          field: 'customerId',
          message: 'No person or organisation has this id',
          code: 'partner.unknownCustomer',
        },
      ],
    });
  }
  const added = await ctx.db.transaction(async (tx) => {
    const inserted = await insertCoveredCustomer(tx, partnerId, customerId);
    if (inserted) {
      await logAccess({ ...ctx, db: tx }, 'update', [customerId], ['partnerContract'], {
        changes: { partnerContract: { old: null, new: contractOf(partner) } },
      });
    }
    return inserted;
  });
  if (!added) {
    throw new AppError('conflict', 'The contract already covers this customer', {
      errors: [
        {
          field: 'customerId',
          message: 'The contract already covers this customer',
          code: 'partner.alreadyCovered',
        },
      ],
    });
  }
  return customer;
}

/** Takes a customer off the contract, logged like putting them on it. */
export async function uncoverCustomer(
  ctx: CustomerContext,
  partnerId: string,
  customerId: string,
): Promise<void> {
  const partner = await requirePartner(ctx, partnerId);
  const removed = await ctx.db.transaction(async (tx) => {
    const deleted = await deleteCoveredCustomer(tx, partnerId, customerId);
    if (deleted) {
      await logAccess({ ...ctx, db: tx }, 'update', [customerId], ['partnerContract'], {
        changes: { partnerContract: { old: contractOf(partner), new: null } },
      });
    }
    return deleted;
  });
  if (!removed) throw new AppError('not_found', 'The contract does not cover this customer');
}
