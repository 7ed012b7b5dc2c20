import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/server/db/client.ts';
import {
  billingSettings,
  orderLines,
  orders,
  organizations,
  personOrganizations,
  persons,
  services,
  type BillingData,
  type PostalAddress,
} from '../../src/server/db/schema/index.ts';
import { foldForSearch } from '../../src/server/lib/search-text.ts';

type Db = Pick<Database, 'db'>;

/** The seller of the tests; the IBAN and reference of requirements §10's barcode example. */
export const SELLER = {
  sellerName: 'Rautavaaran kunta',
  sellerBusinessId: '0201551-3',
  sellerAddress: {
    street: 'Kunnantie 1',
    postalCode: '73900',
    postOffice: 'Rautavaara',
    country: 'FI',
  },
  iban: 'FI3715903000000776',
  bic: 'NDEAFIHH',
  eInvoiceAddress: '003702015513',
  eInvoiceIntermediator: '003721291126',
  paymentTermDays: 14,
} as const;

export async function insertBillingSettings(
  database: Db,
  values: Partial<typeof billingSettings.$inferInsert> = {},
): Promise<void> {
  await database.db
    .insert(billingSettings)
    .values({ ...SELLER, ...values })
    .onConflictDoUpdate({ target: billingSettings.id, set: { ...SELLER, ...values } });
}

let services_ = 0;

export async function insertService(
  database: Db,
  values: Partial<typeof services.$inferInsert> = {},
): Promise<string> {
  const [row] = await database.db
    .insert(services)
    .values({
      code: `palvelu-${++services_}-${Math.random().toString(36).slice(2, 8)}`,
      nameFi: 'Kotihoidon käynti',
      nameSv: 'Hemvårdsbesök',
      nameEn: 'Home care visit',
      unit: 'h',
      unitPriceCents: 4590,
      vatRateBasisPoints: 2550,
      ...values,
    })
    .returning({ id: services.id });
  if (!row) throw new Error('no service');
  return row.id;
}

export const ADDRESS: PostalAddress = {
  street: 'Laskutie 5 B 7',
  postalCode: '70100',
  postOffice: 'Kuopio',
  country: 'FI',
};

export async function insertTestPerson(
  database: Db,
  values: Partial<typeof persons.$inferInsert> = {},
): Promise<string> {
  const firstName = values.firstName ?? 'Laura';
  const lastName = values.lastName ?? 'Laskutettava';
  const [row] = await database.db
    .insert(persons)
    .values({
      firstName,
      lastName,
      permanentAddress: ADDRESS,
      searchText: foldForSearch(`${firstName} ${lastName}`),
      ...values,
    })
    .returning({ id: persons.id });
  if (!row) throw new Error('no person');
  return row.id;
}

export async function insertTestOrganization(
  database: Db,
  values: Partial<typeof organizations.$inferInsert> & { representatives?: string[] } = {},
): Promise<string> {
  const { representatives = [], ...columns } = values;
  const name = columns.name ?? 'Laskutettava Oy';
  const [row] = await database.db
    .insert(organizations)
    .values({
      name,
      businessId: '2617416-4',
      postalAddress: { ...ADDRESS, street: 'Yrityskatu 2' },
      searchText: foldForSearch(name),
      ...columns,
    })
    .returning({ id: organizations.id });
  if (!row) throw new Error('no organisation');
  for (const personId of representatives) {
    await database.db
      .insert(personOrganizations)
      .values({ personId, organizationId: row.id, title: 'Toimitusjohtaja' });
  }
  return row.id;
}

export const E_INVOICE_BILLING: BillingData = {
  billingAddress: null,
  eInvoiceAddress: '003726174164',
  eInvoiceIntermediator: '003721291126',
  ovt: null,
};

export type TestLine = {
  description?: string;
  quantity?: string;
  unitPriceCents?: number;
  vatRateBasisPoints?: number;
};

/** An order in the given status (delivered by default) with its lines, as the orders module keeps them. */
export async function insertOrder(
  database: Db,
  customer: { personId: string } | { organizationId: string },
  options: { lines?: TestLine[]; status?: 'draft' | 'confirmed' | 'delivered' | 'cancelled' } = {},
): Promise<string> {
  const serviceId = await insertService(database);
  const [order] = await database.db
    .insert(orders)
    .values({
      ...customer,
      status: options.status ?? 'delivered',
      deliveredOn: options.status && options.status !== 'delivered' ? null : '2026-11-20',
    })
    .returning({ id: orders.id });
  if (!order) throw new Error('no order');
  const lines = options.lines ?? [
    { description: 'Kotihoidon käynti', quantity: '2.5', unitPriceCents: 4590 },
  ];
  await database.db.insert(orderLines).values(
    lines.map((line, i) => ({
      orderId: order.id,
      position: i + 1,
      serviceId,
      description: line.description ?? 'Palvelu',
      quantity: line.quantity ?? '1',
      unit: 'h',
      unitPriceCents: line.unitPriceCents ?? 1000,
      vatRateBasisPoints: line.vatRateBasisPoints ?? 2550,
    })),
  );
  return order.id;
}

/** The text of a PDF as poppler's pdftotext reads it; null when pdftotext is not installed. */
export function pdftotext(pdf: Buffer): string | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-pdf-'));
  try {
    const file = path.join(dir, 'invoice.pdf');
    fs.writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The barcodes a scanner reads on the PDF's first page (poppler's pdftoppm at 200 dpi, then
 * zbarimg), e.g. `CODE-128:4…`; null when either tool is not installed.
 */
export function scanBarcodes(pdf: Buffer): string[] | null {
  for (const tool of ['pdftoppm', 'zbarimg']) {
    if (spawnSync(tool, ['-h']).error) return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-scan-'));
  try {
    const file = path.join(dir, 'invoice.pdf');
    fs.writeFileSync(file, pdf);
    const render = spawnSync('pdftoppm', [
      '-r',
      '200',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(dir, 'page'),
    ]);
    if (render.status !== 0) throw new Error(`pdftoppm failed: ${render.stderr.toString()}`);
    const page = fs.readdirSync(dir).find((name) => name.endsWith('.png')) ?? '';
    const scan = spawnSync('zbarimg', ['--quiet', path.join(dir, page)], { encoding: 'utf8' });
    return scan.stdout.split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The member names of a tar.gz, as `tar -tz` lists them. */
export function tarMembers(archive: Buffer): string[] {
  const result = spawnSync('tar', ['-tz'], { input: archive, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar -tz failed: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}

/** One member of a tar.gz, as `tar -xzO` extracts it. */
export function tarMember(archive: Buffer, name: string): Buffer {
  const result = spawnSync('tar', ['-xzO', name], { input: archive });
  if (result.status !== 0) throw new Error(`tar -xzO failed: ${result.stderr.toString()}`);
  return result.stdout;
}
