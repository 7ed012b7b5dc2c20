import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogEntries, forEachEngine } from '../../../../test/helpers/app.ts';
import { systemClock } from '../../lib/clock.ts';
import { databaseAccessLog, type AccessLogEntry } from './access-log.ts';
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
