import { z } from 'zod';
import type { ParseResult } from '../../finnish/result.ts';
import { eurosToCents, parseQuantity, percentToBasisPoints } from './money.ts';

/**
 * A JSON string or number read by one of money.ts's parsers; a failure's issue carries the
 * parser's stable code (price.decimals, vatRate.range …) for the web app to translate.
 */
const decimal = <T>(parse: (input: string | number) => ParseResult<T>) =>
  z.union([z.string().max(30), z.number()]).transform((input, ctx) => {
    const result = parse(input);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
      return z.NEVER;
    }
    return result.value;
  });

/** Euros with at most two decimals, "12.50" or 12.5 → cents (1250). */
export const zEuroCents = decimal(eurosToCents);
/** A VAT rate in percent, 0–100 with at most two decimals, 25.5 → basis points (2550). */
export const zVatBasisPoints = decimal(percentToBasisPoints);
/** A quantity, more than zero with at most three decimals → its canonical decimal string. */
export const zQuantity = decimal(parseQuantity);
