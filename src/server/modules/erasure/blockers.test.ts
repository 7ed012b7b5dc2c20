import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLOCKER_RULES, findBlockers, planErasure, type ErasureFacts } from './blockers.ts';

const facts = (over: Partial<ErasureFacts> = {}): ErasureFacts => ({
  today: '2026-11-25',
  invoices: [],
  orders: [],
  socialClients: [],
  pendingRequests: [],
  legalHolds: [],
  paperDocuments: [],
  settings: { accountingRetentionYears: 6, socialRecordsRetentionYears: 12 },
  ...over,
});
const codes = (f: ErasureFacts) => findBlockers(f).map((b) => b.code);

test('nothing blocks a person with nothing kept: a full erasure', () => {
  assert.deepEqual(planErasure(findBlockers(facts())), { outcome: 'full', blockers: [] });
});

test('every rule has a reason in Finnish, Swedish and English', () => {
  const everything = facts({
    invoices: [
      {
        number: 1,
        kind: 'invoice',
        status: 'in_collection',
        invoiceDate: '2026-01-02',
        dueDate: '2026-02-01',
      },
      {
        number: 2,
        kind: 'invoice',
        status: 'paid',
        invoiceDate: '2026-01-02',
        dueDate: '2026-02-01',
      },
    ],
    orders: [
      { number: 7, status: 'confirmed', invoiced: false, deliveredOn: null, retainUntil: null },
    ],
    socialClients: [{ startsOn: '2020-01-01', endsOn: null }],
    pendingRequests: [{ number: 3, type: 'access', status: 'received' }],
    legalHolds: [
      { reason: 'Oikeudenkäynti', fromOn: '2026-01-01', untilOn: null, released: false },
    ],
    paperDocuments: [{ description: 'Hakemus', location: 'Arkisto A', destroyOn: '2027-01-01' }],
  });
  const blockers = findBlockers(everything);
  assert.equal(blockers.length, 7);
  for (const blocker of blockers) {
    for (const language of ['fi', 'sv', 'en'] as const) {
      assert.ok(blocker.reasons[language].length > 20, `${blocker.code} ${language}`);
    }
  }
  assert.match(blockers[0]?.reasons.fi ?? '', /Perinnässä: 1/);
  assert.equal(planErasure(blockers).outcome, 'refused');
  assert.equal(BLOCKER_RULES.length, 8);
});

test('overdue and in-collection invoices block everything until settled; a credit note does not', () => {
  const overdue = facts({
    invoices: [
      {
        number: 5,
        kind: 'invoice',
        status: 'open',
        invoiceDate: '2026-09-01',
        dueDate: '2026-10-01',
      },
      {
        number: 6,
        kind: 'credit_note',
        status: 'open',
        invoiceDate: '2026-09-01',
        dueDate: '2026-10-01',
      },
    ],
  });
  const [blocker] = findBlockers(overdue);
  assert.equal(blocker?.code, 'erasure.openInvoices');
  assert.equal(blocker?.until, null);
  assert.match(blocker?.reasons.en ?? '', /unpaid invoices \(5\)\. Overdue: 5\./);
});

test('accounting records are kept to the end of the financial year plus the retention years', () => {
  const paid = facts({
    invoices: [
      {
        number: 1,
        kind: 'invoice',
        status: 'paid',
        invoiceDate: '2024-12-31',
        dueDate: '2025-01-14',
      },
      {
        number: 2,
        kind: 'invoice',
        status: 'paid',
        invoiceDate: '2019-05-01',
        dueDate: '2019-05-15',
      },
    ],
    orders: [
      {
        number: 9,
        status: 'delivered',
        invoiced: true,
        deliveredOn: '2024-12-20',
        retainUntil: null,
      },
    ],
  });
  const plan = planErasure(findBlockers(paid));
  assert.equal(plan.outcome, 'partial');
  if (plan.outcome !== 'partial') return;
  assert.deepEqual(
    plan.kept.map((k) => [k.part, k.until]),
    [['accounting', '2030-12-31']],
  );
  assert.equal(plan.finishOn, '2031-01-01');
  assert.match(plan.kept[0]?.reasons.fi ?? '', /laskut 1, tilaukset 9/);
  // 2019 + 6 = 2025: already over.
  assert.doesNotMatch(plan.kept[0]?.reasons.fi ?? '', /laskut 1, 2/);
});

test('social-services records: 12 years from the end of the relationship; an ongoing one blocks', () => {
  assert.deepEqual(codes(facts({ socialClients: [{ startsOn: '2020-01-01', endsOn: null }] })), [
    'erasure.socialServicesOngoing',
  ]);
  assert.deepEqual(
    codes(facts({ socialClients: [{ startsOn: '2000-01-01', endsOn: '2012-06-30' }] })),
    [],
    'ended in 2012: kept to 2024, over',
  );
  const kept = findBlockers(
    facts({ socialClients: [{ startsOn: '2000-01-01', endsOn: '2020-02-29' }] }),
  );
  assert.deepEqual(
    kept.map((b) => [b.code, b.blocks, b.until]),
    [['erasure.socialServicesRetention', 'socialServices', '2032-02-29']],
  );
  const both = planErasure(
    findBlockers(
      facts({
        socialClients: [{ startsOn: '2000-01-01', endsOn: '2020-02-29' }],
        invoices: [
          {
            number: 1,
            kind: 'invoice',
            status: 'paid',
            invoiceDate: '2024-03-01',
            dueDate: '2024-03-15',
          },
        ],
      }),
    ),
  );
  assert.equal(
    both.outcome === 'partial' && both.finishOn,
    '2031-01-01',
    'each part on its own day',
  );
});

test('a legal hold blocks from its first day to its last, unless released', () => {
  const hold = (over: object) =>
    codes(
      facts({
        legalHolds: [
          { reason: 'x', fromOn: '2026-11-01', untilOn: '2026-12-31', released: false, ...over },
        ],
      }),
    );
  assert.deepEqual(hold({}), ['erasure.legalHold']);
  assert.deepEqual(hold({ released: true }), []);
  assert.deepEqual(hold({ fromOn: '2026-12-01' }), []);
  assert.deepEqual(hold({ untilOn: '2026-11-24' }), []);
  assert.deepEqual(hold({ untilOn: '2026-11-25' }), ['erasure.legalHold']);
});

test('a paper document not yet destroyed blocks everything, naming where it is kept', () => {
  const blockers = findBlockers(
    facts({
      paperDocuments: [
        {
          description: 'Application',
          location: 'Archive room B, cabinet 4',
          destroyOn: '2027-01-31',
        },
      ],
    }),
  );
  assert.deepEqual(
    blockers.map((b) => [b.code, b.blocks]),
    [['erasure.paperDocuments', 'everything']],
  );
  assert.match(blockers[0]?.reasons.en ?? '', /Archive room B, cabinet 4/);
  assert.equal(planErasure(blockers).outcome, 'refused');
});
