import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  EXPORT_PATHS,
  RESTRICTION_ALLOWS,
  usageRuleChannel,
  type ExportPath,
  type UsageRuleMessage,
} from '../../src/server/modules/objections/usage-rule.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import {
  callAs,
  forEachEngine,
  insertTestPartner,
  manualClock,
  type TestApp,
} from '../helpers/app.ts';

/*
 * "An objection to direct marketing removes the person from every export path; the test lists the
 * paths by asking the central rule's callers, so a new path without the check fails it."
 *
 * Two halves. (1) Every caller the usage rule registers (EXPORT_PATHS) is run here with a person
 * who objects to direct marketing: the path must ask the rule about that person (the rule
 * publishes each decision on a diagnostics channel), and the file it makes holds the person exactly
 * when the rule allowed them — for an objectable use, never. (2) A static check of src/server finds
 * every place data leaves the register — a route that answers a file (content-disposition), a call
 * of `disclose(`, a file put into a JSON answer (base64), an /api/exports route — and fails on one
 * that is neither a site of a registered caller nor in the reasoned list of exempt paths below.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where data leaves the register without the usage rule, and why it may. */
const EXEMPT_PATHS: Record<string, string> = {
  'src/server/plugins/send-attachment.ts#sendAttachment':
    'The one shared file answer: not a way out by itself; each call of it is found and named by its route below.',
  'src/server/modules/invoices/invoices.routes.ts#/api/invoices/:id/pdf':
    "An invoice's own PDF, for its customer: billing, the customer relationship itself, which no objection reaches.",
  'src/server/modules/invoices/invoices.routes.ts#/api/invoices/:id/finvoice':
    "An invoice's own Finvoice message, for its customer's e-invoice operator: billing, which no objection reaches.",
  'src/server/modules/invoices/invoices.routes.ts#/api/invoice-runs/:id/archive':
    "An invoice run's documents, printed and sent to each invoice's own customer: billing.",
  'src/server/modules/access-log/access-log.routes.ts#/api/access-log/subjects/:id/report':
    "The data subject's own report of who processed their data, handed to them (Client Data Act).",
  'src/server/modules/social-services/social-services.routes.ts#api.summary':
    "One client's summary, printed by their worker for the client's own care: the service itself.",
  'src/server/modules/access-package/access-package.routes.ts#/api/requests/:id/access-package':
    "The data subject's own access package (PDF, JSON), handed to them and recorded as a disclosure to them (decision 0016).",
  'src/server/modules/rectification/rectification.routes.ts#/api/requests/:id/rectification/letters/:party':
    'The notice of a correction to the source or a recipient of the wrong value (GDPR Art. 19): a legal obligation, which no objection reaches.',
  'src/server/modules/rectification/rectification.routes.ts#/api/requests/:id/rectification/certificate':
    'The refusal certificate to the data subject: their own answer, not a use of their data.',
  'src/server/modules/erasure/erasure.routes.ts#/api/requests/:id/erasure/letter':
    "The erasure request's letter to the data subject: their own answer, not a use of their data.",
  'src/server/modules/restriction/restriction.routes.ts#/api/requests/:id/restriction/letter':
    "The restriction request's notice to the data subject (GDPR Art. 18(3)): their own answer, not a use of their data.",
  'src/server/modules/attachments/attachments.routes.ts#/api/requests/:id/attachments/:attachmentId':
    "A request's own attachment (the person's letter), back to the register officer handling it.",
  'src/server/modules/imports/imports.routes.ts#/api/imports/:kind/:id/csv':
    "An import run's report for the register officer: where each row of data coming in went (line, outcome, reason, field names), no value of a person's and no use of their data.",
  'src/server/modules/move-in/move-in.routes.ts#/api/move-in/runs/:id/report.csv':
    "A moving-in run's report for the register officer: row number, outcome, field, column and code of each row of the old register's file, no value of a person's and no use of their data.",
};

/** What marks a place where data leaves the register. */
const MARKERS: [string, RegExp][] = [
  ['a file answer (content-disposition)', /content-disposition/i],
  // The shared file answer (src/server/plugins/send-attachment.ts): each call is a way out.
  ['a file answer (sendAttachment())', /(?<!function\s+)\bsendAttachment\(/],
  ['a disclosure (disclose())', /(?<!function\s+)\bdisclose\(/],
  // A file inside a JSON answer is its `base64` member, as decision 0013 answers a disclosure.
  ['a file in a JSON answer (base64)', /\bbase64\s*:\s*[^,]*toString\(\s*['"]base64['"]\s*\)/],
  ['an export route', /['"`]\/api\/exports\//],
];

const ROUTE =
  /\b(?:(?:app|instance)\.(?:get|post|put|patch|delete)\(|route\(\s*app,)\s*['"`]([^'"`]+)/;
/** A declaration at the top level of its module: a function, or a constant (an arrow function). */
const FUNCTION = /^(?:export\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?const\s+(\w+)\s*[:=]/;

export type Site = { site: string; marker: string; line: number };

/**
 * `ordersApi.get` → `/api/orders/:id`: every endpoint of the contract by the name a routes file
 * registers it with (`route(app, ordersApi.get, …)`), so that such a route is named, and an
 * export route found, by its path just as one written `app.get('/api/…', …)`.
 */
async function endpointPaths(): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  const contract = path.join(ROOT, 'src/contract');
  for (const file of fs.readdirSync(contract, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.endpoints.ts')) continue;
    const apis = (await import(pathToFileURL(path.join(contract, file)).href)) as Record<
      string,
      Record<string, { path?: unknown }>
    >;
    for (const [apiName, api] of Object.entries(apis)) {
      for (const [name, declared] of Object.entries(api)) {
        if (typeof declared.path === 'string') paths.set(`${apiName}.${name}`, declared.path);
      }
    }
  }
  return paths;
}
const ENDPOINT_PATHS = await endpointPaths();

/**
 * The places in these sources where data leaves: each named by its file and the route or
 * function it is in (the nearest declaration at or above it), e.g.
 * `src/server/modules/invoices/invoices.routes.ts#sendFile`.
 */
export function dataExits(sources: readonly { file: string; text: string }[]): Site[] {
  const sites: Site[] = [];
  for (const { file, text } of sources) {
    const lines = text
      .replace(
        /(\broute\(\s*app,\s*)(\w+\.\w+)/g,
        (call, head: string, name: string) => `${head}'${ENDPOINT_PATHS.get(name) ?? name}'`,
      )
      .split('\n');
    lines.forEach((line, index) => {
      if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
      for (const [marker, pattern] of MARKERS) {
        if (!pattern.test(line)) continue;
        let anchor = '(top level)';
        for (let i = index; i >= 0; i--) {
          const route = ROUTE.exec(lines[i] ?? '');
          const fn = FUNCTION.exec(lines[i] ?? '');
          if (route?.[1]) anchor = route[1];
          else if (fn) anchor = (fn[1] ?? fn[2]) as string;
          else continue;
          break;
        }
        sites.push({ site: `${file}#${anchor}`, marker, line: index + 1 });
      }
    });
  }
  return sites;
}

/** The sites neither a registered caller of the usage rule claims nor the exempt list names. */
export function unaccounted(
  sites: readonly Site[],
  registered: Record<string, { sites: readonly string[] }>,
  exempt: Record<string, string>,
): Site[] {
  const claimed = new Set(Object.values(registered).flatMap((entry) => entry.sites));
  return sites.filter((site) => !claimed.has(site.site) && !Object.hasOwn(exempt, site.site));
}

function serverSources(): { file: string; text: string }[] {
  const files = fs.readdirSync(path.join(ROOT, 'src/server'), {
    recursive: true,
    encoding: 'utf8',
  });
  return files
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => {
      const relative = path.posix.join('src/server', file.split(path.sep).join('/'));
      return { file: relative, text: fs.readFileSync(path.join(ROOT, relative), 'utf8') };
    });
}

test('static: every place data leaves src/server is a registered caller of the rule or exempt', () => {
  const sites = dataExits(serverSources());
  assert.ok(sites.length >= 8, `found ${sites.length} places`);
  const missing = unaccounted(sites, EXPORT_PATHS, EXEMPT_PATHS);
  assert.deepEqual(
    missing.map((s) => `${s.site} (line ${s.line}: ${s.marker})`),
    [],
    'A path by which data leaves the register must ask the usage rule (and be added to ' +
      'EXPORT_PATHS in usage-rule.ts, with a runner in this test) or be listed in EXEMPT_PATHS ' +
      'with the reason no objection reaches it',
  );
  // No stale entry: each registered or exempt site is still in the source.
  const found = new Set(sites.map((s) => s.site));
  for (const site of [
    ...Object.values(EXPORT_PATHS).flatMap((e) => e.sites),
    ...Object.keys(EXEMPT_PATHS),
  ]) {
    assert.ok(found.has(site), `${site} is listed but no longer sends data out`);
  }
});

test('static: a new path without the check fails it (a fixture source)', () => {
  const fixture = {
    file: 'src/server/modules/newsletter/newsletter.routes.ts',
    text: [
      "app.get('/api/newsletter/recipients.csv', {",
      '  handler: async (request, reply) => {',
      '    const file = await recipientsCsv();',
      "    return reply.header('content-disposition', 'attachment; filename=\"x.csv\"').send(file);",
      '  },',
      '});',
      'export async function sendToPrinter(ctx, persons) {',
      '  // disclose( in a comment is not a call',
      "  return disclose(ctx, { caller: 'generalDisclosure', records: persons });",
      '}',
    ].join('\n'),
  };
  const sites = dataExits([...serverSources(), fixture]);
  const inFixture = (list: Site[]) => list.filter((s) => s.site.startsWith(fixture.file));
  assert.deepEqual(
    inFixture(unaccounted(sites, EXPORT_PATHS, EXEMPT_PATHS)).map((s) => [s.site, s.marker]),
    [
      [
        'src/server/modules/newsletter/newsletter.routes.ts#/api/newsletter/recipients.csv',
        'a file answer (content-disposition)',
      ],
      [
        'src/server/modules/newsletter/newsletter.routes.ts#sendToPrinter',
        'a disclosure (disclose())',
      ],
    ],
  );
  // Registered as a caller, the same route passes the static half (and needs a runner below).
  const registered = {
    ...EXPORT_PATHS,
    newsletter: {
      sites: [
        'src/server/modules/newsletter/newsletter.routes.ts#/api/newsletter/recipients.csv',
        'src/server/modules/newsletter/newsletter.routes.ts#sendToPrinter',
      ],
    },
  };
  assert.deepEqual(inFixture(unaccounted(sites, registered, EXEMPT_PATHS)), []);
});

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

/** `objector`: the person under test (one who objects, or one whose processing is restricted). */
type Setup = { officer: string; clerk: string; objector: string; other: string; partner: string };
/** A path run with the person under test and another person: the bytes of the file it made. */
type Runner = (app: TestApp, setup: Setup) => Promise<string>;

const fileOf = (body: { file: { base64: string } }) =>
  Buffer.from(body.file.base64, 'base64').toString('utf8');

/** One runner per registered caller: the record type makes a new caller a compile error here. */
const RUNNERS: Record<ExportPath, Runner> = {
  generalDisclosure: async (app, s) => {
    const response = await callAs(app, s.officer, 'POST', '/api/disclosures', {
      partnerId: s.partner,
      legalBasis: 'value_added_service',
      use: 'direct_marketing',
      purpose: 'Kumppanin markkinointikirje',
      subjectIds: [s.objector, s.other],
      fields: ['name', 'address'],
    });
    assert.equal(response.statusCode, 201, response.body);
    return fileOf(response.json());
  },
  collection: async (app, s) => {
    const invoices = [];
    for (const personId of [s.objector, s.other]) {
      invoices.push(
        (await insertTestInvoice(app.database, { personId, dueDate: '2026-11-01' })).id,
      );
    }
    const response = await callAs(app, s.officer, 'POST', '/api/collections', {
      partnerId: s.partner,
      invoiceIds: invoices,
    });
    assert.equal(response.statusCode, 201, response.body);
    return fileOf(response.json());
  },
  mailingList: async (app, s) => {
    const response = await callAs(app, s.clerk, 'POST', '/api/exports/mailing-list', {
      use: 'direct_marketing',
      purpose: 'Kuntatiedote kotitalouksiin',
      selection: { kind: 'all' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return fileOf(response.json());
  },
};

forEachEngine(
  'the usage rule: every registered export path',
  ({ ctx }) => {
    test('an objection to direct marketing removes the person from every path whose use it reaches', async () => {
      const officer = await ctx().signIn('register_officer');
      const clerk = await ctx().signIn('customer_service');
      const person = async (firstName: string) => {
        const response = await callAs(ctx(), officer, 'POST', '/api/persons', {
          firstName,
          lastName: 'Reittinen',
          permanentAddress: { street: 'Polku 2', postalCode: '73900', postOffice: 'Rautavaara' },
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      const setup: Setup = {
        officer,
        clerk,
        objector: await person('Kieltäjä'),
        other: await person('Sallija'),
        partner: await insertTestPartner(ctx().database, {
          name: 'Reitti Oy',
          roles: ['recipient'],
        }),
      };
      const objected = await callAs(
        ctx(),
        clerk,
        'POST',
        `/api/persons/${setup.objector}/objections`,
        {
          type: 'direct_marketing',
          objectedOn: '2026-11-20',
          source: 'customer_service',
        },
      );
      assert.equal(objected.statusCode, 201, objected.body);

      const paths = Object.keys(EXPORT_PATHS) as ExportPath[];
      assert.deepEqual(
        paths.filter((p) => !RUNNERS[p]),
        [],
        'each registered path has a runner',
      );
      let removedFrom = 0;
      for (const name of paths) {
        const messages: UsageRuleMessage[] = [];
        const listen = (message: unknown) => messages.push(message as UsageRuleMessage);
        diagnosticsChannel.subscribe(usageRuleChannel.name, listen);
        let file: string;
        try {
          file = await RUNNERS[name](ctx(), setup);
        } finally {
          diagnosticsChannel.unsubscribe(usageRuleChannel.name, listen);
        }
        const asked = messages.filter(
          (m) => m.caller === name && m.personIds.includes(setup.objector),
        );
        assert.ok(asked.length > 0, `${name} asked the usage rule about the objecting person`);
        const allowed = asked.every((m) => m.decision.verdicts.get(setup.objector)?.allowed);
        assert.ok(file.includes('Sallija'), `${name}: the other person is in the file`);
        assert.equal(
          file.includes('Kieltäjä'),
          allowed,
          `${name}: the objecting person is in the file exactly when the rule allowed them`,
        );
        if (asked.some((m) => m.decision.objectable)) {
          assert.equal(allowed, false, `${name}: a direct-marketing objection keeps them out`);
          removedFrom++;
        } else {
          // Collection is the customer relationship itself: the rule said so, and they are in it.
          assert.ok(
            asked.every((m) => !m.decision.objectable),
            name,
          );
        }
      }
      assert.ok(removedFrom >= 2, 'the marketing paths (disclosure, mailing list) left them out');
    });

    test('a restriction of processing removes the person from every path but those Art. 18(2) allows', async () => {
      const officer = await ctx().signIn('register_officer');
      const clerk = await ctx().signIn('customer_service');
      const person = async (firstName: string) => {
        const response = await callAs(ctx(), officer, 'POST', '/api/persons', {
          firstName,
          lastName: 'Rajala',
          permanentAddress: { street: 'Polku 4', postalCode: '73900', postOffice: 'Rautavaara' },
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      const setup: Setup = {
        officer,
        clerk,
        objector: await person('Rajoitettu'),
        other: await person('Sallittu'),
        partner: await insertTestPartner(ctx().database, {
          name: 'Rajoitus Oy',
          roles: ['recipient'],
        }),
      };
      const request = await callAs(ctx(), officer, 'POST', '/api/requests', {
        type: 'restriction',
        personId: setup.objector,
        receivedOn: '2026-11-24',
        channel: 'letter',
        language: 'fi',
      });
      assert.equal(request.statusCode, 201, request.body);
      const id = request.json().id as string;
      const verified = await callAs(ctx(), officer, 'POST', `/api/requests/${id}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-24',
      });
      assert.equal(verified.statusCode, 200, verified.body);
      const placed = await callAs(ctx(), officer, 'POST', `/api/requests/${id}/restriction`, {
        grounds: ['objection_pending'],
        placedOn: '2026-11-25',
      });
      assert.equal(placed.statusCode, 201, placed.body);

      for (const name of Object.keys(EXPORT_PATHS) as ExportPath[]) {
        const messages: UsageRuleMessage[] = [];
        const listen = (message: unknown) => messages.push(message as UsageRuleMessage);
        diagnosticsChannel.subscribe(usageRuleChannel.name, listen);
        let file: string;
        try {
          file = await RUNNERS[name](ctx(), setup);
        } finally {
          diagnosticsChannel.unsubscribe(usageRuleChannel.name, listen);
        }
        const asked = messages.filter(
          (m) => m.caller === name && m.personIds.includes(setup.objector),
        );
        assert.ok(asked.length > 0, `${name} asked the usage rule about the restricted person`);
        const allowedUse = asked.every((m) =>
          m.uses.every((use) => RESTRICTION_ALLOWS.includes(use)),
        );
        const allowed = asked.every((m) => m.decision.verdicts.get(setup.objector)?.allowed);
        assert.equal(allowed, allowedUse, `${name}: allowed exactly for a use Art. 18(2) allows`);
        assert.ok(file.includes('Sallittu'), `${name}: the other person is in the file`);
        assert.equal(
          file.includes('Rajoitettu'),
          allowed,
          `${name}: in the file exactly when allowed`,
        );
        if (!allowed) {
          assert.ok(
            asked.every(
              (m) => m.decision.verdicts.get(setup.objector)?.reasons[0] === 'restricted',
            ),
            `${name}: the restriction is the reason`,
          );
        }
      }
    });
  },
  { clock },
);
