import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rfFromNational } from '../../finnish/rf-reference.ts';
import { finvoiceXml } from './finvoice.ts';
import type { FinvoiceInvoice, FinvoiceLine } from './finvoice.ts';

type Element = {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
};

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** `&name;`, `&#NN;` or `&#xHH;` → the character, or undefined for anything else. */
function entity(body: string): string | undefined {
  const named = ENTITIES.get(body);
  if (named !== undefined) return named;
  const hex = body.startsWith('#x');
  const digits = body.slice(hex ? 2 : 1);
  if (!body.startsWith('#') || digits === '') return undefined;
  const allowed = hex ? '0123456789abcdefABCDEF' : '0123456789';
  if ([...digits].some((d) => !allowed.includes(d))) return undefined;
  return String.fromCodePoint(Number.parseInt(digits, hex ? 16 : 10));
}

const isNameChar = (ch: string): boolean =>
  (ch >= 'a' && ch <= 'z') ||
  (ch >= 'A' && ch <= 'Z') ||
  (ch >= '0' && ch <= '9') ||
  ch === ':' ||
  ch === '_' ||
  ch === '-' ||
  ch === '.';

/**
 * A small strict XML reader for the subset Finvoice uses: one declaration, elements,
 * attributes in double quotes, text with the five predefined entities. Anything else —
 * an unbalanced tag, a raw < or & in text, an unknown entity, a second root — throws.
 */
function parseXml(xml: string): Element {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${i}: ${why}`);
  };
  const expect = (s: string) => {
    if (!xml.startsWith(s, i)) fail(`expected ${s}`);
    i += s.length;
  };
  const skipSpace = () => {
    while (xml[i] === ' ' || xml[i] === '\n' || xml[i] === '\t' || xml[i] === '\r') i++;
  };
  const name = (): string => {
    const start = i;
    while (i < xml.length && isNameChar(xml.charAt(i))) i++;
    if (i === start) fail('expected a name');
    return xml.slice(start, i);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let j = 0; j < raw.length; j++) {
      const ch = raw.charAt(j);
      if (ch === '<') fail('raw < in text');
      if (ch !== '&') {
        out += ch;
        continue;
      }
      const end = raw.indexOf(';', j);
      const decoded = end === -1 ? undefined : entity(raw.slice(j + 1, end));
      if (decoded === undefined) fail(`unknown entity in "${raw}"`);
      out += decoded;
      j = end;
    }
    return out;
  };
  const element = (): Element => {
    expect('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      const key = name();
      if (key in attributes) fail(`attribute ${key} twice`);
      expect('="');
      const end = xml.indexOf('"', i);
      if (end === -1) fail('unterminated attribute');
      attributes[key] = decode(xml.slice(i, end));
      i = end + 1;
    }
    if (xml.startsWith('/>', i)) {
      i += 2;
      return { name: tag, attributes, children: [], text: '' };
    }
    expect('>');
    const children: Element[] = [];
    let text = '';
    for (;;) {
      if (i >= xml.length) fail(`<${tag}> is never closed`);
      if (xml.startsWith('</', i)) {
        i += 2;
        if (name() !== tag) fail(`</…> does not close <${tag}>`);
        skipSpace();
        expect('>');
        return { name: tag, attributes, children, text: children.length > 0 ? '' : text };
      }
      if (xml[i] === '<') {
        if (text.trim() !== '') fail('mixed content');
        children.push(element());
        text = '';
        continue;
      }
      const next = xml.indexOf('<', i);
      text += decode(xml.slice(i, next === -1 ? xml.length : next));
      i = next === -1 ? xml.length : next;
    }
  };
  expect('<?xml version="1.0" encoding="UTF-8"?>');
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

function all(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (e: Element) => {
    if (e.name === name) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

function one(root: Element, name: string): Element {
  const found = all(root, name);
  assert.equal(found.length, 1, `exactly one <${name}>`);
  return found[0] as Element;
}

const textOf = (root: Element, name: string): string => one(root, name).text;

function line(overrides: Partial<FinvoiceLine> = {}): FinvoiceLine {
  return {
    description: 'Kotihoidon käynti',
    quantity: '2.000',
    unit: 'kpl',
    unitPriceCents: 1000,
    vatRateBasisPoints: 2550,
    netCents: 2000,
    vatCents: 510,
    totalCents: 2510,
    ...overrides,
  };
}

function sample(
  lines: FinvoiceLine[] = [line()],
  overrides: Partial<FinvoiceInvoice['invoice']> = {},
): FinvoiceInvoice {
  const sum = (key: 'netCents' | 'vatCents' | 'totalCents') =>
    lines.reduce((acc, l) => acc + l[key], 0);
  return {
    seller: {
      name: 'Esimerkkilän kunta',
      businessId: '0201551-3',
      address: {
        street: 'Kunnantie 1',
        postalCode: '00100',
        postOffice: 'Helsinki',
        country: 'FI',
      },
      iban: 'FI37 1590 3000 0007 76',
      bic: 'NDEAFIHH',
    },
    buyer: {
      name: 'Asiakas Oy',
      businessId: '0112038-9',
      address: { street: 'Asiakaskatu 2', postalCode: '00200', postOffice: 'Espoo', country: 'fi' },
      eInvoiceAddress: '003701120389',
      intermediator: '003723327487',
    },
    invoice: {
      kind: 'invoice',
      number: 1001,
      invoiceDate: '2026-03-02',
      dueDate: '2026-03-16',
      reference: '10016',
      referenceKind: 'national',
      lines,
      netCents: sum('netCents'),
      vatCents: sum('vatCents'),
      totalCents: sum('totalCents'),
      messageId: 'rekisteri-1001',
      timestamp: new Date('2026-03-02T08:30:00.123Z'),
      ...overrides,
    },
  };
}

describe('finvoiceXml: the message', () => {
  test('is well-formed UTF-8 XML with the Finvoice 3.0 root', () => {
    const xml = finvoiceXml(sample());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Finvoice '));
    const root = parseXml(xml);
    assert.equal(root.name, 'Finvoice');
    assert.equal(root.attributes.Version, '3.0');
    assert.equal(root.attributes['xsi:noNamespaceSchemaLocation'], 'Finvoice3.0.xsd');
  });

  test('the reader in this test refuses what is not well-formed', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>x & y</a>',
      '<a>1 < 2</a>',
      '<a></a><b></b>',
      '<a>&x;</a>',
    ]) {
      assert.throws(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${bad}`), bad);
    }
  });

  test('is deterministic: the same input gives the same text', () => {
    assert.equal(finvoiceXml(sample()), finvoiceXml(structuredClone(sample())));
  });

  test('the top-level elements in the order of the schema', () => {
    const root = parseXml(finvoiceXml(sample([line(), line({ description: 'Toinen' })])));
    assert.deepEqual(
      root.children.map((c) => c.name),
      [
        'MessageTransmissionDetails',
        'SellerPartyDetails',
        'SellerOrganisationUnitNumber',
        'SellerInformationDetails',
        'BuyerPartyDetails',
        'BuyerOrganisationUnitNumber',
        'InvoiceDetails',
        'PaymentStatusDetails',
        'InvoiceRow',
        'InvoiceRow',
        'EpiDetails',
      ],
    );
    assert.deepEqual(
      all(root, 'InvoiceRow')[0]?.children.map((c) => c.name),
      [
        'ArticleName',
        'DeliveredQuantity',
        'InvoicedQuantity',
        'UnitPriceAmount',
        'RowVatRatePercent',
        'RowVatCode',
        'RowVatAmount',
        'RowVatExcludedAmount',
        'RowAmount',
      ],
    );
  });

  test('transmission details: the buyer’s address and operator, the message id and time', () => {
    const root = parseXml(finvoiceXml(sample()));
    assert.equal(textOf(root, 'ToIdentifier'), '003701120389');
    assert.equal(textOf(root, 'ToIntermediator'), '003723327487');
    assert.equal(textOf(root, 'MessageIdentifier'), 'rekisteri-1001');
    assert.equal(textOf(root, 'MessageTimeStamp'), '2026-03-02T08:30:00Z');
  });

  test('the seller sends from its OVT code through its bank unless its own are given', () => {
    const byDefault = parseXml(finvoiceXml(sample()));
    assert.equal(textOf(byDefault, 'FromIdentifier'), '003702015513');
    assert.equal(textOf(byDefault, 'FromIntermediator'), 'NDEAFIHH');
    assert.equal(textOf(byDefault, 'SellerOrganisationUnitNumber'), '003702015513');
    assert.equal(textOf(byDefault, 'SellerOrganisationTaxCode'), 'FI02015513');
    const message = sample();
    message.seller.eInvoiceAddress = '003702015513100';
    message.seller.intermediator = '003721291126';
    const given = parseXml(finvoiceXml(message));
    assert.equal(textOf(given, 'FromIdentifier'), '003702015513100');
    assert.equal(textOf(given, 'FromIntermediator'), '003721291126');
    message.seller.eInvoiceAddress = null;
    message.seller.intermediator = null;
    assert.equal(textOf(parseXml(finvoiceXml(message)), 'FromIdentifier'), '003702015513');
  });

  test('seller and buyer: identifiers, names, addresses, account', () => {
    const root = parseXml(finvoiceXml(sample()));
    assert.equal(textOf(root, 'SellerPartyIdentifier'), '0201551-3');
    assert.equal(textOf(root, 'SellerOrganisationName'), 'Esimerkkilän kunta');
    assert.equal(textOf(root, 'SellerTownName'), 'Helsinki');
    const account = one(root, 'SellerAccountID');
    assert.equal(account.text, 'FI3715903000000776');
    assert.equal(account.attributes.IdentificationSchemeName, 'IBAN');
    assert.equal(textOf(root, 'SellerBic'), 'NDEAFIHH');
    assert.equal(textOf(root, 'BuyerPartyIdentifier'), '0112038-9');
    assert.equal(textOf(root, 'BuyerPostCodeIdentifier'), '00200');
    assert.deepEqual(
      all(root, 'CountryCode').map((c) => c.text),
      ['FI', 'FI'],
    );
    assert.equal(textOf(root, 'EpiAccountID'), 'FI3715903000000776');
    assert.equal(textOf(root, 'EpiBei'), '0201551-3');
  });

  test('a buyer without business ID or address: the elements are left out', () => {
    const message = sample();
    message.buyer.businessId = null;
    message.buyer.address = null;
    const root = parseXml(finvoiceXml(message));
    assert.deepEqual(all(root, 'BuyerPartyIdentifier'), []);
    assert.deepEqual(all(root, 'BuyerPostalAddressDetails'), []);
    assert.deepEqual(
      one(root, 'BuyerPartyDetails').children.map((c) => c.name),
      ['BuyerOrganisationName'],
    );
  });

  test('dates as CCYYMMDD', () => {
    const root = parseXml(finvoiceXml(sample()));
    const invoiceDate = one(root, 'InvoiceDate');
    assert.equal(invoiceDate.text, '20260302');
    assert.equal(invoiceDate.attributes.Format, 'CCYYMMDD');
    assert.equal(textOf(root, 'InvoiceDueDate'), '20260316');
    assert.equal(textOf(root, 'EpiDate'), '20260302');
    assert.equal(textOf(root, 'EpiDateOptionDate'), '20260316');
  });
});

describe('finvoiceXml: escaping', () => {
  const hostile = `Matti "Matt" <script>alert('x')</script> & Co`;

  test('a hostile name, description, unit and message id are escaped and read back intact', () => {
    const message = sample([line({ description: hostile, unit: `"><x y='` })]);
    message.buyer.name = hostile;
    message.seller.name = hostile;
    message.invoice.messageId = `id"&'<>`;
    const xml = finvoiceXml(message);
    assert.ok(!xml.includes('<script>'));
    assert.ok(
      xml.includes(
        'Matti &quot;Matt&quot; &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; Co',
      ),
    );
    const root = parseXml(xml);
    assert.equal(textOf(root, 'BuyerOrganisationName'), hostile);
    assert.equal(textOf(root, 'SellerOrganisationName'), hostile);
    assert.equal(textOf(root, 'ArticleName'), hostile);
    assert.equal(one(root, 'DeliveredQuantity').attributes.QuantityUnitCode, `"><x y='`);
    assert.equal(textOf(root, 'MessageIdentifier'), `id"&'<>`);
  });

  test('characters XML cannot carry are dropped; other Unicode is kept', () => {
    const message = sample();
    message.buyer.name = 'Ä\u0000b\u0007c\u001Fd\uFFFEe\uD800f 🙂 ∑';
    const root = parseXml(finvoiceXml(message));
    assert.equal(textOf(root, 'BuyerOrganisationName'), 'Äbcdef 🙂 ∑');
  });

  test('a carriage return, and a newline or tab in an attribute, survive a reader as references', () => {
    const message = sample([line({ unit: 'a\tb\nc' })]);
    message.buyer.name = 'rivi 1\r\nrivi 2';
    const xml = finvoiceXml(message);
    assert.ok(xml.includes('rivi 1&#xD;\nrivi 2'));
    assert.ok(xml.includes('QuantityUnitCode="a&#x9;b&#xA;c"'));
    const root = parseXml(xml);
    assert.equal(textOf(root, 'BuyerOrganisationName'), 'rivi 1\r\nrivi 2');
    assert.equal(one(root, 'DeliveredQuantity').attributes.QuantityUnitCode, 'a\tb\nc');
  });

  test('the beneficiary name of the payment is cut to 35 characters', () => {
    const message = sample();
    message.seller.name = 'Pohjois-Esimerkkilän kuntayhtymän sosiaali- ja terveyspalvelut';
    const root = parseXml(finvoiceXml(message));
    assert.equal(textOf(root, 'EpiNameAddressDetails'), message.seller.name.slice(0, 35));
    assert.equal(textOf(root, 'SellerOrganisationName'), message.seller.name);
  });
});

describe('finvoiceXml: amounts', () => {
  test('Finnish decimals with a comma and two decimals', () => {
    const lines = [
      line({ unitPriceCents: 5, quantity: '1', netCents: 5, vatCents: 1, totalCents: 6 }),
      line({
        unitPriceCents: 100000,
        quantity: '1.5',
        netCents: 150000,
        vatCents: 38250,
        totalCents: 188250,
      }),
    ];
    const root = parseXml(finvoiceXml(sample(lines)));
    const [first, second] = all(root, 'InvoiceRow');
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(textOf(first, 'UnitPriceAmount'), '0,05');
    assert.equal(textOf(first, 'RowAmount'), '0,06');
    assert.equal(textOf(first, 'DeliveredQuantity'), '1');
    assert.equal(textOf(second, 'UnitPriceAmount'), '1000,00');
    assert.equal(textOf(second, 'DeliveredQuantity'), '1,5');
    assert.equal(textOf(second, 'RowVatAmount'), '382,50');
    const total = one(root, 'InvoiceTotalVatIncludedAmount');
    assert.equal(total.text, '1882,56');
    assert.equal(total.attributes.AmountCurrencyIdentifier, 'EUR');
    assert.equal(textOf(root, 'InvoiceTotalVatExcludedAmount'), '1500,05');
    assert.equal(textOf(root, 'InvoiceTotalVatAmount'), '382,51');
    assert.equal(textOf(root, 'EpiInstructedAmount'), '1882,56');
    for (const e of all(root, 'RowAmount').concat(all(root, 'VatBaseAmount'))) {
      assert.match(e.text, /^-?\d+,\d{2}$/);
    }
  });

  test('VAT rates as Finnish percentages: 25,5 · 14 · 13,5 · 10 · 0', () => {
    const rates = [2550, 1400, 1350, 1000, 0];
    const lines = rates.map((vatRateBasisPoints) =>
      line({ vatRateBasisPoints, netCents: 100, vatCents: 0, totalCents: 100 }),
    );
    const root = parseXml(finvoiceXml(sample(lines)));
    assert.deepEqual(
      all(root, 'RowVatRatePercent').map((e) => e.text),
      ['25,5', '14', '13,5', '10', '0'],
    );
  });

  test('a credit note: INV02, the credited invoice named, and its amounts negative', () => {
    const lines = [line({ netCents: -2000, vatCents: -510, totalCents: -2510, quantity: '-2' })];
    const xml = finvoiceXml(
      sample(lines, { kind: 'credit_note', number: 1002, originalInvoiceNumber: 1001 }),
    );
    const root = parseXml(xml);
    assert.equal(textOf(root, 'InvoiceTypeCode'), 'INV02');
    assert.equal(textOf(root, 'OriginalInvoiceNumber'), '1001');
    // The schema's order: the original invoice's number follows the invoice's date.
    assert.ok(xml.indexOf('</InvoiceDate>') < xml.indexOf('<OriginalInvoiceNumber>'));
    assert.ok(
      xml.indexOf('<OriginalInvoiceNumber>') < xml.indexOf('<InvoiceTotalVatExcludedAmount'),
    );
    assert.equal(textOf(root, 'InvoiceTypeCodeUN'), '381');
    assert.equal(textOf(root, 'InvoiceTypeText'), 'HYVITYSLASKU');
    assert.equal(textOf(root, 'InvoiceTotalVatIncludedAmount'), '-25,10');
    assert.equal(textOf(root, 'RowVatAmount'), '-5,10');
    assert.equal(textOf(root, 'DeliveredQuantity'), '-2');
    assert.equal(textOf(root, 'EpiInstructedAmount'), '-25,10');
  });

  test('an invoice: INV01', () => {
    const root = parseXml(finvoiceXml(sample()));
    assert.equal(textOf(root, 'InvoiceTypeCode'), 'INV01');
    assert.equal(textOf(root, 'InvoiceTypeCodeUN'), '380');
    assert.equal(textOf(root, 'InvoiceTypeText'), 'LASKU');
    assert.equal(textOf(root, 'InvoiceNumber'), '1001');
    assert.equal(textOf(root, 'PaymentStatusCode'), 'NOTPAID');
    assert.equal(all(root, 'OriginalInvoiceNumber').length, 0);
  });
});

describe('finvoiceXml: the VAT specification', () => {
  test('one entry per rate, highest first, with its base and VAT', () => {
    const lines = [
      line({ vatRateBasisPoints: 1400, netCents: 1000, vatCents: 140, totalCents: 1140 }),
      line({ vatRateBasisPoints: 2550, netCents: 2000, vatCents: 510, totalCents: 2510 }),
      line({ vatRateBasisPoints: 0, netCents: 700, vatCents: 0, totalCents: 700 }),
      line({ vatRateBasisPoints: 2550, netCents: 333, vatCents: 85, totalCents: 418 }),
    ];
    const root = parseXml(finvoiceXml(sample(lines)));
    const specs = all(root, 'VatSpecificationDetails').map((s) => ({
      base: textOf(s, 'VatBaseAmount'),
      rate: textOf(s, 'VatRatePercent'),
      code: all(s, 'VatCode').map((c) => c.text),
      vat: textOf(s, 'VatRateAmount'),
    }));
    assert.deepEqual(specs, [
      { base: '23,33', rate: '25,5', code: ['S'], vat: '5,95' },
      { base: '10,00', rate: '14', code: ['S'], vat: '1,40' },
      { base: '7,00', rate: '0', code: [], vat: '0,00' },
    ]);
    assert.deepEqual(
      all(root, 'RowVatCode').map((c) => c.text),
      ['S', 'S', 'S'],
    );
  });

  test('comes inside InvoiceDetails after the totals and before the payment terms', () => {
    const details = one(parseXml(finvoiceXml(sample())), 'InvoiceDetails');
    const names = details.children.map((c) => c.name);
    assert.deepEqual(names.slice(-3), [
      'InvoiceTotalVatIncludedAmount',
      'VatSpecificationDetails',
      'PaymentTermsDetails',
    ]);
  });
});

describe('finvoiceXml: the payment reference', () => {
  test('a national reference: scheme SPY, normalised', () => {
    const root = parseXml(finvoiceXml(sample(undefined, { reference: '00 10016' })));
    const ref = one(root, 'EpiRemittanceInfoIdentifier');
    assert.equal(ref.attributes.IdentificationSchemeName, 'SPY');
    assert.equal(ref.text, '10016');
  });

  test('an RF reference: scheme ISO, normalised', () => {
    const rf = rfFromNational('10016');
    const spaced = `${rf.slice(0, 4).toLowerCase()} ${rf.slice(4)}`;
    const root = parseXml(
      finvoiceXml(sample(undefined, { reference: spaced, referenceKind: 'rf' })),
    );
    const ref = one(root, 'EpiRemittanceInfoIdentifier');
    assert.equal(ref.attributes.IdentificationSchemeName, 'ISO');
    assert.equal(ref.text, rf);
  });

  test('a reference that is not of its kind is refused', () => {
    assert.throws(
      () => finvoiceXml(sample(undefined, { reference: 'RF9811112', referenceKind: 'national' })),
      /not a valid national reference/,
    );
    assert.throws(
      () => finvoiceXml(sample(undefined, { reference: '10016', referenceKind: 'rf' })),
      /not a valid rf reference/,
    );
    assert.throws(() => finvoiceXml(sample(undefined, { reference: '10017' })), /national/);
  });
});

describe('finvoiceXml: refuses a message the operator would refuse', () => {
  test('totals that do not add up', () => {
    assert.throws(() => finvoiceXml(sample([line()], { totalCents: 2511 })), /total/);
    assert.throws(
      () => finvoiceXml(sample([line()], { netCents: 2001, totalCents: 2511 })),
      /lines/,
    );
    assert.throws(() => finvoiceXml(sample([line({ totalCents: 2511 })])), /line 1/);
    assert.throws(() => finvoiceXml(sample([])), /at least one line/);
    assert.throws(
      () => finvoiceXml(sample([line({ netCents: 20.5, totalCents: 2510.5 })])),
      /whole number/,
    );
  });

  test('a total of the wrong sign for its kind', () => {
    const negative = [line({ netCents: -2000, vatCents: -510, totalCents: -2510 })];
    assert.throws(() => finvoiceXml(sample(negative)), /credit note/);
    assert.throws(() => finvoiceXml(sample([line()], { kind: 'credit_note' })), /credit note/);
  });

  test('malformed dates, quantities, rates, IBAN or timestamp', () => {
    assert.throws(() => finvoiceXml(sample(undefined, { dueDate: '2026-02-30' })), /due date/);
    assert.throws(
      () => finvoiceXml(sample(undefined, { invoiceDate: '2.3.2026' })),
      /invoice date/,
    );
    assert.throws(() => finvoiceXml(sample([line({ quantity: '1,5' })])), /quantity/);
    assert.throws(() => finvoiceXml(sample([line({ quantity: '' })])), /quantity/);
    assert.throws(() => finvoiceXml(sample([line({ vatRateBasisPoints: 25.5 })])), /VAT rate/);
    assert.throws(() => finvoiceXml(sample([line({ vatRateBasisPoints: -1 })])), /VAT rate/);
    const badIban = sample();
    badIban.seller.iban = 'FI38 1590 3000 0007 76';
    assert.throws(() => finvoiceXml(badIban), /IBAN/);
    assert.throws(
      () => finvoiceXml(sample(undefined, { timestamp: new Date('not a date') })),
      /timestamp/,
    );
  });
});

describe('properties', () => {
  const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 });
  const xmlSafe = (s: string) =>
    s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

  test('any text in names and descriptions makes a well-formed message that reads back', () => {
    fc.assert(
      fc.property(text, text, text, (buyerName, description, street) => {
        const message = sample([line({ description })]);
        message.buyer.name = buyerName;
        message.buyer.address = {
          street,
          postalCode: '00100',
          postOffice: 'Helsinki',
          country: 'FI',
        };
        const root = parseXml(finvoiceXml(message));
        assert.equal(textOf(root, 'BuyerOrganisationName'), xmlSafe(buyerName));
        assert.equal(textOf(root, 'ArticleName'), xmlSafe(description));
        assert.equal(textOf(root, 'BuyerStreetName'), xmlSafe(street));
      }),
      { numRuns: 200 },
    );
  });

  test('any amounts that add up are written as Finnish decimals that read back to the cents', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, cents), { minLength: 1, maxLength: 5 }), (pairs) => {
        const lines = pairs.map(([netCents, vatCents]) =>
          line({ netCents, vatCents, totalCents: netCents + vatCents }),
        );
        const root = parseXml(finvoiceXml(sample(lines)));
        const back = (s: string) => Number(s.replace(',', ''));
        all(root, 'InvoiceRow').forEach((r, i) => {
          const [netCents = 0, vatCents = 0] = pairs[i] ?? [];
          assert.match(textOf(r, 'RowAmount'), /^\d+,\d{2}$/);
          assert.equal(back(textOf(r, 'RowVatExcludedAmount')), netCents);
          assert.equal(back(textOf(r, 'RowVatAmount')), vatCents);
        });
        const total = pairs.reduce((acc, [n, v]) => acc + n + v, 0);
        assert.equal(back(textOf(root, 'InvoiceTotalVatIncludedAmount')), total);
      }),
    );
  });
});
