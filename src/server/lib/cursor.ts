import { AppError } from './errors.ts';

/** Opaque keyset cursors: base64url JSON, checked on the way back in. */
export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== shape.length ||
    !value.every((v, i) => typeof v === shape[i])
  ) {
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
  return value;
}
