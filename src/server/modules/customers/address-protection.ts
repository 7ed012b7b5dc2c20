import { helsinkiDate } from '../../lib/dates.ts';

/** Turvakielto is in force while it is marked active and its end date has not passed. */
export function isAddressProtected(
  row: { addressProtectionActive: boolean; addressProtectionEndsOn: string | null },
  now: Date,
): boolean {
  if (!row.addressProtectionActive) return false;
  return row.addressProtectionEndsOn === null || row.addressProtectionEndsOn >= helsinkiDate(now);
}
