import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../src/server/db/client.ts';
import {
  billingSettings,
  orderLines,
  orders,
  services,
  type InvoiceRecipient,
} from '../src/server/db/schema/index.ts';
import { nationalReference } from '../src/finnish/reference.ts';
import { rfFromNational } from '../src/finnish/rf-reference.ts';
import { invoiceDocument } from '../src/server/modules/invoices/invoice-document.ts';
import { invoicePdf } from '../src/server/modules/invoices/invoice-pdf.ts';
import {
  findLinesOfInvoices,
  findRunInvoices,
  insertInvoiceLines,
  insertInvoices,
  nextInvoiceNumbers,
  type InvoiceInsert,
  type InvoiceLineRow,
} from '../src/server/modules/invoices/invoices.queries.ts';
import { RUN_BATCH_SIZE } from '../src/server/modules/invoices/invoices.service.ts';
import { findDeliveredUninvoicedOrders } from '../src/server/modules/orders/orders.queries.ts';
import { ensureBenchUser, signInOverHttp } from './lib/app.ts';
import type { ServerMessage, ServerReport } from './lib/invoicing-server.ts';
import { serverNodeFlags } from './lib/server-flags.ts';
import { round } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import {
  generateOrganizations,
  generatePersons,
  organizationCount,
  SEED,
} from './seed/generate.ts';
import { benchKeys, openBenchDatabase, type BenchDatabase } from './seed/load.ts';
import { Random } from './seed/random.ts';

/** Persons in the register and delivered orders to invoice, unless --n says otherwise. */
const DEFAULT_N = 10_000;
/** The issue's ceiling for the whole run, archive included. */
const RSS_LIMIT_MB = 300;
/** Paper invoices rendered straight from the database, for the raw PDF rate. */
const RAW_PDF_SAMPLE = 1_000;
/** The orders the bench made carry this note: they are found again, and nothing else is touched. */
const ORDER_NOTE = 'bench invoicing';
const USERNAME = 'benchmark.billing';

const log = (line: string) => process.stderr.write(`${line}\n`);
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (start: number) => (performance.now() - start) / 1000;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The catalogue of the bench's orders: a few of a municipality's services, with their VAT. */
const SERVICES = [
  { code: 'bench-kotihoito', nameFi: 'Kotihoidon käynti', unit: 'h', cents: 4590, vat: 0 },
  { code: 'bench-ateria', nameFi: 'Ateriapalvelu', unit: 'kpl', cents: 899, vat: 1400 },
  { code: 'bench-kuljetus', nameFi: 'Kuljetuspalvelu', unit: 'kpl', cents: 1250, vat: 1000 },
  { code: 'bench-tila', nameFi: 'Tilavuokra', unit: 'h', cents: 3500, vat: 2550 },
  { code: 'bench-kurssi', nameFi: 'Kansalaisopiston kurssi', unit: 'kpl', cents: 6500, vat: 0 },
  { code: 'bench-jate', nameFi: 'Jätehuollon lisäpalvelu', unit: 'kpl', cents: 2990, vat: 2550 },
] as const;

/** In chunks small enough for one statement's parameters (PostgreSQL takes 65,535). */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * n delivered orders of the seeded customers (about 85 % persons, the rest organisations), one
 * to three lines each, in multi-row inserts; made once and found again by their note.
 */
async function seedOrders(bench: BenchDatabase, n: number): Promise<{ seconds: number } | null> {
  const db = bench.database.db;
  const [existing] = await bench.database.rows<{ orders: number }>(
    sql`select count(*)::int as orders from customer_order where notes = ${ORDER_NOTE} and status = 'delivered'`,
  );
  if (existing?.orders === n) return null;
  const started = performance.now();
  log(`Seeding ${count(n)} delivered orders…`);
  await bench.database.rows(sql`truncate payment, invoice_line, invoice, invoice_run cascade`);
  await bench.database.rows(sql`delete from customer_order where notes = ${ORDER_NOTE}`);
  await db
    .insert(services)
    .values(
      SERVICES.map((service) => ({
        code: service.code,
        nameFi: service.nameFi,
        nameSv: service.nameFi,
        nameEn: service.nameFi,
        unit: service.unit,
        unitPriceCents: service.cents,
        vatRateBasisPoints: service.vat,
      })),
    )
    .onConflictDoNothing();
  const serviceIds = new Map(
    (await db.select({ id: services.id, code: services.code }).from(services)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  const personIds = [...generatePersons(bench.persons)]
    .filter((person) => person.archivedAt === null)
    .map((person) => person.id);
  const organizationIds = [...generateOrganizations(organizationCount(bench.persons))].map(
    (organization) => organization.id,
  );
  const random = new Random(`${SEED}/invoicing orders`);
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const id = random.uuid();
    const customer = random.chance(0.85)
      ? { personId: random.pick(personIds) }
      : { organizationId: random.pick(organizationIds) };
    orderRows.push({
      id,
      ...customer,
      status: 'delivered',
      deliveredOn: '2026-11-20',
      notes: ORDER_NOTE,
    });
    const lineCount = random.int(1, 3);
    for (let position = 1; position <= lineCount; position++) {
      const service = random.pick(SERVICES);
      lineRows.push({
        orderId: id,
        position,
        serviceId: serviceIds.get(service.code) ?? '',
        description: service.nameFi,
        quantity:
          service.unit === 'h'
            ? `${random.int(1, 8)}.${random.pick(['0', '5'])}`
            : String(random.int(1, 20)),
        unit: service.unit,
        unitPriceCents: service.cents,
        vatRateBasisPoints: service.vat,
      });
    }
  }
  await insertChunked(orderRows, 2_000, (chunk) => db.insert(orders).values(chunk));
  await insertChunked(lineRows, 2_000, (chunk) => db.insert(orderLines).values(chunk));
  await bench.database.rows(sql`analyze customer_order`);
  await bench.database.rows(sql`analyze order_line`);
  return { seconds: seconds(started) };
}

/** Every bench order uninvoiced again: the bench's own invoices go (never the register's way). */
async function resetInvoices(database: Database): Promise<void> {
  await database.rows(sql`truncate payment, invoice_line, invoice, invoice_run cascade`);
  await database.rows(sql`delete from order_event where action in ('invoiced', 'credited')`);
}

async function ensureSettings(db: Db): Promise<void> {
  const values = {
    sellerName: 'Benchmarkin kunta',
    sellerBusinessId: '0201551-3',
    sellerAddress: {
      street: 'Kunnantie 1',
      postalCode: '33100',
      postOffice: 'Tampere',
      country: 'FI',
    },
    iban: 'FI3715903000000776',
    bic: 'NDEAFIHH',
    eInvoiceAddress: '003702015513',
    eInvoiceIntermediator: '003721291126',
    paymentTermDays: 14,
  };
  await db.insert(billingSettings).values(values).onConflictDoUpdate({
    target: billingSettings.id,
    set: values,
  });
}

/**
 * The database alone doing the run's writes: the same batches of RUN_BATCH_SIZE orders read the
 * same way, their numbers from the sequence, and the same multi-row inserts of invoices and lines,
 * each batch in a transaction that is rolled back. What the run adds on top is the app's work:
 * locking and checking, recipients, the access log and the orders' events, HTTP.
 */
async function rawInserts(
  database: Database,
  now: Date,
): Promise<{ seconds: number; invoices: number }> {
  const recipient: InvoiceRecipient = {
    name: 'Raaka Vertailu',
    businessId: null,
    address: null,
    addressProtected: false,
    language: 'fi',
    eInvoiceAddress: null,
    eInvoiceIntermediator: null,
  };
  const started = performance.now();
  let invoices = 0;
  let afterNumber = 0;
  class Rollback extends Error {}
  for (;;) {
    const batch = await findDeliveredUninvoicedOrders(database.db, {
      afterNumber,
      limit: RUN_BATCH_SIZE,
    });
    if (batch.length === 0) break;
    afterNumber = batch.at(-1)?.number ?? afterNumber;
    await database.db
      .transaction(async (tx) => {
        const numbers = await nextInvoiceNumbers(tx, batch.length);
        const invoiceRows: InvoiceInsert[] = [];
        const lineRows: InvoiceLineRow[] = [];
        batch.forEach((order, i) => {
          const id = crypto.randomUUID();
          const number = numbers[i] ?? 0;
          const reference = nationalReference(String(number));
          invoiceRows.push({
            id,
            number,
            orderId: order.id,
            personId: order.personId,
            organizationId: order.organizationId,
            reference,
            rfReference: rfFromNational(reference),
            invoiceDate: '2026-11-25',
            dueDate: '2026-12-09',
            ...order.totals,
            recipient,
            delivery: 'paper',
            createdAt: now,
          });
          order.lines.forEach((line, position) =>
            lineRows.push({
              invoiceId: id,
              position: position + 1,
              description: line.description,
              quantity: line.quantity,
              unit: line.unit,
              unitPriceCents: line.unitPriceCents,
              vatRateBasisPoints: line.vatRateBasisPoints,
              netCents: line.netCents,
              vatCents: line.vatCents,
              totalCents: line.totalCents,
            }),
          );
        });
        await insertInvoices(tx, invoiceRows);
        await insertInvoiceLines(tx, lineRows);
        invoices += invoiceRows.length;
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    if (batch.length < RUN_BATCH_SIZE) break;
  }
  return { seconds: seconds(started), invoices };
}

/** Paper invoices of the run rendered straight from the database, no HTTP, archive or log. */
async function rawPdfs(database: Database, runId: string, sample: number) {
  const settings = (await database.db.select().from(billingSettings))[0];
  if (!settings) throw new Error('no billing settings');
  const rows = (await findRunInvoices(database.db, runId, { afterNumber: 0, limit: sample * 2 }))
    .filter((row) => row.delivery === 'paper')
    .slice(0, sample);
  const lines = await findLinesOfInvoices(
    database.db,
    rows.map((row) => row.id),
  );
  const now = new Date();
  const documents = rows.map((row) =>
    invoiceDocument({
      invoice: row,
      lines: lines.filter((line) => line.invoiceId === row.id),
      paidCents: 0,
      settings,
      recipient: row.recipient,
      creditsInvoiceNumber: null,
      now,
    }),
  );
  const started = performance.now();
  let bytes = 0;
  for (const document of documents) bytes += (await invoicePdf(document)).length;
  const elapsed = seconds(started);
  return { pdfs: documents.length, seconds: elapsed, bytes };
}

type Server = {
  baseUrl: string;
  cookie: string;
  /** Peak RSS from now on. */
  reset(): void;
  report(): Promise<ServerReport>;
  /** Closes the server and its database; resolves when the process has exited. */
  stop(): Promise<void>;
};

/**
 * The server in a process of its own (bench/lib/invoicing-server.ts), so that the RSS measured is
 * the server's, not the bench client's; signed in as a billing user.
 */
async function forkServer(n: number): Promise<Server> {
  const child = fork(path.join(import.meta.dirname, 'lib', 'invoicing-server.ts'), [String(n)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: serverNodeFlags(),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      const onExit = () => reject(new Error('the bench server exited'));
      child.once('exit', onExit);
      child.once('message', (message: ServerMessage) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const ready = await next();
  if (!('port' in ready)) throw new Error('the bench server did not start');
  const baseUrl = `http://127.0.0.1:${ready.port}`;
  const stop = async () => {
    if (child.connected) child.send('stop');
    await exited;
  };
  try {
    return {
      baseUrl,
      cookie: await signInOverHttp(baseUrl, USERNAME),
      reset: () => child.send('reset'),
      report: async () => {
        const reply = next();
        child.send('report');
        const report = await reply;
        if (!('peakRss' in report)) throw new Error('the bench server did not report');
        return report;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Flags run.ts does not know about yet, read here: whether --n was given. */
const givenOnCommandLine = (flag: string) =>
  process.argv.slice(3).some((arg) => arg === flag || arg.startsWith(`${flag}=`));

/**
 * An invoice run of n delivered orders through the API (POST /api/invoice-runs), then its archive
 * (GET /api/invoice-runs/{id}/archive) streamed to a file: invoices per second, PDFs per second and
 * the peak RSS against the issue's 300 MB; the database doing the same inserts alone, and the same
 * PDFs rendered alone, for the ratios. See docs/decisions/0005 and 0014.
 */
export async function run(options: BenchOptions): Promise<void> {
  const n = givenOnCommandLine('--n') ? options.n : DEFAULT_N;
  let bench: BenchDatabase | null = await openBenchDatabase(n, benchKeys());
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-invoicing-'));
  const archiveFile = path.join(archiveDir, 'run.tar.gz');
  try {
    const seeded = await seedOrders(bench, n);
    await ensureSettings(bench.database.db);
    await ensureBenchUser(bench.database, USERNAME, 'billing');
    await resetInvoices(bench.database);
    log('The database alone: the same batches of invoice inserts, rolled back…');
    const raw = await rawInserts(bench.database, new Date());
    if (raw.invoices !== n)
      throw new Error(`expected ${n} orders to invoice, found ${raw.invoices}`);
    // The embedded database opens in one process at a time: the server's, while it runs.
    await bench.database.close();
    bench = null;

    const server = await forkServer(n);
    let runResult: { id: string; invoiceCount: number };
    let runSeconds: number;
    let archiveSeconds: number;
    let before: ServerReport;
    let afterRun: ServerReport;
    let afterArchive: ServerReport;
    try {
      before = await server.report();
      log(
        `Invoice run of ${count(n)} orders through the API (server RSS before: ${mb(before.rss).toFixed(0)} MB)…`,
      );
      server.reset();
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/invoice-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: server.cookie },
        body: JSON.stringify({ invoiceDate: '2026-11-25' }),
      });
      if (response.status !== 201) {
        throw new Error(`run: ${response.status} ${await response.text()}`);
      }
      runResult = (await response.json()) as typeof runResult;
      runSeconds = seconds(started);
      afterRun = await server.report();
      log(
        `  ${count(runResult.invoiceCount)} invoices in ${runSeconds.toFixed(1)} s; the archive…`,
      );
      server.reset();
      const archiveStarted = performance.now();
      const archive = await fetch(`${server.baseUrl}/api/invoice-runs/${runResult.id}/archive`, {
        headers: { cookie: server.cookie },
      });
      if (archive.status !== 200 || !archive.body) {
        throw new Error(`archive: ${archive.status} ${await archive.text()}`);
      }
      await pipeline(
        Readable.fromWeb(archive.body as WebReadableStream<Uint8Array>),
        fs.createWriteStream(archiveFile),
      );
      archiveSeconds = seconds(archiveStarted);
      afterArchive = await server.report();
      log(`  the archive in ${archiveSeconds.toFixed(1)} s`);
      for (const [label, r] of [
        ['before', before],
        ['after the run', afterRun],
        ['after the archive', afterArchive],
      ] as const) {
        log(
          `  server memory ${label}: rss ${mb(r.rss).toFixed(0)} MB, V8 heap ${mb(r.heapUsed).toFixed(0)}/${mb(r.heapTotal).toFixed(0)} MB, external ${mb(r.external).toFixed(0)} MB`,
        );
      }
    } finally {
      await server.stop();
    }
    bench = await openBenchDatabase(n, benchKeys());

    const listing = spawnSync('tar', ['-tzf', archiveFile], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (listing.status !== 0) throw new Error(`tar -tzf: ${listing.stderr}`);
    const members = listing.stdout.split('\n').filter(Boolean);
    const pdfs = members.filter((name) => name.endsWith('.pdf')).length;
    const xmls = members.filter((name) => name.endsWith('.xml')).length;
    if (members.length !== runResult.invoiceCount) {
      throw new Error(
        `the archive holds ${members.length} documents for ${runResult.invoiceCount} invoices`,
      );
    }
    const archiveBytes = fs.statSync(archiveFile).size;
    log(`Rendering ${count(Math.min(RAW_PDF_SAMPLE, pdfs))} of the PDFs alone…`);
    const rawPdf = await rawPdfs(bench.database, runResult.id, RAW_PDF_SAMPLE);

    const peak = Math.max(afterRun.peakRss, afterArchive.peakRss);
    const invoicesPerSecond = runResult.invoiceCount / runSeconds;
    const rawPerSecond = raw.invoices / raw.seconds;
    const pdfsPerSecond = pdfs / archiveSeconds;
    const rawPdfsPerSecond = rawPdf.pdfs / rawPdf.seconds;
    const engine = bench.database.engine;
    const figure = (value: number) => value.toFixed(1).padStart(6);
    const lines = [
      `invoicing · ${engine} (${bench.location}) · ${count(bench.persons)} persons, ${count(bench.organizations)} organisations, ${count(n)} delivered orders${seeded ? ` (seeded in ${seeded.seconds.toFixed(1)} s)` : ''}`,
      `  invoice run (POST /api/invoice-runs)   ${figure(runSeconds)} s  ${count(invoicesPerSecond).padStart(7)} invoices/s`,
      `  the database alone, same inserts       ${figure(raw.seconds)} s  ${count(rawPerSecond).padStart(7)} invoices/s   ratio run / alone ${(runSeconds / raw.seconds).toFixed(2)}×`,
      `  archive (GET …/archive → file)         ${figure(archiveSeconds)} s  ${count(pdfsPerSecond).padStart(7)} PDFs/s      (${count(pdfs)} PDFs, ${count(xmls)} Finvoice, ${(archiveBytes / 1e6).toFixed(1)} MB)`,
      `  the same PDFs rendered alone           ${figure(rawPdf.seconds)} s  ${count(rawPdfsPerSecond).padStart(7)} PDFs/s      (${count(rawPdf.pdfs)} of them)   ratio archive / alone ${(pdfsPerSecond / rawPdfsPerSecond).toFixed(2)}×`,
      `  run + archive                          ${figure(runSeconds + archiveSeconds)} s  ${count(runResult.invoiceCount / (runSeconds + archiveSeconds)).padStart(7)} invoices/s end to end`,
      `  server RSS (node ${serverNodeFlags().join(' ')}, sampled every 50 ms): before ${mb(before.rss).toFixed(0)} MB · peak in the run ${mb(afterRun.peakRss).toFixed(0)} MB · peak in the archive ${mb(afterArchive.peakRss).toFixed(0)} MB · maxRSS ${mb(afterArchive.maxRss).toFixed(0)} MB`,
      `  issue #5 asks the RSS to stay under ${RSS_LIMIT_MB} MB: ${mb(peak) < RSS_LIMIT_MB ? 'it does' : 'it does NOT'} (the work itself added ${mb(peak - before.rss).toFixed(0)} MB)${engine === 'pglite' ? `; the embedded PGlite engine runs inside the server (${mb(before.external).toFixed(0)} MB of WebAssembly memory reserved before the run)` : ''}`,
    ];
    console.log(lines.join('\n'));
    if (options.json) {
      console.log(
        JSON.stringify({
          benchmark: 'invoicing',
          engine,
          n,
          orders: n,
          invoices: runResult.invoiceCount,
          runSeconds: round(runSeconds),
          invoicesPerSecond: round(invoicesPerSecond, 1),
          rawInsertSeconds: round(raw.seconds),
          rawInvoicesPerSecond: round(rawPerSecond, 1),
          runVsRaw: round(runSeconds / raw.seconds),
          archiveSeconds: round(archiveSeconds),
          pdfs,
          finvoices: xmls,
          archiveBytes,
          pdfsPerSecond: round(pdfsPerSecond, 1),
          rawPdfsPerSecond: round(rawPdfsPerSecond, 1),
          archiveVsRawPdf: round(pdfsPerSecond / rawPdfsPerSecond),
          serverRssBeforeMb: round(mb(before.rss), 1),
          runPeakRssMb: round(mb(afterRun.peakRss), 1),
          archivePeakRssMb: round(mb(afterArchive.peakRss), 1),
          peakRssMb: round(mb(peak), 1),
          maxRssMb: round(mb(afterArchive.maxRss), 1),
          rssLimitMb: RSS_LIMIT_MB,
        }),
      );
    }
  } finally {
    fs.rmSync(archiveDir, { recursive: true, force: true });
    await bench?.database.close();
  }
}
