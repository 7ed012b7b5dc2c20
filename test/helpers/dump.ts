import { execFileSync } from 'node:child_process';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import type { TestApp } from './app.ts';

/** A pg_dump of the test database as plain SQL: the pg_dump binary, or PGlite's own. */
export async function dumpOf(t: TestApp): Promise<string> {
  if (t.database.url) {
    return execFileSync('pg_dump', ['--no-owner', t.database.url], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  }
  if (!t.database.pglite) throw new Error('no database to dump');
  const pglite = t.database.pglite;
  const [before] = (await pglite.query<{ search_path: string }>('show search_path')).rows;
  const dump = await (await pgDump({ pg: pglite })).text();
  // PGlite has the one session, and pg_dump leaves it inside its read-only transaction with an
  // empty search_path: end the one and put the other back.
  if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
  await pglite.query('select set_config($1, $2, false)', ['search_path', before?.search_path]);
  return dump;
}

/** Where in the dump each value occurs: the table of the COPY block, or "schema" outside one. */
export function placesOf(dump: string, value: string): string[] {
  const places: string[] = [];
  let table = 'schema';
  for (const line of dump.split('\n')) {
    // PostgreSQL's pg_dump writes COPY blocks, PGlite's an INSERT per row.
    const copy = /^COPY (\S+) /.exec(line);
    const insert = /^INSERT INTO (\S+) /.exec(line);
    if (copy) table = copy[1] as string;
    else if (line === '\\.') table = 'schema';
    const place = insert ? (insert[1] as string) : table;
    if (line.includes(value)) {
      places.push(place);
    }
  }
  return places;
}
