import type { z } from 'zod';
import type { FormValues } from './form.ts';

/** A number's bounds as the schema gives them; `…Exclusive`: the bound itself is refused. */
export type NumberRange = {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
};

/**
 * What a form can know of a request schema before sending, by the API's dotted field path
 * (`permanentAddress.postalCode`): the fields that may not be left empty, the fewest (beyond
 * one) and the most characters a text takes, a number's bounds, and the schema's defaults as
 * form text. The server still decides; this keeps the form from restating the schema's rules
 * by hand (PERSON_REQUIRED, "at least 3 characters" and the like).
 */
export type FieldRules = {
  required: ReadonlySet<string>;
  maxLength: ReadonlyMap<string, number>;
  /** Only texts that need more than one character: one is what `required` asks. */
  minLength: ReadonlyMap<string, number>;
  range: ReadonlyMap<string, NumberRange>;
  defaults: FormValues;
};

export const NO_RULES: FieldRules = {
  required: new Set(),
  maxLength: new Map(),
  minLength: new Map(),
  range: new Map(),
  defaults: {},
};

/** The parts of zod 4's schema definitions the walk reads (`schema._zod.def`). */
type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
  /** `z.int()` is a number whose own definition carries its format. */
  format?: string;
  checks?: {
    _zod: {
      def: {
        check: string;
        maximum?: number;
        minimum?: number;
        value?: number | bigint;
        inclusive?: boolean;
        format?: string;
      };
    };
  }[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function bound(def: Def, check: 'max_length' | 'min_length'): number | undefined {
  const key = check === 'max_length' ? 'maximum' : 'minimum';
  let found: number | undefined;
  for (const one of def.checks ?? []) {
    if (one._zod.def.check === check) found = one._zod.def[key];
  }
  return found;
}

/** A number's bounds: `min(1)` and `positive()` of an integer are both "at least 1". */
function numberRange(def: Def): NumberRange | undefined {
  const range: NumberRange = {};
  const integer =
    /int/.test(def.format ?? '') ||
    (def.checks ?? []).some(
      (one) => one._zod.def.check === 'number_format' && /int/.test(one._zod.def.format ?? ''),
    );
  for (const one of def.checks ?? []) {
    const { check, value, inclusive = true } = one._zod.def;
    if (typeof value !== 'number') continue;
    if (check === 'greater_than') {
      if (integer && !inclusive) range.min = value + 1;
      else Object.assign(range, { min: value }, inclusive ? {} : { minExclusive: true });
    } else if (check === 'less_than') {
      if (integer && !inclusive) range.max = value - 1;
      else Object.assign(range, { max: value }, inclusive ? {} : { maxExclusive: true });
    }
  }
  return range.min === undefined && range.max === undefined ? undefined : range;
}

/**
 * Walks a request schema's input side. A field is required when neither it nor an object it is
 * in may be left out or null, and it is not a text that accepts "" (min 0) or a checkbox
 * (boolean): the members of an optional object (an address) are the server's to require, since
 * the form leaves the whole object out when they are all empty. Arrays are not walked: their
 * members have no fixed path.
 */
export function fieldRules(schema: z.ZodType | undefined): FieldRules {
  const required = new Set<string>();
  const maxLength = new Map<string, number>();
  const minLength = new Map<string, number>();
  const range = new Map<string, NumberRange>();
  const defaults: FormValues = {};

  const walk = (node: z.ZodType, path: string, optional: boolean): void => {
    const def = defOf(node);
    switch (def.type) {
      case 'optional':
      case 'nullable':
        if (def.innerType) walk(def.innerType, path, true);
        return;
      case 'default':
      case 'prefault':
        if (path && ['string', 'number', 'boolean'].includes(typeof def.defaultValue)) {
          defaults[path] = String(def.defaultValue);
        }
        if (def.innerType) walk(def.innerType, path, true);
        return;
      case 'readonly':
      case 'catch':
        if (def.innerType) walk(def.innerType, path, optional);
        return;
      case 'pipe':
        // A transform's input side (`in`) is what the form sends.
        if (def.in) walk(def.in, path, optional);
        return;
      case 'object':
        for (const [key, member] of Object.entries(def.shape ?? {})) {
          walk(member, path ? `${path}.${key}` : key, optional);
        }
        return;
      // Neither required nor limited: a list, a checkbox, a value of any shape (a proposed value).
      case 'array':
      case 'boolean':
      case 'unknown':
      case 'any':
        return;
      case 'string': {
        const max = bound(def, 'max_length');
        const min = bound(def, 'min_length');
        if (max !== undefined && path) maxLength.set(path, max);
        if (min !== undefined && min > 1 && path) minLength.set(path, min);
        if (!optional && path && min !== 0) required.add(path);
        return;
      }
      case 'number': {
        const bounds = numberRange(def);
        if (bounds && path) range.set(path, bounds);
        if (!optional && path) required.add(path);
        return;
      }
      default:
        if (!optional && path) required.add(path);
    }
  };

  if (schema) walk(schema, '', false);
  return { required, maxLength, minLength, range, defaults };
}
