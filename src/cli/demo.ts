import crypto from 'node:crypto';
import { count, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { organizations, persons, staffUsers } from '../server/db/schema/index.ts';
import { addDays, helsinkiDate } from '../contract/dates.ts';
import { makeBusinessId, makeIdentityCode } from '../finnish/index.ts';
import { newTotpSecret, totpCode, totpStep } from '../server/lib/totp.ts';
import { totpRequiredFor } from '../server/modules/auth/auth.service.ts';
import { PARTNER_ROLES, ROLES, type Role } from '../contract/auth/permissions.ts';
import { createStaffUser } from '../server/modules/staff/staff.service.ts';
import { SESSION_COOKIE } from '../server/plugins/auth.ts';
import { openRegister } from '../server/start.ts';

/**
 * `rekisteri demo`: a new register filled with fictional data, so that a first run shows the
 * product. Staff accounts are made as `rekisteri user add` makes them; everything else goes
 * through the register's own API (app.inject), as the staff of each role would enter it — so
 * the value sources, the access log, the per-person keys of the identity codes and every rule
 * apply as they do to real data (docs/decisions/0022-demo-register.md).
 */

/** Why the demo will not fill this register; the CLI prints the message and exits 1. */
export class DemoRefused extends Error {}

export type DemoAccount = {
  username: string;
  fullName: string;
  role: Role;
  password: string;
  /** The authenticator key (base32) where the role signs in with a code; else null. */
  totpSecret: string | null;
};

export type DemoResult = {
  accounts: DemoAccount[];
  /** What was created, one line each, for the report. */
  created: string[];
  /** A person the search finds by name, to try first. */
  examplePerson: string;
};

/** Usernames of the demo staff: one per role, recognisable as the demo's. */
const USERNAME_PREFIX = 'demo.';

/** The demo's staff, one per role: a role added to ROLES without one here fails the type check. */
const STAFF: Record<Role, { fullName: string }> = {
  admin: { fullName: 'Aila Ylläpito' },
  customer_service: { fullName: 'Paula Palvelu' },
  billing: { fullName: 'Lasse Laskuttaja' },
  social_worker: { fullName: 'Sanna Sosiaalinen' },
  register_officer: { fullName: 'Tiina Tietosuoja' },
  auditor: { fullName: 'Tapio Tarkastaja' },
  contractor: { fullName: 'Kalle Kumppani' },
};

/** A fictional person: identity codes have individual numbers 900–999, the temporary range. */
type DemoPerson = {
  key: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  individual: number;
  purpose: string;
  language: 'fi' | 'sv' | 'en';
  email?: string;
  phone?: string;
  street: string;
  postalCode: string;
  postOffice: string;
  notes?: string;
};

const PERSONS: DemoPerson[] = [
  {
    key: 'aino',
    firstName: 'Aino',
    lastName: 'Esimerkki',
    birthDate: '1958-03-14',
    individual: 902,
    purpose: 'billing_and_collection',
    language: 'fi',
    email: 'aino.esimerkki@example.org',
    phone: '040 123 4567',
    street: 'Koivukuja 3',
    postalCode: '70100',
    postOffice: 'Kuopio',
  },
  {
    key: 'mikko',
    firstName: 'Mikko',
    lastName: 'Demonen',
    birthDate: '1979-11-02',
    individual: 913,
    purpose: 'unambiguous_identification',
    language: 'fi',
    email: 'mikko.demonen@example.org',
    phone: '050 765 4321',
    street: 'Rantatie 12',
    postalCode: '70110',
    postOffice: 'Kuopio',
  },
  {
    key: 'elsa',
    firstName: 'Elsa',
    lastName: 'Provström',
    birthDate: '1946-06-21',
    individual: 924,
    purpose: 'billing_and_collection',
    language: 'sv',
    email: 'elsa.provstrom@example.org',
    street: 'Strandvägen 5',
    postalCode: '65100',
    postOffice: 'Vasa',
  },
  {
    key: 'matti',
    firstName: 'Matti',
    lastName: 'Kokeilija',
    birthDate: '1990-01-30',
    individual: 935,
    purpose: 'social_services',
    language: 'fi',
    phone: '044 987 6543',
    street: 'Mäntytie 8 B 4',
    postalCode: '70200',
    postOffice: 'Kuopio',
  },
  {
    key: 'liisa',
    firstName: 'Liisa',
    lastName: 'Suojattu',
    birthDate: '1984-09-09',
    individual: 946,
    purpose: 'unambiguous_identification',
    language: 'fi',
    street: 'Piilopolku 1',
    postalCode: '70300',
    postOffice: 'Kuopio',
  },
  {
    key: 'oskar',
    firstName: 'Oskar',
    lastName: 'Testberg',
    birthDate: '1967-04-18',
    individual: 957,
    purpose: 'unambiguous_identification',
    language: 'sv',
    email: 'oskar.testberg@example.org',
    street: 'Skolgatan 14',
    postalCode: '68600',
    postOffice: 'Jakobstad',
  },
  {
    key: 'sofia',
    firstName: 'Sofia',
    lastName: 'Malliniemi',
    birthDate: '2001-12-24',
    individual: 968,
    purpose: 'consent',
    language: 'fi',
    email: 'sofia.malliniemi@example.org',
    phone: '045 111 2233',
    street: 'Opiskelijankatu 7 A 12',
    postalCode: '70150',
    postOffice: 'Kuopio',
  },
  {
    key: 'james',
    firstName: 'James',
    lastName: 'Sample',
    birthDate: '1975-07-04',
    individual: 979,
    purpose: 'billing_and_collection',
    language: 'en',
    email: 'james.sample@example.com',
    street: 'Satamakatu 2',
    postalCode: '70100',
    postOffice: 'Kuopio',
    notes: 'Prefers letters in English.',
  },
];

/** A strong random password: 18 characters of base64url, far from any list of common ones. */
function demoPassword(): string {
  return crypto.randomBytes(14).toString('base64url').slice(0, 18);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

async function refuseUnlessEmpty(db: Db): Promise<void> {
  const [p] = await db.select({ n: count() }).from(persons);
  const [o] = await db.select({ n: count() }).from(organizations);
  const personCount = p?.n ?? 0;
  const organizationCount = o?.n ?? 0;
  if (personCount > 0 || organizationCount > 0) {
    throw new DemoRefused(
      `This register already has customers (${plural(personCount, 'person')}, ${plural(organizationCount, 'organisation')}): the demo fills only a new, empty register and never mixes fictional data into real data. Give it a directory of its own, e.g. DATA_DIR=./demo-data npx rekisteri demo, and start the server with the same DATA_DIR.`,
    );
  }
  const [demoStaff] = await db
    .select({ n: count() })
    .from(staffUsers)
    .where(like(staffUsers.username, `${USERNAME_PREFIX}%`));
  if ((demoStaff?.n ?? 0) > 0) {
    throw new DemoRefused(
      `This register already has demo accounts (${USERNAME_PREFIX}…) from an earlier run that did not finish: give the demo a new, empty DATA_DIR.`,
    );
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** The register's API as each demo user calls it, signed in through the sign-in route. */
class DemoApi {
  private readonly cookies = new Map<Role, string>();
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async signIn(account: DemoAccount): Promise<void> {
    const code = account.totpSecret ? totpCode(account.totpSecret, totpStep(new Date())) : null;
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: account.password, ...(code && { code }) },
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (response.statusCode !== 200 || !cookie) {
      throw new Error(`Signing in as ${account.username} failed: ${response.body}`);
    }
    this.cookies.set(account.role, `${SESSION_COOKIE}=${cookie.value}`);
  }

  async call<T = { id: string }>(
    who: Role,
    method: Method,
    url: string,
    payload?: object,
  ): Promise<T> {
    const cookie = this.cookies.get(who);
    if (!cookie) throw new Error(`${who} is not signed in`);
    const response = await this.app.inject({
      method,
      url,
      headers: payload ? { cookie, 'content-type': 'application/json' } : { cookie },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) {
      throw new Error(
        `${method} ${url} as ${who} was refused (${response.statusCode}): ${response.body}`,
      );
    }
    return response.json<T>();
  }

  /** Ends every demo session: the demo leaves no one signed in. */
  async signOutAll(): Promise<void> {
    for (const cookie of this.cookies.values()) {
      await this.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    }
  }
}

/**
 * Opens the register of `config` (migrating it and making its keys, as a start does), refuses
 * one that has customers, and fills it. PostgreSQL only when `allowPostgresql`: the demo is for
 * the embedded database a newcomer starts with.
 */
export async function fillDemoRegister(
  config: Config,
  options: { allowPostgresql?: boolean; onProgress?: (step: string) => void } = {},
): Promise<DemoResult> {
  if (config.databaseUrl && !options.allowPostgresql) {
    throw new DemoRefused(
      'DATABASE_URL names a PostgreSQL database: the demo fills the embedded database under DATA_DIR, and does not put fictional data into a server database by mistake. Unset DATABASE_URL, or, for a PostgreSQL database kept for training or trials, run: npx rekisteri demo --allow-postgresql',
    );
  }
  const progress = options.onProgress ?? (() => {});
  const { app, database, keys } = await openRegister(config, {
    logger: false,
    serveWeb: false,
    onProgress: progress,
  });
  try {
    await refuseUnlessEmpty(database.db);
    progress('Creating the demo staff and filling the register…');
    const today = helsinkiDate(new Date());
    const password = demoPassword();
    const api = new DemoApi(app);
    const accounts: DemoAccount[] = [];
    const ids = new Map<Role, string>();
    const addAccount = async (role: Role, partnerId?: string) => {
      const { fullName } = STAFF[role];
      const account: DemoAccount = {
        username: `${USERNAME_PREFIX}${role}`,
        fullName,
        role,
        password,
        totpSecret: totpRequiredFor(role, config) ? newTotpSecret() : null,
      };
      // As `rekisteri user add --commitment-signed` records a signed paper commitment: the demo
      // staff can work at once, and the administration screens show it like any other.
      const user = await createStaffUser(
        database.db,
        {
          username: account.username,
          role,
          password,
          fullName,
          partnerId,
          commitmentSignedOn: today,
          commitmentKeptAt: 'Demo register: fictional staff, no paper',
        },
        account.totpSecret ? { totp: { secret: account.totpSecret, keys } } : {},
      );
      ids.set(role, user.id);
      accounts.push(account);
      await api.signIn(account);
    };
    await addAccount('admin');
    // A contractor belongs to a partner organisation: the administrator records it first.
    const partner = await api.call('admin', 'POST', '/api/partners', {
      name: 'Kotiapu Esimerkki Oy',
      businessId: businessId('7654321'),
      country: 'FI',
      roles: ['processor'],
      processingAgreementOn: addDays(today, -90),
      contractFields: ['name', 'contact', 'address'],
    });
    for (const role of ROLES) {
      if (role !== 'admin') {
        await addAccount(role, PARTNER_ROLES.includes(role) ? partner.id : undefined);
      }
    }
    const filled = await fillCustomers(api, { today, ids, partnerId: partner.id });
    await api.signOutAll();
    return {
      accounts,
      created: [
        `${accounts.length} staff accounts, one per role, commitments signed`,
        'the partner organisation Kotiapu Esimerkki Oy (a processor) with a contract',
        ...filled.created,
      ],
      examplePerson: filled.examplePerson,
    };
  } finally {
    await app.close();
  }
}

/** A business ID from seven digits whose check digit exists (one in eleven has none). */
function businessId(sevenDigits: string): string {
  const id = makeBusinessId(sevenDigits);
  if (id === null) throw new Error(`${sevenDigits} has no business ID check digit`);
  return id;
}

type Invoice = { id: string; number: number; reference: string; total: string };

/**
 * The customers and their business, each entered by the role that does it in the register:
 * the administrator keeps the catalogue and the units, customer service registers persons and
 * takes orders, billing delivers and invoices, the register officer records a protected address
 * and a request, the social worker a client. Dates are relative to today, so that the request is
 * due soon and the invoices are current whenever the demo runs.
 */
async function fillCustomers(
  api: DemoApi,
  setting: { today: string; ids: Map<Role, string>; partnerId: string },
): Promise<{ created: string[]; examplePerson: string }> {
  const { today, ids } = setting;
  const daysAgo = (n: number) => addDays(today, -n);

  await api.call('admin', 'PUT', '/api/billing/settings', {
    sellerName: 'Esimerkkilän kunta',
    sellerBusinessId: businessId('0123456'),
    sellerAddress: { street: 'Kunnantalontie 1', postalCode: '70100', postOffice: 'Kuopio' },
    iban: 'FI3715903000000776',
    bic: 'NDEAFIHH',
    paymentTermDays: 14,
  });
  const serviceSpecs = [
    ['ateriapalvelu', 'Ateriapalvelu', 'Måltidsservice', 'Meal service', 'kpl', '8.50', '14'],
    ['kotihoito', 'Kotihoidon käynti', 'Hemvårdsbesök', 'Home care visit', 'h', '45.90', '0'],
    ['tilavuokra', 'Tilavuokra', 'Lokalhyra', 'Room rental', 'h', '30.00', '25.5'],
    ['kuljetus', 'Asiointikuljetus', 'Serviceresa', 'Shopping transport', 'kpl', '12.00', '0'],
  ] as const;
  const services = new Map<string, string>();
  for (const [code, nameFi, nameSv, nameEn, unit, unitPrice, vatRate] of serviceSpecs) {
    const service = await api.call('admin', 'POST', '/api/services', {
      ...{ code, nameFi, nameSv, nameEn, unit, unitPrice, vatRate },
    });
    services.set(code, service.id);
  }

  const organization = await api.call('customer_service', 'POST', '/api/organizations', {
    name: 'Esimerkkilän Puutarha Oy',
    businessId: businessId('2345678'),
    postalAddress: { street: 'Taimistontie 4', postalCode: '70460', postOffice: 'Kuopio' },
    email: 'laskut@puutarha.example.org',
    phone: '017 123 4567',
  });

  const personIds = new Map<string, string>();
  for (const person of PERSONS) {
    // A protected address is recorded only on the population register's word, by the register
    // officer; the others come from the persons themselves, at customer service.
    const protectedAddress = person.key === 'liisa';
    const created = await api.call(
      protectedAddress ? 'register_officer' : 'customer_service',
      'POST',
      '/api/persons',
      {
        firstName: person.firstName,
        lastName: person.lastName,
        personalIdentityCode: makeIdentityCode(person.birthDate, person.individual),
        personalIdentityCodePurpose: person.purpose,
        language: person.language,
        ...(person.email && { email: person.email }),
        ...(person.phone && { phone: person.phone }),
        permanentAddress: {
          street: person.street,
          postalCode: person.postalCode,
          postOffice: person.postOffice,
        },
        ...(person.notes && { notes: person.notes }),
        ...(person.key === 'mikko' && {
          organizations: [{ organizationId: organization.id, title: 'Toimitusjohtaja' }],
        }),
        ...(protectedAddress && {
          addressProtection: { active: true, endsOn: null, source: 'DVV' },
        }),
        source: protectedAddress
          ? { kind: 'population_register', reference: 'Väestötietojärjestelmä' }
          : { kind: 'data_subject' },
      },
    );
    personIds.set(person.key, created.id);
  }
  const person = (key: string) => {
    const id = personIds.get(key);
    if (!id) throw new Error(`no demo person ${key}`);
    return id;
  };

  // Orders in each state: delivered and invoiced (paid, open, overdue, in a past invoice run),
  // delivered and waiting for the next invoice run, confirmed, and a draft.
  const order = async (
    customer: { personId: string } | { organizationId: string },
    lines: { service: string; quantity: string }[],
    until: 'draft' | 'confirmed' | 'delivered',
    deliveredDaysAgo = 3,
  ) => {
    const created = await api.call('customer_service', 'POST', '/api/orders', {
      ...customer,
      lines: lines.map((line) => ({
        serviceId: services.get(line.service),
        quantity: line.quantity,
      })),
    });
    if (until !== 'draft') {
      await api.call('customer_service', 'POST', `/api/orders/${created.id}/confirm`, {});
    }
    if (until === 'delivered') {
      await api.call('billing', 'POST', `/api/orders/${created.id}/deliver`, {
        deliveredOn: daysAgo(deliveredDaysAgo),
      });
    }
    return created.id;
  };
  const ainoOrder = await order(
    { personId: person('aino') },
    [{ service: 'ateriapalvelu', quantity: '20' }],
    'delivered',
  );
  const gardenOrder = await order(
    { organizationId: organization.id },
    [{ service: 'tilavuokra', quantity: '6' }],
    'delivered',
    40,
  );
  const runOrders = [
    await order(
      { personId: person('mikko') },
      [{ service: 'kuljetus', quantity: '4' }],
      'delivered',
      15,
    ),
    await order(
      { personId: person('sofia') },
      [{ service: 'ateriapalvelu', quantity: '12' }],
      'delivered',
      15,
    ),
  ];
  await order(
    { personId: person('elsa') },
    [
      { service: 'kotihoito', quantity: '3.5' },
      { service: 'kuljetus', quantity: '2' },
    ],
    'delivered',
  );
  await order(
    { personId: person('matti') },
    [{ service: 'ateriapalvelu', quantity: '10' }],
    'confirmed',
  );
  await order({ personId: person('james') }, [{ service: 'tilavuokra', quantity: '2' }], 'draft');

  const ainoInvoice = await api.call<Invoice>('billing', 'POST', '/api/invoices', {
    orderId: ainoOrder,
  });
  // Invoiced a month ago and not paid: overdue on billing's list.
  const gardenInvoice = await api.call<Invoice>('billing', 'POST', '/api/invoices', {
    orderId: gardenOrder,
    invoiceDate: daysAgo(35),
  });
  const run = await api.call<{ invoiceCount: number }>('billing', 'POST', '/api/invoice-runs', {
    invoiceDate: daysAgo(10),
    orderIds: runOrders,
  });
  await api.call('billing', 'POST', '/api/payments', {
    reference: ainoInvoice.reference,
    amount: ainoInvoice.total,
    paidOn: today,
  });

  // A data subject's access request, received three weeks ago: due in about a week.
  const request = await api.call<{ id: string; number: number; dueOn: string }>(
    'register_officer',
    'POST',
    '/api/requests',
    {
      type: 'access',
      personId: person('oskar'),
      receivedOn: daysAgo(21),
      channel: 'letter',
      language: 'sv',
      assigneeId: ids.get('register_officer'),
    },
  );
  await api.call('register_officer', 'POST', `/api/requests/${request.id}/identity`, {
    method: 'signed_letter',
    verifiedOn: daysAgo(20),
  });

  await api.call('customer_service', 'POST', `/api/persons/${person('sofia')}/objections`, {
    type: 'direct_marketing',
    objectedOn: daysAgo(30),
    source: 'customer_service',
  });

  // The partner's contractor sees Elsa, her home care's customer, and nobody else.
  await api.call('admin', 'POST', `/api/partners/${setting.partnerId}/customers`, {
    customerId: person('elsa'),
  });

  // A social-services unit with the demo social worker, and Matti a client of it.
  const worker = ids.get('social_worker');
  const unit = await api.call('admin', 'POST', '/api/social-services/units', {
    code: 'aikuissosiaalityo',
    nameFi: 'Aikuissosiaalityö',
    nameSv: 'Socialt arbete för vuxna',
    nameEn: 'Adult social work',
    memberIds: [worker],
  });
  const client = `/api/persons/${person('matti')}/social-services`;
  await api.call('social_worker', 'POST', `${client}/relationships`, {
    unitId: unit.id,
    startsOn: daysAgo(5),
    responsibleWorkerIds: [worker],
  });
  await api.call('social_worker', 'POST', `${client}/service-needs`, {
    needType: 'housing',
    assessedOn: daysAgo(4),
    status: 'assessment',
    decisionReference: null,
    source: 'Asiakkaan oma hakemus',
  });
  await api.call('social_worker', 'POST', `${client}/health`, {
    date: daysAgo(4),
    category: 'Toimintakyky',
    text: 'Kuvitteellinen merkintä: liikkuu itsenäisesti, tarvitsee apua asioinnissa.',
    source: 'Kotikäynti',
  });

  const fullName = (key: string) => {
    const p = PERSONS.find((candidate) => candidate.key === key);
    return p ? `${p.firstName} ${p.lastName}` : key;
  };
  return {
    created: [
      'billing settings of the fictional seller Esimerkkilän kunta',
      `${serviceSpecs.length} services in the catalogue (${serviceSpecs.map(([, nameFi]) => nameFi).join(', ')})`,
      `${PERSONS.length} persons with test identity codes (individual numbers 900–999), among them ${fullName('liisa')} under address protection`,
      'the organisation Esimerkkilän Puutarha Oy, represented by Mikko Demonen',
      '7 orders: 5 delivered, 1 confirmed, 1 draft',
      `invoices: no. ${ainoInvoice.number} (${fullName('aino')}, paid), no. ${gardenInvoice.number} (Esimerkkilän Puutarha Oy, overdue), and ${run.invoiceCount} in an invoice run ten days ago; ${fullName('elsa')}'s delivered order waits for the next run`,
      `an access request (no. ${request.number}) of ${fullName('oskar')}, identity verified, due ${request.dueOn}`,
      `a direct-marketing objection of ${fullName('sofia')}`,
      `the social-services unit Aikuissosiaalityö, with ${fullName('matti')} its client (a service need and a health entry)`,
      `the partner's contract covering ${fullName('elsa')}`,
    ],
    examplePerson: fullName('aino'),
  };
}
