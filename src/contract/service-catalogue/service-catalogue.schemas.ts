import { z } from 'zod';
import { text, zId } from '../text.ts';
import { zEuroCents, zVatBasisPoints } from '../orders/money.schemas.ts';

const code = text({ max: 40 }).regex(
  /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
  'Use letters a–z, digits, ".", "-" and "_"',
);

const name = text({ max: 200, kind: 'name' });
const unit = text({ max: 20 });

export const serviceInput = z.strictObject({
  code,
  nameFi: name,
  nameSv: name,
  nameEn: name,
  /** The unit of quantity: "kpl", "h", "kk" … */
  unit,
  unitPrice: zEuroCents,
  vatRate: zVatBasisPoints,
  active: z.boolean().default(true),
});
/** Only the fields given change. Orders keep the price and VAT they were made with. */
export const servicePatch = z.strictObject({
  code: code.optional(),
  nameFi: name.optional(),
  nameSv: name.optional(),
  nameEn: name.optional(),
  unit: unit.optional(),
  unitPrice: zEuroCents.optional(),
  vatRate: zVatBasisPoints.optional(),
  active: z.boolean().optional(),
});
export type ServiceInput = z.output<typeof serviceInput>;
export type ServicePatch = z.output<typeof servicePatch>;

export const serviceView = z.object({
  id: zId,
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  /** Euros as a decimal string, "12.50" (the form people type), and the same in cents. */
  unitPrice: z.string(),
  unitPriceCents: z.number().int(),
  /** Percent (25.5) and the same in basis points (2550). */
  vatRate: z.number(),
  vatRateBasisPoints: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ServiceView = z.infer<typeof serviceView>;

export const serviceList = z.object({ items: z.array(serviceView) });
