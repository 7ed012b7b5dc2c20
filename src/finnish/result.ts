/**
 * The outcome of parsing one identifier. `code` is stable and machine-readable (the web app
 * translates it into fi/sv/en); `message` is an English sentence for logs and developers.
 */
export type ParseResult<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; code: C; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(
  code: C,
  message: string,
): { ok: false; code: C; message: string } {
  return { ok: false, code, message };
}
