import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { pgliteExtensions } from '../../src/server/db/client.ts';

/*
 * The migration that gives every record the unit it was written under backfills the rows written
 * before it (decision 0012): the author's unit serving the client on the day (Helsinki), else an
 * author's unit that served the client at some time, else the client's unit on the day.
 */

const MIGRATIONS = path.join(import.meta.dirname, '../../migrations');
const TAG = /_record_units$/;

test('records written before units were kept get the unit they were written under', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-units-'));
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const target = journal.entries.find((entry) => TAG.test(entry.tag));
  assert.ok(target, 'the migration is in the journal');
  journal.entries = journal.entries.filter((entry) => entry.idx < target.idx);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  try {
    await migrate(drizzle(pg), { migrationsFolder: dir });
    const id = (n: number, prefix = '0') =>
      `${prefix.repeat(8)}-0000-0000-0000-${String(n).padStart(12, '0')}`;
    const [unitA, unitB, unitC] = [id(1, 'a'), id(2, 'a'), id(3, 'a')];
    const [author, mover, gone] = [id(1, 'b'), id(2, 'b'), id(3, 'b')];
    const person = id(1, 'c');
    await pg.exec(`
      insert into staff_user (id, username, role, password_hash) values
        ('${author}', 'author', 'social_worker', 'x'),
        ('${mover}', 'mover', 'social_worker', 'x'),
        ('${gone}', 'gone', 'social_worker', 'x');
      insert into social_unit (id, code, name_fi, name_sv, name_en) values
        ('${unitA}', 'a', 'A', 'A', 'A'), ('${unitB}', 'b', 'B', 'B', 'B'), ('${unitC}', 'c', 'C', 'C', 'C');
      -- the author works in A and B; the mover has moved from A to C; the last has left
      insert into social_unit_member (unit_id, user_id) values
        ('${unitA}', '${author}'), ('${unitB}', '${author}'), ('${unitC}', '${mover}');
      insert into person (id, first_name, last_name, search_text) values ('${person}', 'P', 'P', 'p');
      insert into social_client (person_id, unit_id, starts_on, ends_on) values
        ('${person}', '${unitA}', '2025-01-01', '2026-05-31'),
        ('${person}', '${unitB}', '2026-06-01', null);
    `);
    const written: [number, string, string][] = [
      [1, author, '2025-03-01T10:00:00Z'],
      [2, author, '2026-07-01T10:00:00Z'],
      [3, mover, '2025-03-01T10:00:00Z'],
      [4, gone, '2026-07-01T10:00:00Z'],
      // 1 June in Helsinki already: unit B's day
      [5, author, '2026-05-31T22:30:00Z'],
    ];
    for (const [n, by, at] of written) {
      await pg.exec(`insert into social_record
        (id, person_id, kind, content_encrypted, author_id, author_username, created_at, updated_at)
        values ('${id(n, 'd')}', '${person}', 'health', '\\x00', '${by}', 'x', '${at}', '${at}')`);
    }
    await pg.exec(`insert into social_family_relation
      (id, person_id, related_person_id, content_encrypted, author_id, author_username, created_at, updated_at)
      values ('${id(1, 'e')}', '${person}', '${person}', '\\x00', '${author}', 'x', '2026-07-01T10:00:00Z', '2026-07-01T10:00:00Z')`);
    const sql = fs.readFileSync(path.join(dir, `${target.tag}.sql`), 'utf8');
    for (const statement of sql.split('--> statement-breakpoint')) await pg.exec(statement);

    const units = await pg.query<{ code: string }>(
      `select u.code from social_record r join social_unit u on u.id = r.unit_id order by r.id`,
    );
    assert.deepEqual(
      units.rows.map((row) => row.code),
      ['a', 'b', 'a', 'b', 'b'],
    );
    const relation = await pg.query<{ code: string }>(
      `select u.code from social_family_relation r join social_unit u on u.id = r.unit_id`,
    );
    assert.deepEqual(relation.rows, [{ code: 'b' }]);
  } finally {
    await pg.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
