import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { forEachEngine, json } from '../helpers/app.ts';

/**
 * Requests that fail in the database, their every part carrying a marker: the log has the error
 * line, with what kind of error and where, and none of the markers (issue #14, item 4).
 */
forEachEngine('the log carries no personal data from a failed request', ({ ctx }) => {
  test('a database error is logged by its code, never with the values of the request', async () => {
    const marker = `MARKER${crypto.randomBytes(6).toString('hex')}`;
    const cookie = await ctx().signIn('customer_service');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: { firstName: 'Aino', lastName: 'Lahtinen' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const personId = (created.json() as { id: string }).id;

    // The database refuses the row and says why the way PostgreSQL does: the value quoted in the
    // message and the row echoed in the detail.
    await ctx().database.rows(
      sql.raw(`
        create function refuse_person() returns trigger language plpgsql as $$
        begin
          raise exception 'refused the name "%"', new.last_name
            using detail = format('Key (last_name)=(%s) already exists.', new.last_name),
                  hint = format('notes: %s', new.notes),
                  errcode = 'XX000';
        end $$
      `),
    );
    await ctx().database.rows(
      sql.raw(`create trigger refuse_person before insert or update on person
        for each row execute function refuse_person()`),
    );
    const headers = {
      ...json(cookie),
      'user-agent': `${marker}-agent`,
      'x-request-note': `${marker}-header`,
      referer: `https://example.test/?q=${marker}-referer`,
    };
    const refusedCreate = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons?source=${marker}-query`,
      headers,
      payload: {
        firstName: `${marker}first`,
        lastName: `${marker}last`,
        email: `${marker.toLowerCase()}@example.test`,
        notes: `${marker} notes`,
      },
    });
    const refusedUpdate = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${personId}`,
      headers,
      payload: { notes: `${marker} changed notes` },
    });

    // And a read whose query string is a parameter of a query the database cannot run.
    await ctx().database.rows(sql.raw('alter table person rename to person_gone'));
    const failedSearch = await ctx().app.inject({
      method: 'GET',
      url: `/api/persons?q=${marker}search`,
      headers: { cookie, 'user-agent': `${marker}-agent` },
    });
    await ctx().database.rows(sql.raw('alter table person_gone rename to person'));

    for (const response of [refusedCreate, refusedUpdate, failedSearch]) {
      assert.equal(response.statusCode, 500, response.body);
      assert.doesNotMatch(response.body, new RegExp(marker), 'nor does the answer show them');
    }
    const lines = ctx().logLines.flatMap((line) =>
      line
        .split('\n')
        .filter(Boolean)
        .map((text) => JSON.parse(text) as { msg?: string; err?: unknown }),
    );
    const errors = lines.filter((line) => line.msg === 'server error');
    assert.equal(errors.length, 3, 'each failed request is logged');
    const logged = errors.map((line) => JSON.stringify(line.err));
    // What an operator needs is there: the kind, the SQLSTATE, the frames.
    assert.match(logged[0] ?? '', /"code":"XX000"/);
    assert.match(logged[1] ?? '', /"code":"XX000"/);
    assert.match(logged[2] ?? '', /"code":"42P01"/);
    for (const entry of logged) assert.match(entry, /"stack":".*?\\n\s+at /);
    const everything = ctx().logLines.join('');
    assert.doesNotMatch(everything, new RegExp(marker, 'i'), 'no marker in the log');
    assert.doesNotMatch(everything, /already exists|params:/, 'no detail, no parameter list');
  });
});
