import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import {
  findBillingSettings,
  upsertBillingSettings,
  type BillingSettingsRow,
} from './billing-settings.queries.ts';
import type {
  BillingSettingsInput,
  BillingSettingsView,
} from '../../../contract/billing-settings/billing-settings.schemas.ts';

/** The municipality as the seller, as invoices print it. */
export type BillingSettings = BillingSettingsRow;

export function billingSettingsMissing(): AppError {
  return new AppError(
    'conflict',
    'The billing settings (the municipality as the seller) have not been set up yet',
    {
      errors: [
        {
          field: 'billingSettings',
          message: 'An administrator sets them up under the billing settings first',
          code: 'billing.settingsMissing',
        },
      ],
    },
  );
}

/**
 * The seller settings for invoices, archiving and anything else that needs them: 409
 * `billing.settingsMissing` until an administrator has saved them once.
 */
export async function loadBillingSettings(db: Db): Promise<BillingSettings> {
  const row = await findBillingSettings(db);
  if (!row) throw billingSettingsMissing();
  return row;
}

function toView(row: BillingSettingsRow): BillingSettingsView {
  return {
    sellerName: row.sellerName,
    sellerBusinessId: row.sellerBusinessId,
    sellerAddress: row.sellerAddress,
    iban: row.iban,
    bic: row.bic,
    eInvoiceAddress: row.eInvoiceAddress,
    eInvoiceIntermediator: row.eInvoiceIntermediator,
    paymentTermDays: row.paymentTermDays,
    referenceFormat: row.referenceFormat,
    accountingRetentionYears: row.accountingRetentionYears,
    socialRecordsRetentionYears: row.socialRecordsRetentionYears,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function getBillingSettings(ctx: CustomerContext): Promise<BillingSettingsView> {
  return toView(await loadBillingSettings(ctx.db));
}

/**
 * Replaces the settings. They describe the municipality, not a person: no access-log entry, but
 * the row keeps who changed it last and when.
 */
export async function saveBillingSettings(
  ctx: CustomerContext,
  input: BillingSettingsInput,
): Promise<BillingSettingsView> {
  const row = await upsertBillingSettings(ctx.db, {
    ...input,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.actor.userId,
  });
  return toView(row);
}
