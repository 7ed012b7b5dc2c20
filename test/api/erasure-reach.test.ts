import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../src/server/db/schema/index.ts';
import { ERASURE_REACH } from '../../src/server/modules/erasure/erasure.queries.ts';

/*
 * Erasure must reach every copy the register controls (requirements §6). The tables it reaches
 * are written out by hand in the erasure queries; this test reads the schema itself, so a table
 * added later that names a person — by a foreign key to `person` or to a data subject's request,
 * or by a person or subject id column without one — fails here until ERASURE_REACH says how its
 * data goes.
 */

const PERSON_COLUMN = /^(person_id|related_person_id|subject_ids|subject_ref)$/;

function personColumns(): string[] {
  const found = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!(value instanceof PgTable)) continue;
    const table = getTableConfig(value);
    for (const fk of table.foreignKeys) {
      const reference = fk.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (target !== 'person' && target !== 'data_subject_request') continue;
      for (const column of reference.columns) found.add(`${table.name}.${column.name}`);
    }
    for (const column of table.columns) {
      if (PERSON_COLUMN.test(column.name)) found.add(`${table.name}.${column.name}`);
    }
    if (table.name === 'person') found.add('person.id');
  }
  return [...found].sort();
}

test('every column that names a person is one erasure reaches, and the list names no other', () => {
  const columns = personColumns();
  assert.ok(columns.includes('social_record.person_id'), 'the schema is read');
  assert.deepEqual(
    columns.filter((column) => !Object.hasOwn(ERASURE_REACH, column)),
    [],
    'a column names a person, but ERASURE_REACH does not say how erasure reaches it',
  );
  assert.deepEqual(
    Object.keys(ERASURE_REACH)
      .filter((column) => !columns.includes(column))
      .sort(),
    [],
    'ERASURE_REACH names a column the schema no longer has',
  );
});
