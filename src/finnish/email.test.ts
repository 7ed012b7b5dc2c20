import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EMAIL_ERRORS, parseEmail } from './email.ts';

function codeOf(input: string): string | undefined {
  const r = parseEmail(input);
  return r.ok ? undefined : r.code;
}

describe('parseEmail', () => {
  test('accepts ordinary addresses', () => {
    for (const address of [
      'matti.meikalainen@example.fi',
      'a+tag@sub.kunta.fi',
      "o'brien@example.ie",
      'x@xn--80ak6aa92e.com',
      'info@kaupunki.ålands.ax',
      '1@2.fi',
    ]) {
      assert.deepEqual(parseEmail(address), { ok: true, value: address }, address);
    }
  });

  test('trims and lower-cases the domain only', () => {
    assert.deepEqual(parseEmail('  Matti.Meikalainen@Example.FI '), {
      ok: true,
      value: 'Matti.Meikalainen@example.fi',
    });
  });

  test('one @ and no spaces', () => {
    for (const bad of [
      'matti.example.fi',
      'a@b@example.fi',
      'matti meikalainen@example.fi',
      'matti@exa mple.fi',
    ]) {
      assert.equal(codeOf(bad), 'email.format', bad);
    }
    assert.equal(codeOf(''), 'email.empty');
  });

  test('local part: 1–64 characters of the dot-atom', () => {
    assert.ok(parseEmail(`${'a'.repeat(64)}@example.fi`).ok);
    for (const bad of [
      `${'a'.repeat(65)}@example.fi`,
      '@example.fi',
      '.matti@example.fi',
      'matti.@example.fi',
      'matti..m@example.fi',
      'matti,m@example.fi',
      '"matti"@example.fi',
    ]) {
      assert.equal(codeOf(bad), 'email.localPart', bad);
    }
  });

  test('domain: dot-separated labels and a top-level domain of at least two letters', () => {
    for (const bad of [
      'matti@localhost',
      'matti@example.f',
      'matti@example.123',
      'matti@-example.fi',
      'matti@example-.fi',
      'matti@example..fi',
      'matti@.example.fi',
      'matti@example.fi.',
      'matti@',
      'matti@exa_mple.fi',
    ]) {
      assert.equal(codeOf(bad), 'email.domain', bad);
    }
  });

  test('at most 254 characters in all', () => {
    const label = 'a'.repeat(63);
    const domain = `${label}.${label}.${label}.${'b'.repeat(54)}.fi`;
    assert.equal(domain.length, 249);
    assert.ok(parseEmail(`abcd@${domain}`).ok, '254 characters');
    assert.equal(codeOf(`abcde@${domain}`), 'email.length');
  });

  test('every listed error code is produced by some input', () => {
    const long = `${'a'.repeat(63)}.`.repeat(3) + `${'b'.repeat(57)}.fi`;
    const produced = new Set(['', 'x', '@x.fi', 'x@y', `abcde@${long}`].map(codeOf));
    assert.deepEqual([...produced].sort(), [...EMAIL_ERRORS].sort());
  });
});

describe('properties', () => {
  const local = fc.stringMatching(/^[a-zA-Z0-9_+-]{1,20}(\.[a-zA-Z0-9_+-]{1,10}){0,2}$/);
  const domain = fc.stringMatching(/^([a-zA-Z0-9]{1,10}\.){1,3}[a-zA-Z]{2,6}$/);

  test('the domain is case-insensitive, the local part is kept', () => {
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const r = parseEmail(`${l}@${d.toUpperCase()}`);
        assert.deepEqual(r, { ok: true, value: `${l}@${d.toLowerCase()}` });
      }),
    );
  });

  test('an address with whitespace inside is refused', () => {
    fc.assert(
      fc.property(
        local,
        domain,
        fc.constantFrom(' ', '\t', '\n', '\u00a0'),
        fc.nat(),
        (l, d, ws, n) => {
          const address = `${l}@${d}`;
          const i = 1 + (n % (address.length - 1));
          assert.equal(parseEmail(address.slice(0, i) + ws + address.slice(i)).ok, false);
        },
      ),
    );
  });
});
