import { z } from 'zod';
import { MAX_CURSOR_LENGTH } from '../../contract/cursor.ts';
import { AppError } from './errors.ts';

/**
 * Opaque keyset cursors: the base64url JSON of the last row's sort key, made by the server and
 * parsed back by the list's own exact schema.
 *
 * Parsed, not signed: a cursor only says where in an order the reader may page through anyway,
 * so a forged one shows nothing the reader could not reach by paging. What a forged cursor did
 * was carry values the database cannot hold (a non-uuid, a non-date, a number out of range) into
 * a query and answer 500. A schema per list stops exactly that, needs no key, and a cursor stays
 * good across a key rotation.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant as Date.toISOString writes it; undefined for an impossible one (2026-99-99). */
function isoOf(text: string): string | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The elements a cursor is made of, each exactly as the server writes it: anything else did not
 * come from a page and is refused before it reaches a query. Year 0000 round-trips in JavaScript
 * but not in PostgreSQL, hence the lower bound.
 */
export const cursorKey = {
  /** A row id as the database returns it: lower case. */
  id: z.string().regex(UUID),
  /** A timestamp as Date.toISOString writes it (milliseconds, UTC). */
  instant: z.string().refine((s) => INSTANT.test(s) && s >= '0001' && isoOf(s) === s),
  /** A calendar date, YYYY-MM-DD, that exists. */
  date: z
    .string()
    .refine((s) => DATE.test(s) && s >= '0001' && isoOf(`${s}T00:00:00Z`)?.slice(0, 10) === s),
  /** A bigint identity (access-log position, invoice number): a positive safe integer. */
  position: z.int().min(1),
  /**
   * A name the rows are ordered by. Any stored name must page, so no text rule beyond what the
   * database can hold: no NUL, no lone surrogate.
   */
  text: z
    .string()
    .max(1000)
    .refine((s) => !s.includes('\0') && s.isWellFormed()),
  /** A search score: a similarity in [0, 1] that a PostgreSQL real holds without underflow. */
  score: z
    .number()
    .min(0)
    .max(1)
    .refine((s) => s === 0 || s >= 1e-37),
} as const;

type CursorSchema = z.ZodType<readonly unknown[]>;

/** The cursor of a row's sort key; typed by the schema that will parse it back. */
export function encodeCursor<S extends CursorSchema>(_schema: S, value: z.input<S>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The sort key of a cursor this server made; anything else is a 400 naming `cursor`. */
export function decodeCursor<S extends CursorSchema>(cursor: string, schema: S): z.output<S> {
  const value = cursor.length <= MAX_CURSOR_LENGTH ? parseCanonical(cursor) : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('validation', 'The cursor is not valid', {
      errors: [
        {
          field: 'cursor',
          message: 'Use the nextCursor of a previous page',
          code: 'cursor.invalid',
        },
      ],
    });
  }
  return parsed.data;
}

/** The JSON of a cursor in the one form encodeCursor writes (so no padding, spaces or junk). */
function parseCanonical(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Buffer.from(JSON.stringify(value)).toString('base64url') === cursor ? value : undefined;
  } catch {
    return undefined;
  }
}
