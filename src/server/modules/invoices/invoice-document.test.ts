import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { code128cBars, code128cSymbols } from './code128.ts';
import { exposedStatus, vatSummaryOf } from './invoice-document.ts';
import { organizationRecipient, personRecipient } from './invoice-recipient.ts';
import type { InvoiceLineRow } from './invoices.queries.ts';

/** Requirements §10's example, decoded from a rendered invoice with zbarimg when it was written. */
const EXAMPLE = '437159030000007760000122500000000000000000011112161221';

test('Code 128 C: start C, 27 pairs, the mod-103 check, stop; 332 modules for 54 digits', () => {
  const symbols = code128cSymbols(EXAMPLE);
  assert.equal(symbols.length, 30);
  assert.equal(symbols[0], 105);
  assert.equal(symbols[1], 43);
  assert.equal(symbols.at(-2), 76);
  assert.equal(symbols.at(-1), 106);
  assert.equal(code128cBars(EXAMPLE).modules, 332);
  assert.throws(() => code128cSymbols('123'));
  fc.assert(
    fc.property(fc.stringMatching(/^(\d\d){1,30}$/), (digits) => {
      const { bars, modules } = code128cBars(digits);
      assert.equal(modules, 11 * (digits.length / 2 + 2) + 13);
      // Three bars a symbol, four in the stop; bars never touch.
      assert.equal(bars.length, 3 * (digits.length / 2 + 2) + 4);
      for (let i = 1; i < bars.length; i++) {
        const [start = 0] = bars[i] ?? [];
        const [previous = 0, width = 0] = bars[i - 1] ?? [];
        assert.ok(start > previous + width - 1e-9);
      }
    }),
  );
});

test('overdue: an open invoice after its due date, as a Helsinki calendar day', () => {
  const invoice = { status: 'open', kind: 'invoice', dueDate: '2026-12-09' } as const;
  // 23:59 on the due date in Helsinki is 21:59 UTC in winter.
  assert.equal(exposedStatus(invoice, new Date('2026-12-09T21:59:00Z')), 'open');
  assert.equal(exposedStatus(invoice, new Date('2026-12-09T22:00:00Z')), 'overdue');
  for (const status of ['paid', 'in_collection', 'credited'] as const) {
    assert.equal(exposedStatus({ ...invoice, status }, new Date('2027-06-01T00:00:00Z')), status);
  }
  assert.equal(
    exposedStatus({ ...invoice, kind: 'credit_note' }, new Date('2027-06-01T00:00:00Z')),
    'open',
  );
});

test('the VAT summary adds up each rate, highest first, and matches the totals', () => {
  const line = (vatRateBasisPoints: number, netCents: number, vatCents: number) =>
    ({
      vatRateBasisPoints,
      netCents,
      vatCents,
      totalCents: netCents + vatCents,
    }) as InvoiceLineRow;
  const summary = vatSummaryOf([line(1400, 1000, 140), line(2550, 2000, 510), line(1400, 1, 0)]);
  assert.deepEqual(summary, [
    { vatRateBasisPoints: 2550, netCents: 2000, vatCents: 510, totalCents: 2510 },
    { vatRateBasisPoints: 1400, netCents: 1001, vatCents: 140, totalCents: 1141 },
  ]);
});

test("a person's recipient: billing, else contact, else permanent address; none under protection", () => {
  const address = (street: string) => ({
    street,
    postalCode: '70100',
    postOffice: 'Kuopio',
    country: 'FI',
  });
  const person = {
    id: '00000000-0000-4000-8000-000000000001',
    firstName: 'Sanna',
    lastName: 'Svensson',
    permanentAddress: address('Vakituinen 1'),
    contactAddress: address('Yhteys 2'),
    language: 'sv',
    billing: {
      billingAddress: address('Lasku 3'),
      eInvoiceAddress: 'FI3715903000000776',
      eInvoiceIntermediator: null,
      ovt: null,
    },
    addressProtectionActive: false,
    addressProtectionEndsOn: null,
  };
  const now = new Date('2026-11-25T10:00:00Z');
  const recipient = personRecipient(person, now);
  assert.equal(recipient.name, 'Sanna Svensson');
  assert.equal(recipient.address?.street, 'Lasku 3');
  assert.equal(recipient.language, 'sv');
  assert.equal(recipient.eInvoiceAddress, null, 'an e-invoice address without its intermediator');
  assert.equal(personRecipient({ ...person, billing: null }, now).address?.street, 'Yhteys 2');
  assert.equal(
    personRecipient({ ...person, billing: null, contactAddress: null }, now).address?.street,
    'Vakituinen 1',
  );
  const hidden = personRecipient({ ...person, addressProtectionActive: true }, now);
  assert.equal(hidden.address, null);
  assert.equal(hidden.addressProtected, true);
  const ended = personRecipient(
    { ...person, addressProtectionActive: true, addressProtectionEndsOn: '2026-11-24' },
    now,
  );
  assert.equal(ended.address?.street, 'Lasku 3', 'a protection that has ended');
  assert.equal(personRecipient({ ...person, language: 'de' }, now).language, 'fi');

  const organization = organizationRecipient({
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Osakeyhtiö Oy',
    businessId: '0201551-3',
    postalAddress: address('Posti 4'),
    billing: {
      billingAddress: null,
      eInvoiceAddress: '003702015513',
      eInvoiceIntermediator: 'NDEAFIHH',
      ovt: null,
    },
  });
  assert.equal(organization.address?.street, 'Posti 4');
  assert.equal(organization.language, 'fi');
  assert.equal(organization.eInvoiceIntermediator, 'NDEAFIHH');
});
