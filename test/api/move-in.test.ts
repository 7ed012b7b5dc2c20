import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { accessLog, importRows, persons, valueSources } from '../../src/server/db/schema/index.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import type { CustomerContext } from '../../src/server/modules/customers/context.ts';
import {
  saveImportProfile,
  getImportProfile,
} from '../../src/server/modules/move-in/move-in-profiles.ts';
import { countOutcomes, runImport } from '../../src/server/modules/move-in/move-in-run.ts';
import { IMPORT_ACTOR } from '../../src/server/modules/move-in/move-in.service.ts';
import { accessLogEntries, callAs, forEachEngineAppPerTest, type TestApp } from '../helpers/app.ts';
import {
  OLD_REGISTER_PROFILE,
  writeOldRegisterExport,
  type Planted,
} from '../helpers/import-files.ts';

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-import-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function importContext(t: TestApp): CustomerContext {
  return {
    db: t.database.db,
    keys: t.keys,
    personKeys: t.personKeys.personKeys,
    clock: systemClock,
    accessLog: databaseAccessLog(t.keys, systemClock, { personKeys: t.personKeys.personKeys }),
    actor: IMPORT_ACTOR,
    requestId: 'import-test',
    clientAddress: 'test',
  };
}

/** Every planted row is in the report with its outcome and code, and nothing else is refused. */
async function assertReportNamesPlanted(t: TestApp, runId: string, planted: Planted[]) {
  const refused = await t.database.db
    .select({
      rowNumber: importRows.rowNumber,
      outcome: importRows.outcome,
      errors: importRows.errors,
    })
    .from(importRows)
    .where(and(eq(importRows.runId, runId), inArray(importRows.outcome, ['invalid', 'duplicate'])))
    .orderBy(importRows.rowNumber);
  assert.deepEqual(
    refused.map((r) => r.rowNumber),
    planted.map((p) => p.rowNumber),
    'exactly the planted rows are refused',
  );
  refused.forEach((row, i) => {
    const plant = planted[i]!;
    assert.equal(row.outcome, plant.outcome, `row ${row.rowNumber}`);
    assert.ok(
      row.errors.some((e) => e.code === plant.code),
      `row ${row.rowNumber} names ${plant.code}: ${JSON.stringify(row.errors)}`,
    );
    for (const error of row.errors) assert.ok(error.field && error.message, 'field and reason');
  });
}

forEachEngineAppPerTest('moving in from an old register', ({ ctx }) => {
  test('a dry run reports every row and creates nothing; applying creates the clean rows with the import as their source; a rerun creates nothing twice', async () => {
    const t = ctx();
    const c = importContext(t);
    const file = path.join(dir, `small-${crypto.randomUUID()}.csv`);
    const { planted, clean } = await writeOldRegisterExport(file, 120, 10);
    await saveImportProfile(c.db, {
      name: 'old',
      body: OLD_REGISTER_PROFILE,
      by: null,
      now: new Date(),
    });
    const profile = await getImportProfile(c.db, 'old');
    const options = { file: { path: file, name: 'vanha.csv' }, profile, batchSize: 25 };

    const dry = await runImport(c, { ...options, dryRun: true });
    assert.equal(dry.status, 'finished');
    const dryCounts = (await countOutcomes(c.db, [dry.id])).get(dry.id)!;
    assert.equal(dryCounts.wouldCreate, clean);
    await assertReportNamesPlanted(t, dry.id, planted);
    const [{ n: none }] = (await c.db.select({ n: sql<number>`count(*)::int` }).from(persons)) as [
      { n: number },
    ];
    assert.equal(none, 0, 'a dry run creates nothing');

    const applied = await runImport(c, { ...options, dryRun: false });
    const counts = (await countOutcomes(c.db, [applied.id])).get(applied.id)!;
    assert.equal(counts.created, clean);
    await assertReportNamesPlanted(t, applied.id, planted);
    const created = await c.db.select({ id: persons.id }).from(persons);
    assert.equal(created.length, clean);
    const sources = await c.db
      .select({ kind: valueSources.kind, n: sql<number>`count(*)::int` })
      .from(valueSources)
      .groupBy(valueSources.kind);
    assert.deepEqual(
      sources,
      [{ kind: 'import', n: clean * 5 }],
      'the five fields given, each from the import',
    );
    const logged = await c.db
      .select({ subjectIds: accessLog.subjectIds })
      .from(accessLog)
      .where(eq(accessLog.action, 'create'));
    assert.equal(
      new Set(logged.flatMap((e) => e.subjectIds)).size,
      clean,
      'every person created is in the log',
    );

    const again = await runImport(c, { ...options, dryRun: false });
    const againCounts = (await countOutcomes(c.db, [again.id])).get(again.id)!;
    assert.equal(againCounts.created, 0);
    assert.equal(againCounts.alreadyImported, clean);
    assert.equal((await c.db.select({ id: persons.id }).from(persons)).length, clean);
  });

  test('100,000 rows with planted errors and duplicates: the report names every planted one', async () => {
    const t = ctx();
    const c = importContext(t);
    const file = path.join(dir, `big-${crypto.randomUUID()}.csv`);
    const { planted, clean } = await writeOldRegisterExport(file, 100_000, 1000);
    await saveImportProfile(c.db, {
      name: 'old',
      body: OLD_REGISTER_PROFILE,
      by: null,
      now: new Date(),
    });
    const started = performance.now();
    const run = await runImport(c, {
      file: { path: file, name: 'vanha.csv' },
      profile: await getImportProfile(c.db, 'old'),
      dryRun: true,
      batchSize: 1000,
    });
    const seconds = (performance.now() - started) / 1000;
    const counts = (await countOutcomes(c.db, [run.id])).get(run.id)!;
    assert.equal(counts.wouldCreate, clean);
    assert.equal(planted.length, 99);
    await assertReportNamesPlanted(t, run.id, planted);
    console.log(`100,000 rows, dry run: ${seconds.toFixed(1)} s`);
  });
});

forEachEngineAppPerTest('the imports API', ({ ctx }) => {
  test('the register officer saves a profile, uploads a file for a dry run, applies it and pages and downloads the report; others get 403', async () => {
    const t = ctx();
    const officer = await t.signIn('register_officer');
    const clerk = await t.signIn('customer_service');
    const saved = await callAs(
      t,
      officer,
      'PUT',
      '/api/move-in/profiles/vanha',
      OLD_REGISTER_PROFILE,
    );
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((await callAs(t, clerk, 'GET', '/api/move-in/profiles')).statusCode, 403);
    const bad = await callAs(t, officer, 'PUT', '/api/move-in/profiles/vanha', {
      ...OLD_REGISTER_PROFILE,
      format: { kind: 'csv', delimiter: ';;', encoding: 'utf-8' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /format\.delimiter/);

    const file = path.join(dir, `api-${crypto.randomUUID()}.csv`);
    const { planted, clean } = await writeOldRegisterExport(file, 60, 10);
    const upload = (dryRun: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/move-in/runs?profile=vanha&fileName=vanha.csv&dryRun=${dryRun}`,
        headers: {
          cookie: officer,
          'content-type': 'text/csv',
        },
        payload: fs.readFileSync(file),
      });
    const waitFinished = async (id: string) => {
      for (;;) {
        const run = (await callAs(t, officer, 'GET', `/api/move-in/runs/${id}`)).json() as {
          number: number;
          status: string;
          counts: Record<string, number>;
        };
        if (run.status !== 'running') return run;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const started = await upload(true);
    assert.equal(started.statusCode, 202, started.body);
    const dry = await waitFinished((started.json() as { id: string }).id);
    assert.equal(dry.status, 'finished');
    assert.equal(dry.counts.wouldCreate, clean);

    const applied = await upload(false);
    assert.equal(applied.statusCode, 202, applied.body);
    const runId = (applied.json() as { id: string }).id;
    const run = await waitFinished(runId);
    assert.equal(run.counts.created, clean);

    const first = await callAs(
      t,
      officer,
      'GET',
      `/api/move-in/runs/${runId}/rows?outcome=invalid&limit=2`,
    );
    assert.equal(first.statusCode, 200, first.body);
    const page = first.json() as { items: { rowNumber: number }[]; nextCursor: string | null };
    assert.deepEqual(
      page.items.map((r) => r.rowNumber),
      planted
        .filter((p) => p.outcome === 'invalid')
        .slice(0, 2)
        .map((p) => p.rowNumber),
    );
    assert.ok(page.nextCursor);
    const second = await callAs(
      t,
      officer,
      'GET',
      `/api/move-in/runs/${runId}/rows?outcome=invalid&limit=2&cursor=${page.nextCursor}`,
    );
    assert.equal((second.json() as { items: unknown[] }).items.length, 2);

    // The created rows name their persons, and reading them is logged as a read of them.
    const createdPage = await callAs(
      t,
      officer,
      'GET',
      `/api/move-in/runs/${runId}/rows?outcome=created&limit=3`,
    );
    assert.equal(createdPage.statusCode, 200, createdPage.body);
    const named = (
      createdPage.json() as { items: { personId: string; person: { id: string; name: string } }[] }
    ).items;
    assert.equal(named.length, 3);
    for (const row of named) {
      assert.equal(row.person.id, row.personId);
      assert.match(row.person.name, /^\S+ \S+$/);
    }
    const reads = (await accessLogEntries(t)).filter(
      (entry) => entry.action === 'read' && entry.purpose === `Import report: moveIn ${run.number}`,
    );
    assert.equal(reads.length, 1);
    assert.deepEqual([...reads[0]!.subjectIds].sort(), named.map((row) => row.personId).sort());
    const invalidPage = await callAs(
      t,
      officer,
      'GET',
      `/api/move-in/runs/${runId}/rows?outcome=invalid`,
    );
    assert.ok(
      (invalidPage.json() as { items: { person: unknown }[] }).items.every(
        (r) => r.person === null,
      ),
    );

    const csv = await callAs(
      t,
      officer,
      'GET',
      `/api/move-in/runs/${runId}/report.csv?outcome=duplicate`,
    );
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    assert.equal(lines[0]!.replace(/^\uFEFF/, ''), 'row;outcome;field;column;code;reason');
    assert.equal(lines.length - 1, planted.filter((p) => p.outcome === 'duplicate').length);
    assert.match(lines[1]!, /;duplicate;personalIdentityCode;Hetu;duplicate\.identityCode;/);

    // The imports page lists the run beside DVV syncs and update files, with its report.
    const listed = await callAs(t, officer, 'GET', '/api/imports');
    assert.equal(listed.statusCode, 200, listed.body);
    const runs = (listed.json() as { items: { kind: string; id: string; counts: unknown }[] })
      .items;
    assert.deepEqual(runs.find((r) => r.id === runId)?.kind, 'moveIn');
    const invalid = planted.filter((p) => p.outcome === 'invalid');
    const onPage = await callAs(
      t,
      officer,
      'GET',
      `/api/imports/moveIn/${runId}/rows?outcome=invalid&limit=2`,
    );
    assert.equal(onPage.statusCode, 200, onPage.body);
    const pageRows = onPage.json() as {
      total: number;
      items: { position: string; outcome: string; reason: string | null }[];
    };
    assert.equal(pageRows.total, invalid.length);
    assert.deepEqual(
      pageRows.items.map((r) => [r.position, r.outcome]),
      invalid.slice(0, 2).map((p) => [String(p.rowNumber), 'invalid']),
    );
    const wrongOutcome = await callAs(
      t,
      officer,
      'GET',
      `/api/imports/moveIn/${runId}/rows?outcome=refused`,
    );
    assert.equal(wrongOutcome.statusCode, 400);
    const pageCsv = await callAs(
      t,
      officer,
      'GET',
      `/api/imports/moveIn/${runId}/csv?outcome=duplicate&lang=en`,
    );
    assert.equal(pageCsv.statusCode, 200);
    const csvLines = pageCsv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(csvLines.length - 1, planted.filter((p) => p.outcome === 'duplicate').length);
    assert.match(csvLines[1]!, /;Duplicate;duplicate\.identityCode;/);

    assert.equal(
      (await callAs(t, clerk, 'GET', `/api/move-in/runs/${runId}/rows`)).statusCode,
      403,
    );
    const missing = await callAs(t, officer, 'GET', `/api/move-in/runs/${crypto.randomUUID()}`);
    assert.equal(missing.statusCode, 404);
    const noProfile = await t.app.inject({
      method: 'POST',
      url: '/api/move-in/runs?profile=eiole&fileName=x.csv',
      headers: { cookie: officer, 'content-type': 'text/csv' },
      payload: 'a;b\n',
    });
    assert.equal(noProfile.statusCode, 404);
  });
});
