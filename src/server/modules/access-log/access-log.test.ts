import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogEntries, forEachEngine } from '../../../../test/helpers/app.ts';
import { systemClock } from '../../lib/clock.ts';
import { databaseAccessLog, UnstorableValueError, type AccessLogEntry } from './access-log.ts';
import { verifyAccessLog } from './access-log.chain.ts';

const entry = (subjectId: string): AccessLogEntry => ({
  userId: null,
  username: 'lukija',
  role: 'customer_service',
  action: 'read',
  subjectIds: [subjectId],
  fields: ['name'],
});

forEachEngine('access log: reads share a commit', ({ ctx }) => {
  test('concurrent reads are all written, each before its promise resolves', async () => {
    const { database, keys } = ctx();
    const log = databaseAccessLog(keys, systemClock, { readsOn: database.db });
    const ids = Array.from({ length: 60 }, () => crypto.randomUUID());
    const before = (await accessLogEntries(ctx())).length;
    await Promise.all(
      ids.map(async (id) => {
        await log.record(database.db, entry(id));
        // Written (and committed) by the time the read may return its data.
        const rows = await accessLogEntries(ctx());
        assert.ok(
          rows.some((row) => row.subjectIds.includes(id)),
          `entry for ${id} is there`,
        );
      }),
    );
    const rows = await accessLogEntries(ctx());
    assert.equal(rows.length, before + ids.length);
    const result = await verifyAccessLog(database.db, keys);
    assert.equal(result.ok, true);
  });

  test('an entry that cannot be written fails its own read only', async () => {
    const { database, keys } = ctx();
    const log = databaseAccessLog(keys, systemClock, { readsOn: database.db });
    const good = Array.from({ length: 5 }, () => crypto.randomUUID());
    const results = await Promise.allSettled([
      ...good.map((id) => log.record(database.db, entry(id))),
      log.record(database.db, entry('not-a-uuid')),
      ...good.map((id) => log.record(database.db, entry(id))),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      [...good.map(() => 'fulfilled'), 'rejected', ...good.map(() => 'fulfilled')],
    );
  });
});

forEachEngine('access log: an entry is MACed as the database stores it', ({ ctx }) => {
  test('odd ids, text and changes from any caller: stored canonical, and the log verifies', async () => {
    const { database, keys } = ctx();
    const log = databaseAccessLog(keys, systemClock, { readsOn: database.db });
    const subject = crypto.randomUUID();
    const user = crypto.randomUUID();
    const hex = subject.replaceAll('-', '').toUpperCase();
    const odd: AccessLogEntry = {
      userId: user.toUpperCase(),
      username: 'Ka\u0308ytta\u0308ja\uD800',
      role: 'customer_service',
      partnerId: `{${user.toUpperCase()}}`,
      action: 'update',
      // The same subject three ways: upper case, braced without hyphens, odd hyphens.
      subjectIds: [subject.toUpperCase(), `{${hex}}`, hex.match(/.{4}/g)?.join('-') ?? ''],
      fields: ['notes\uDC00', 'nimi\u0301'],
      changes: {
        notes: { old: 'A\u030Angstro\u0308m', new: 'emoji 👩‍👩‍👧 \uD83D and RTL بحث\u200F' },
        'ke\u0301y\uD800': { old: null, new: new Date('2026-12-07T06:00:00Z') },
        partner: { old: null, new: user.toUpperCase() },
        gone: undefined,
        list: [1, undefined, Number.NaN, 'x\u0308'],
      },
      purpose: 'Perinta\u0308\uDBFF',
      clientAddress: '::FFFF:10.0.0.1',
      requestId: 'REQ-\u00C5\uDFFF',
      flag: null,
    };
    await log.record(database.db, odd);
    await log.record(ctx().database.db, { ...odd, action: 'read', changes: null });
    const result = await verifyAccessLog(database.db, keys);
    assert.equal(result.ok, true, JSON.stringify(result));
    const [stored] = await database.rows<{
      user_id: string;
      partner_id: string;
      subject_ids: string[];
      username: string;
      purpose: string;
      fields: string[];
      changes: Record<string, unknown>;
      request_id: string;
    }>(sql`select * from access_log where user_id = ${user} and action = 'update'`);
    assert.equal(stored?.user_id, user);
    assert.equal(stored?.partner_id, user);
    assert.deepEqual(stored?.subject_ids, [subject], 'one subject, in lower case');
    assert.equal(stored?.username, 'K\u00E4ytt\u00E4ja\uFFFD');
    assert.equal(stored?.purpose, 'Perint\u00E4\uFFFD');
    assert.deepEqual(stored?.fields, ['notes\uFFFD', 'nim\u00ED']);
    assert.equal(stored?.request_id, 'req-\u00E5\uFFFD');
    assert.deepEqual(stored?.changes, {
      notes: { old: '\u00C5ngstr\u00F6m', new: 'emoji 👩‍👩‍👧 \uFFFD and RTL بحث\u200F' },
      'k\u00E9y\uFFFD': { old: null, new: '2026-12-07T06:00:00.000Z' },
      partner: { old: null, new: user },
      list: [1, null, null, '\u1E8D'],
    });
  });

  test('a NUL anywhere in an entry is refused as bad input, and nothing is written', async () => {
    const { database, keys } = ctx();
    const log = databaseAccessLog(keys, systemClock, { readsOn: database.db });
    const subject = crypto.randomUUID();
    for (const [field, nul] of [
      ['purpose', { purpose: 'a\u0000b' }],
      ['fields[0]', { fields: ['a\u0000'] }],
      ['changes.notes.new', { changes: { notes: { old: null, new: '\u0000' } } }],
      ['changes.a\u0000', { changes: { 'a\u0000': 'x' } }],
    ] as [string, Partial<AccessLogEntry>][]) {
      await assert.rejects(
        log.record(database.db, { ...entry(subject), ...nul }),
        (error: unknown) => {
          assert.ok(error instanceof UnstorableValueError, String(error));
          assert.equal(error.errors?.[0]?.field, field);
          return true;
        },
      );
    }
    const rows = await database.rows(
      sql`select 1 from access_log where ${subject}::uuid = any(subject_ids)`,
    );
    assert.equal(rows.length, 0);
  });
});
