import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ROLES, roleHas } from '../../src/contract/auth/permissions.ts';
import { accessLogEntries, forEachEngineAppPerTest, manualClock, callAs } from '../helpers/app.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const SETTINGS = {
  sellerName: 'Rautavaaran kunta',
  sellerBusinessId: '0201551-3',
  sellerAddress: { street: 'Kunnantie 1', postalCode: '73900', postOffice: 'Rautavaara' },
  iban: 'FI21 1234 5600 0007 85',
  bic: 'ndea fihh',
  eInvoiceAddress: '003702015513',
  eInvoiceIntermediator: '003723327487',
  paymentTermDays: 21,
  referenceFormat: 'rf',
  accountingRetentionYears: 10,
};

const SERVICE = {
  code: 'kotihoito',
  nameFi: 'Kotihoito',
  nameSv: 'Hemvård',
  nameEn: 'Home care',
  unit: 'h',
  unitPrice: '33.33',
  vatRate: 25.5,
};

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

// The settings are one row for the whole register and a service code is unique in it: each test
// has a database of its own, and saves the settings and adds the services it needs.
forEachEngineAppPerTest(
  'billing settings and the service catalogue',
  ({ ctx }) => {
    let admin: string;
    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);

    const saveSettings = async () => {
      const saved = await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
      assert.equal(saved.statusCode, 200, saved.body);
    };
    /** Adds a service to the catalogue (SERVICE unless told) and returns its id. */
    const addService = async (service: object = SERVICE) => {
      const created = await call(admin, 'POST', '/api/services', service);
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id as string;
    };

    beforeEach(async () => {
      admin = await ctx().signIn('admin');
    });

    test('before the first save the settings answer 409 billing.settingsMissing', async () => {
      const missing = await call(admin, 'GET', '/api/billing/settings');
      assert.equal(missing.statusCode, 409, missing.body);
      assert.deepEqual(fieldsOf(missing.json()), [['billingSettings', 'billing.settingsMissing']]);
    });

    test('PUT saves the seller normalised, with who and when; GET reads them back', async () => {
      const saved = await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
      assert.equal(saved.statusCode, 200, saved.body);
      const me = (await call(admin, 'GET', '/api/auth/me')).json();
      assert.deepEqual(saved.json(), {
        ...SETTINGS,
        sellerAddress: { ...SETTINGS.sellerAddress, country: 'FI' },
        iban: 'FI2112345600000785',
        bic: 'NDEAFIHH',
        // Not given: the default (social-services client records, decision 0019).
        socialRecordsRetentionYears: 12,
        updatedAt: '2026-11-25T10:00:00.000Z',
        updatedBy: me.id,
      });
      const read = await call(admin, 'GET', '/api/billing/settings');
      assert.deepEqual(read.json(), saved.json());

      const defaults = await call(admin, 'PUT', '/api/billing/settings', {
        ...SETTINGS,
        eInvoiceAddress: undefined,
        eInvoiceIntermediator: undefined,
        paymentTermDays: undefined,
        referenceFormat: undefined,
        accountingRetentionYears: undefined,
      });
      assert.equal(defaults.statusCode, 200, defaults.body);
      assert.equal(defaults.json().paymentTermDays, 14);
      assert.equal(defaults.json().referenceFormat, 'national');
      assert.equal(defaults.json().accountingRetentionYears, 6);
      assert.equal(defaults.json().eInvoiceAddress, null);
    });

    test('bad settings name the field: business ID, a foreign IBAN, BIC, OVT, term, retention', async () => {
      await saveSettings();
      const cases: [Record<string, unknown>, string, string | undefined][] = [
        [{ sellerBusinessId: '0201551-4' }, 'sellerBusinessId', 'businessId.checkDigit'],
        [{ iban: 'SE4550000000058398257466' }, 'iban', 'iban.notFinnish'],
        [{ iban: 'FI2112345600000786' }, 'iban', undefined],
        [{ bic: 'NDEAFI' }, 'bic', 'bic.format'],
        [{ bic: 'NDEAFIHH12' }, 'bic', 'bic.format'],
        [{ eInvoiceAddress: '0037020155' }, 'eInvoiceAddress', undefined],
        [{ eInvoiceIntermediator: null }, 'eInvoiceIntermediator', 'billing.intermediatorRequired'],
        [{ paymentTermDays: 366 }, 'paymentTermDays', undefined],
        [{ paymentTermDays: -1 }, 'paymentTermDays', undefined],
        [{ paymentTermDays: 1.5 }, 'paymentTermDays', undefined],
        [{ referenceFormat: 'iso' }, 'referenceFormat', undefined],
        [{ accountingRetentionYears: 0 }, 'accountingRetentionYears', undefined],
        [{ accountingRetentionYears: 21 }, 'accountingRetentionYears', undefined],
        [{ socialRecordsRetentionYears: 0 }, 'socialRecordsRetentionYears', undefined],
        [{ socialRecordsRetentionYears: 100 }, 'socialRecordsRetentionYears', undefined],
        [
          { sellerAddress: { street: 'Tie 1', postalCode: '7390', postOffice: 'Rautavaara' } },
          'sellerAddress.postalCode',
          undefined,
        ],
      ];
      for (const [change, field, code] of cases) {
        const response = await call(admin, 'PUT', '/api/billing/settings', {
          ...SETTINGS,
          ...change,
        });
        assert.equal(response.statusCode, 400, `${JSON.stringify(change)}: ${response.body}`);
        const errors = fieldsOf(response.json());
        assert.equal(errors[0]?.[0], field, JSON.stringify(change));
        if (code) assert.equal(errors[0]?.[1], code, JSON.stringify(change));
      }
      const unchanged = await call(admin, 'GET', '/api/billing/settings');
      assert.equal(
        unchanged.json().paymentTermDays,
        SETTINGS.paymentTermDays,
        'nothing bad was stored',
      );
    });

    test('a service is added with its price in euros and VAT in percent, stored as cents and basis points', async () => {
      const created = await call(admin, 'POST', '/api/services', SERVICE);
      assert.equal(created.statusCode, 201, created.body);
      const serviceId = created.json().id;
      assert.deepEqual(created.json(), {
        ...SERVICE,
        id: serviceId,
        unitPrice: '33.33',
        unitPriceCents: 3333,
        vatRate: 25.5,
        vatRateBasisPoints: 2550,
        active: true,
        createdAt: '2026-11-25T10:00:00.000Z',
      });
      const rates: [string | number, number][] = [
        [14, 1400],
        ['13.5', 1350],
        [10, 1000],
        [0, 0],
        ['24,00', 2400],
        [100, 10_000],
      ];
      for (const [vatRate, basisPoints] of rates) {
        const response = await call(admin, 'POST', '/api/services', {
          ...SERVICE,
          code: `alv-${basisPoints}`,
          unitPrice: 19.9,
          vatRate,
        });
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(response.json().vatRateBasisPoints, basisPoints);
        assert.equal(response.json().unitPriceCents, 1990);
        assert.equal(response.json().unitPrice, '19.90');
      }
    });

    test('bad prices and VAT rates are refused with their codes, and nothing is stored', async () => {
      const serviceId = await addService();
      const before = (await call(admin, 'GET', '/api/billing/services')).json().items.length;
      const cases: [Record<string, unknown>, string, string][] = [
        [{ unitPrice: '12.345' }, 'unitPrice', 'price.decimals'],
        [{ unitPrice: 0.1 + 0.2 }, 'unitPrice', 'price.decimals'],
        [{ unitPrice: -1 }, 'unitPrice', 'price.format'],
        [{ unitPrice: '12 €' }, 'unitPrice', 'price.format'],
        [{ unitPrice: '' }, 'unitPrice', 'price.format'],
        [{ unitPrice: '1e3' }, 'unitPrice', 'price.format'],
        [{ unitPrice: 10_000_000.01 }, 'unitPrice', 'price.range'],
        [{ unitPrice: true }, 'unitPrice', 'invalid_union'],
        [{ vatRate: 25.555 }, 'vatRate', 'vatRate.decimals'],
        [{ vatRate: 100.01 }, 'vatRate', 'vatRate.range'],
        [{ vatRate: -10 }, 'vatRate', 'vatRate.format'],
        [{ vatRate: '24 %' }, 'vatRate', 'vatRate.format'],
        [{ code: 'kaksi sanaa' }, 'code', 'invalid_format'],
        [{ nameSv: ' ' }, 'nameSv', 'text.invisible'],
      ];
      for (const [change, field, code] of cases) {
        const response = await call(admin, 'POST', '/api/services', {
          ...SERVICE,
          code: 'uusi',
          ...change,
        });
        assert.equal(response.statusCode, 400, `${JSON.stringify(change)}: ${response.body}`);
        assert.deepEqual(fieldsOf(response.json())[0], [field, code], JSON.stringify(change));
      }
      const patched = await call(admin, 'PATCH', `/api/services/${serviceId}`, {
        unitPrice: '1.001',
      });
      assert.equal(patched.statusCode, 400);
      const duplicate = await call(admin, 'POST', '/api/services', SERVICE);
      assert.equal(duplicate.statusCode, 409);
      assert.deepEqual(fieldsOf(duplicate.json()), [['code', 'service.codeInUse']]);
      assert.equal(duplicate.json().existingId, serviceId);
      const after = (await call(admin, 'GET', '/api/billing/services')).json().items;
      assert.equal(after.length, before);
      assert.equal(after.find((s: { id: string }) => s.id === serviceId).unitPriceCents, 3333);
    });

    test('PATCH changes only what it names; a deactivated service leaves the order form only', async () => {
      const serviceId = await addService();
      await addService({ ...SERVICE, code: 'alv-0', unitPrice: 19.9, vatRate: 0 });
      const changed = await call(admin, 'PATCH', `/api/services/${serviceId}`, {
        unitPrice: '35',
        nameEn: 'Home care service',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().unitPriceCents, 3500);
      assert.equal(changed.json().nameEn, 'Home care service');
      assert.equal(changed.json().nameFi, 'Kotihoito');
      assert.equal(changed.json().vatRateBasisPoints, 2550);
      const nothing = await call(admin, 'PATCH', `/api/services/${serviceId}`, {});
      assert.deepEqual(nothing.json(), changed.json());

      const deactivated = await call(admin, 'PATCH', `/api/services/${serviceId}`, {
        active: false,
      });
      assert.equal(deactivated.json().active, false);
      const clerk = await ctx().signIn('customer_service');
      const form = (await call(clerk, 'GET', '/api/services')).json().items;
      assert.equal(
        form.some((s: { id: string }) => s.id === serviceId),
        false,
      );
      assert.ok(form.length > 0);
      assert.ok(form.every((s: { active: boolean }) => s.active));
      const catalogue = (await call(admin, 'GET', '/api/billing/services')).json().items;
      assert.ok(catalogue.some((s: { id: string }) => s.id === serviceId));
      assert.deepEqual(
        catalogue.map((s: { code: string }) => s.code),
        [...catalogue.map((s: { code: string }) => s.code)].sort(),
        'by code',
      );

      const taken = await call(admin, 'PATCH', `/api/services/${serviceId}`, { code: 'alv-0' });
      assert.equal(taken.statusCode, 409);
      const unknown = await call(admin, 'PATCH', `/api/services/${UNKNOWN_ID}`, { active: true });
      assert.equal(unknown.statusCode, 404);
    });

    test('settings and the catalogue are not personal data: no access-log entries', async () => {
      const serviceId = await addService();
      const before = (await accessLogEntries(ctx())).length;
      await call(admin, 'GET', '/api/billing/settings');
      await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
      await call(admin, 'GET', '/api/billing/services');
      await call(admin, 'POST', '/api/services', { ...SERVICE, code: 'lokiton' });
      await call(admin, 'PATCH', `/api/services/${serviceId}`, { active: true });
      const clerk = await ctx().signIn('billing');
      await call(clerk, 'GET', '/api/services');
      assert.equal((await accessLogEntries(ctx())).length, before);
    });

    test('every role without the permission gets 403, and nothing changes', async () => {
      await saveSettings();
      const serviceId = await addService();
      const routes: [string, 'GET' | 'POST' | 'PATCH' | 'PUT', string, object | undefined][] = [
        ['billing.settings', 'GET', '/api/billing/settings', undefined],
        ['billing.settings', 'PUT', '/api/billing/settings', { ...SETTINGS, sellerName: 'X' }],
        ['billing.settings', 'GET', '/api/billing/services', undefined],
        ['billing.settings', 'POST', '/api/services', { ...SERVICE, code: 'kielletty' }],
        ['billing.settings', 'PATCH', `/api/services/${serviceId}`, { active: false }],
        ['orders.read', 'GET', '/api/services', undefined],
      ];
      let refused = 0;
      for (const role of ROLES) {
        const cookie = await ctx().signIn(role);
        for (const [permission, method, url, payload] of routes) {
          if (roleHas(role, permission as 'orders.read')) continue;
          const response = await call(cookie, method, url, payload);
          assert.equal(response.statusCode, 403, `${role} ${method} ${url}`);
          refused++;
        }
      }
      assert.ok(refused >= 20, `${refused} refusals`);
      const settings = await call(admin, 'GET', '/api/billing/settings');
      assert.equal(settings.json().sellerName, SETTINGS.sellerName);
      const catalogue = (await call(admin, 'GET', '/api/billing/services')).json().items;
      assert.equal(
        catalogue.some((s: { code: string }) => s.code === 'kielletty'),
        false,
      );
      assert.equal(catalogue.find((s: { id: string }) => s.id === serviceId).active, true);
    });
  },
  { clock: manualClock() },
);
