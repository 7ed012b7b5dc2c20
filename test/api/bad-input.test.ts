import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROLES, roleHas, type Role } from '../../src/contract/auth/permissions.ts';
import { forEachEngine, json } from '../helpers/app.ts';
import { createMachineClient, withKey } from '../helpers/partner-clients.ts';
import { signInResident } from '../helpers/resident.ts';

/**
 * Bad input to every endpoint gets a 4xx problem+json, never a 5xx, and changes nothing. The list
 * of endpoints comes from the OpenAPI document, so a new endpoint without cases here fails.
 */
type Case = { name: string; request: InjectOptions; status: number; field?: string };

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Endpoint = {
  /** A valid body, so that one wrong field at a time is what the server answers. */
  valid?: Record<string, unknown>;
  /** Field → a value of the right type that is not valid. */
  invalid?: Record<string, unknown>;
  /** A valid query string, so that one wrong parameter at a time is what the server answers. */
  query?: string;
  /** The body is a file (its own media type, the name in the query), not JSON. */
  file?: true;
  /** The body is a file streamed as it is (an import), its profile and name in the query. */
  upload?: true;
  /** A short list with a limit and no pages (a picker's), so no cursor to forge. */
  unpaged?: true;
  /** The body is a data file of any media type (an update file), its settings in the query. */
  dataFile?: true;
};

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /health': {},
  'GET /health/live': {},
  'GET /health/ready': {},
  'POST /api/auth/login': {
    valid: { username: 'someone', password: 'secret' },
    invalid: { username: '' },
  },
  'POST /api/auth/logout': {},
  'GET /api/auth/me': {},
  'POST /api/auth/logout-everywhere': {},
  'POST /api/auth/password': {
    valid: { currentPassword: 'current one', newPassword: 'a new long passphrase' },
    invalid: { newPassword: '', currentPassword: '' },
  },
  'POST /api/auth/totp/setup': {
    valid: { password: 'current one', code: '123456' },
    invalid: { code: '12345', password: '' },
  },
  'POST /api/auth/totp/confirm': { valid: { code: '123456' }, invalid: { code: 'abcdef' } },
  'POST /api/auth/totp/remove': {
    valid: { password: 'current one', code: '123456' },
    invalid: { code: '1234567', password: '' },
  },
  'GET /api/auth/commitment': {},
  'POST /api/auth/commitment/sign': {
    valid: { version: 1, password: 'current one' },
    invalid: { version: 0, password: '' },
  },
  'GET /api/persons': { query: 'q=abcd' },
  'POST /api/persons': {
    valid: { firstName: 'Anna', lastName: 'Korhonen' },
    invalid: {
      personalIdentityCode: '131052-308U',
      email: 'anna@',
      phone: '040 123 abc',
      language: 'de',
      permanentAddress: { street: 'Tie 1', postalCode: '7390', postOffice: 'Rautavaara' },
      billing: { eInvoiceAddress: '0037 0737546 1', eInvoiceIntermediator: 'NDEAFIHH' },
      addressProtection: { active: 'yes' },
      // The text policy (decision 0020): a NUL, a bidi override, no visible character, a lone
      // surrogate, an unknown country.
      firstName: 'An\u0000na',
      lastName: 'Korhonen\u202e',
      notes: '\u200b\u200d',
      organizations: [{ organizationId: UNKNOWN_ID, title: 'Johtaja\ud800' }],
      contactAddress: {
        street: 'Tie 1',
        postalCode: '73900',
        postOffice: 'Rautavaara',
        country: 'XX',
      },
    },
  },
  'GET /api/persons/{id}': {},
  'GET /api/persons/{id}/page': {},
  'PATCH /api/persons/{id}': {
    valid: { notes: 'ok' },
    invalid: {
      personalIdentityCode: '310252-308Y',
      firstName: '',
      source: { kind: 'request', requestId: UNKNOWN_ID },
    },
  },
  'DELETE /api/persons/{id}': {},
  'POST /api/persons/{id}/reveal-identity-code': {
    valid: { purpose: 'Asiakas pyysi' },
    invalid: { purpose: '' },
  },
  'GET /api/organizations': { query: 'q=abcd' },
  'POST /api/organizations': {
    valid: { name: 'Kunnan Kone Oy' },
    invalid: { businessId: '0737546-1', email: 'no-at-sign', phone: '12', name: '\u2066Oy' },
  },
  'GET /api/organizations/{id}': {},
  'PATCH /api/organizations/{id}': {
    valid: { notes: 'ok' },
    invalid: { businessId: '1234567-2', name: '' },
  },
  'DELETE /api/organizations/{id}': {},
  'GET /api/search': { query: 'q=abcd' },
  'GET /api/public/privacy-statement': { query: 'lang=fi', unpaged: true },
  'GET /api/public/accessibility-statement': { query: 'lang=sv', unpaged: true },
  'POST /api/public/accessibility-feedback': {
    valid: { message: 'Kontrasti on heikko.' },
    invalid: { email: 'ei osoite', language: 'de', page: 'x'.repeat(501) },
  },
  'GET /api/resident/config': {},
  'POST /api/resident/sign-in': { valid: { language: 'fi' }, invalid: { language: 'de' } },
  // The identity provider may add parameters of its own (session_state): no query cases.
  'GET /api/resident/callback': {},
  'GET /api/resident/me': {},
  'POST /api/resident/registration': {
    valid: { language: 'fi' },
    invalid: { email: 'ei osoite', phone: '12', language: 'de' },
  },
  'POST /api/resident/sign-out': {},
  // The resident's own pages: the session's resident has not registered, so valid input is 409.
  'GET /api/resident/data': { query: 'lang=sv', unpaged: true },
  'GET /api/resident/processing': { query: 'lang=en', unpaged: true },
  'PATCH /api/resident/contact': {
    valid: { phone: '0401234567' },
    invalid: { email: 'ei osoite', phone: '12', language: 'de' },
  },
  'GET /api/resident/requests': {},
  'POST /api/resident/requests': { valid: { type: 'access' }, invalid: { type: 'delete' } },
  'GET /api/resident/objections': {},
  'POST /api/resident/objections': { valid: { type: 'targeting' }, invalid: { type: 'spam' } },
  'POST /api/resident/objections/{objectionId}/withdraw': {},
  'GET /api/settings/privacy-statement': {},
  'PUT /api/settings/privacy-statement': {
    valid: {
      controller: {
        name: 'Rautavaaran kunta',
        address: { street: 'Koulutie 1', postalCode: '73900', postOffice: 'Rautavaara' },
        email: 'kirjaamo@rautavaara.fi',
      },
      contactPerson: { name: 'Riku Räsänen', email: 'riku.rasanen@rautavaara.fi' },
      registerName: { fi: 'Asiakasrekisteri', sv: 'Kundregister', en: 'Customer register' },
      drawnUpOn: '2018-04-19',
      accessibility: { assessedOn: '2026-11-30' },
    },
    invalid: { drawnUpOn: '2018-02-30', registerName: { fi: '' } },
  },
  'GET /api/settings/accessibility-feedback': { query: 'show=all' },
  'PATCH /api/settings/accessibility-feedback/{id}': {
    valid: { handled: true },
    invalid: { handled: false },
  },
  'GET /api/billing/settings': {},
  'PUT /api/billing/settings': {
    valid: {
      sellerName: 'Rautavaaran kunta',
      sellerBusinessId: '0201551-3',
      sellerAddress: { street: 'Kunnantie 1', postalCode: '73900', postOffice: 'Rautavaara' },
      iban: 'FI2112345600000785',
      bic: 'NDEAFIHH',
    },
    invalid: {
      sellerBusinessId: '0201551-4',
      iban: 'SE4550000000058398257466',
      bic: 'NDEA',
      eInvoiceAddress: '0037020155',
      paymentTermDays: 366,
      referenceFormat: 'iso',
      accountingRetentionYears: 0,
    },
  },
  'GET /api/billing/services': {},
  'GET /api/services': {},
  'POST /api/services': {
    valid: {
      code: 'kotihoito',
      nameFi: 'Kotihoito',
      nameSv: 'Hemvård',
      nameEn: 'Home care',
      unit: 'h',
      unitPrice: '33.33',
      vatRate: 25.5,
    },
    invalid: {
      code: 'kaksi sanaa',
      nameFi: '',
      nameSv: 'Hemv\u0000rd',
      unitPrice: '1000000.01',
      vatRate: 100.5,
    },
  },
  'PATCH /api/services/{id}': {
    valid: { active: false },
    invalid: { unitPrice: -1, vatRate: '25.555', unit: '' },
  },
  'POST /api/orders': {
    valid: { personId: UNKNOWN_ID, lines: [{ serviceId: UNKNOWN_ID, quantity: 1 }] },
    invalid: {
      personId: 'not-a-uuid',
      organizationId: UNKNOWN_ID,
      lines: [{ serviceId: UNKNOWN_ID, quantity: '100000.001' }],
      notes: 'x'.repeat(5001),
    },
  },
  'GET /api/orders/{id}': {},
  'PATCH /api/orders/{id}': {
    valid: { notes: 'ok' },
    invalid: { lines: [], notes: 'x'.repeat(5001) },
  },
  'POST /api/orders/{id}/confirm': { valid: {} },
  'POST /api/orders/{id}/deliver': {
    valid: { deliveredOn: '2026-01-02' },
    invalid: { deliveredOn: '2026-02-30' },
  },
  'POST /api/orders/{id}/cancel': { valid: {} },
  'POST /api/orders/{id}/archive': { valid: {} },
  'GET /api/orders/{id}/history': {},
  'GET /api/orders': { query: 'status=delivered&customer=laskutettava' },
  'GET /api/persons/{id}/orders': { query: 'limit=10' },
  'GET /api/organizations/{id}/orders': { query: 'limit=10' },
  'GET /api/requests': { query: 'status=open' },
  'POST /api/requests': {
    valid: {
      type: 'access',
      personId: UNKNOWN_ID,
      receivedOn: '2026-01-02',
      channel: 'letter',
      language: 'fi',
    },
    invalid: {
      type: 'deletion',
      personId: 'not-a-uuid',
      receivedOn: '2026-02-30',
      channel: 'fax',
      language: 'de',
      assigneeId: '123',
    },
  },
  'GET /api/requests/{id}': {},
  'PATCH /api/requests/{id}': { valid: { assigneeId: null }, invalid: { assigneeId: 'someone' } },
  'POST /api/requests/{id}/identity': {
    valid: { method: 'in_person', verifiedOn: '2026-01-02' },
    invalid: { method: 'phone_call', verifiedOn: '2.1.2026' },
  },
  'POST /api/requests/{id}/start': { valid: {} },
  'POST /api/requests/{id}/extension': {
    valid: { reason: 'Many requests at once', requesterToldOn: '2026-01-02' },
    invalid: { reason: 'x', requesterToldOn: '2026-13-01' },
  },
  'POST /api/requests/{id}/decision': {
    valid: { outcome: 'granted', decidedOn: '2026-01-02' },
    invalid: { outcome: 'maybe', decidedOn: '', reasons: 'x'.repeat(5001) },
  },
  'POST /api/requests/{id}/answer': {
    valid: { answeredOn: '2026-01-02' },
    invalid: { answeredOn: 'tomorrow' },
  },
  'POST /api/requests/{id}/notes': { valid: { text: 'ok' }, invalid: { text: '   ' } },
  'GET /api/persons/{id}/requests': { query: 'status=all' },
  'GET /api/requests/{id}/access-package': {},
  'POST /api/requests/{id}/access-package/hand-over': {
    valid: { handedOverOn: '2026-01-02', channel: 'letter' },
    invalid: { handedOverOn: '2026-02-30', channel: 'pigeon', format: 'xml' },
  },
  'GET /api/persons/{id}/objections': {},
  'POST /api/persons/{id}/objections': {
    valid: { type: 'direct_marketing', objectedOn: '2026-01-02', source: 'email' },
    invalid: { type: 'spam', objectedOn: '2026-02-30', source: 'request', note: ' ' },
  },
  'POST /api/persons/{id}/objections/{objectionId}/withdraw': {
    valid: { withdrawnOn: '2026-01-02' },
    invalid: { withdrawnOn: '2.1.2026', note: '' },
  },
  'GET /api/requests/{id}/objections': {},
  'POST /api/requests/{id}/objections': {
    valid: { types: ['direct_marketing'] },
    invalid: { types: [], objectedOn: '2026-13-01', note: ' ' },
  },
  'POST /api/exports/mailing-list': {
    valid: { use: 'published_list', purpose: 'Kirje', selection: { kind: 'all' } },
    invalid: {
      use: 'spam',
      purpose: 'x',
      selection: { kind: 'everyone' },
      format: 'xlsx',
      lang: 'de',
    },
  },
  'POST /api/requests/{id}/attachments': { file: true },
  'GET /api/requests/{id}/attachments': {},
  'GET /api/requests/{id}/attachments/{attachmentId}': {},
  'GET /api/persons/{id}/value-sources': {},
  'GET /api/value-source-partners': {},
  'GET /api/requests/{id}/rectification': {},
  'POST /api/requests/{id}/rectification-items': {
    valid: { field: 'email', value: 'aino@example.fi', grounds: 'Osoite vaihtui' },
    invalid: { field: 'shoeSize', grounds: ' ' },
  },
  'POST /api/requests/{id}/rectification-items/{itemId}/decision': {
    valid: { decision: 'granted' },
    invalid: { decision: 'maybe', reason: ' ' },
  },
  'POST /api/requests/{id}/rectification/apply': { valid: {} },
  'GET /api/requests/{id}/rectification/letters/{party}': {},
  'GET /api/requests/{id}/rectification/certificate': {},
  'GET /api/requests/{id}/erasure': {},
  'POST /api/requests/{id}/erasure': { valid: {} },
  'GET /api/requests/{id}/erasure/letter': {},
  'GET /api/requests/{id}/restriction': {},
  'POST /api/requests/{id}/restriction': {
    valid: { grounds: ['legal_claims'], placedOn: '2026-11-01' },
    invalid: { grounds: ['because'], placedOn: '2026-02-30', rectificationRequestId: 'x' },
  },
  'POST /api/requests/{id}/restriction/lift': {
    valid: { liftedOn: '2026-11-01', reason: 'Tarkistettu' },
    invalid: { liftedOn: 'tomorrow', reason: ' ' },
  },
  'GET /api/requests/{id}/restriction/letter': {},
  'GET /api/persons/{id}/legal-holds': {},
  'POST /api/persons/{id}/legal-holds': {
    valid: { reason: 'Vireillä oleva oikeudenkäynti', fromOn: '2026-11-01' },
    invalid: { reason: ' ', fromOn: '2026-02-30', untilOn: 'tomorrow' },
  },
  'POST /api/persons/{id}/legal-holds/{holdId}/release': { valid: {} },
  'GET /api/access-log': { query: 'action=read' },
  'GET /api/access-log/users': { query: 'q=virk', unpaged: true },
  'GET /api/work': {},
  'GET /api/population-register/syncs': {},
  'POST /api/population-register/syncs': { valid: {} },
  'GET /api/population-register/syncs/{id}': {},
  'GET /api/retention/settings': {},
  'PUT /api/retention/settings': {
    valid: { customerYears: 6, deceasedYears: 2, dailyRun: false },
    invalid: { customerYears: 0, deceasedYears: 51.5, dailyRun: 'yes' },
  },
  'GET /api/retention/dry-run': {},
  'GET /api/retention/runs': { unpaged: true },
  'POST /api/retention/runs': { valid: {} },
  'GET /api/retention/runs/{id}': {},
  'GET /api/paper-documents': { query: `personId=${UNKNOWN_ID}`, unpaged: true },
  'GET /api/paper-documents/handlers': { unpaged: true },
  'POST /api/paper-documents': {
    valid: {
      personId: UNKNOWN_ID,
      description: 'Hakemus',
      location: 'Arkisto A',
      handlerIds: [UNKNOWN_ID],
      destroyOn: '2030-01-31',
    },
    invalid: {
      description: '\u0000',
      location: ' ',
      handlerIds: ['not-an-id'],
      destroyOn: '2030-02-30',
    },
  },
  'POST /api/paper-documents/{id}/destruction': {
    valid: { destroyedOn: '2026-11-25', note: 'Silpattu' },
    invalid: { destroyedOn: 'tomorrow', note: '\u202e' },
  },
  'GET /api/move-in/profiles': {},
  'PUT /api/move-in/profiles/{name}': {
    valid: {
      target: 'person',
      format: { kind: 'csv', delimiter: ';', encoding: 'utf-8' },
      columns: { lastName: 'Sukunimi' },
    },
  },
  'GET /api/move-in/runs': {},
  'POST /api/move-in/runs': { upload: true },
  'GET /api/move-in/runs/{id}': {},
  'GET /api/move-in/runs/{id}/rows': { query: 'outcome=invalid' },
  'GET /api/move-in/runs/{id}/report.csv': {},
  'GET /api/update-files/profiles': {},
  'POST /api/update-files/runs': { dataFile: true },
  'GET /api/imports': {},
  'GET /api/imports/{kind}/{id}/rows': { query: 'outcome=refused' },
  'GET /api/imports/{kind}/{id}/csv': { query: 'lang=sv', unpaged: true },
  'GET /api/access-log/subjects/{id}/report': {},
  'GET /api/partners': {},
  'POST /api/partners': {
    valid: { name: 'Kumppani Oy', businessId: '0201551-3', country: 'FI' },
    invalid: {
      businessId: '0201551-4',
      country: 'XX',
      contractFields: ['everything'],
      contractEndsOn: '2026-02-30',
      roles: ['owner'],
      processingAgreementOn: '2999-01-01',
      transferSafeguard: 'adequacy_decision',
      transferNecessity: ' ',
    },
  },
  'GET /api/partners/{id}': { query: 'limit=10' },
  'PATCH /api/partners/{id}': {
    valid: { name: 'Uusi Nimi Oy' },
    invalid: {
      name: '',
      country: 'XX',
      contractFields: ['all'],
      roles: [],
      transferSafeguard: 'x',
    },
  },
  'POST /api/partners/{id}/customers': {
    valid: { customerId: UNKNOWN_ID },
    invalid: { customerId: 'not-an-id' },
  },
  'DELETE /api/partners/{id}/customers/{customerId}': {},
  'GET /api/partners/{id}/clients': {},
  'POST /api/partners/{id}/clients': {
    valid: { name: 'Integraatio', kind: 'api_key', scopes: ['customers.read'] },
    invalid: {
      name: '',
      kind: 'password',
      scopes: ['customers.write'],
      expiresAt: '2026-13-01T00:00:00Z',
    },
  },
  'POST /api/partners/{id}/clients/{clientId}/rotate': {
    valid: { previousValidUntil: '2026-12-01T00:00:00Z' },
    invalid: { previousValidUntil: 'huomenna' },
  },
  'DELETE /api/partners/{id}/clients/{clientId}': {},
  'POST /api/partner-api/oauth/token': {
    valid: { grant_type: 'client_credentials', client_id: 'asiakas', client_secret: 'salaisuus' },
    invalid: { grant_type: 'password', scope: 'x'.repeat(201) },
  },
  'GET /api/partner-api/persons': { query: 'q=abcd' },
  'GET /api/partner-api/persons/{id}': {},
  'GET /api/partner-api/organizations/{id}': {},
  'POST /api/partner-api/persons/{id}/notices': {
    valid: { email: 'ilmoitus@example.fi' },
    invalid: { email: 'no-at-sign', language: 'de', firstName: '', reference: '\u0000' },
  },
  'POST /api/invoices': {
    valid: { orderId: UNKNOWN_ID },
    invalid: { orderId: 'not-a-uuid', invoiceDate: '0050-01-01', dueDate: '1.12.2026' },
  },
  'POST /api/invoice-runs': {
    valid: { invoiceDate: '2026-01-02' },
    invalid: { invoiceDate: '2026-13-01', orderIds: ['not-a-uuid'] },
  },
  'GET /api/invoice-runs/{id}/archive': {},
  'GET /api/invoices/{id}': {},
  'GET /api/invoices/{id}/pdf': {},
  'GET /api/invoices/{id}/finvoice': {},
  'POST /api/invoices/{id}/credit': {
    valid: { reason: 'Virheellinen lasku' },
    invalid: { reason: 'x', invoiceDate: '31.12.2026' },
  },
  'POST /api/payments': {
    valid: { reference: '12345672', amountCents: 100, paidOn: '2026-01-02' },
    invalid: { reference: '', amountCents: 0, amount: 'kymppi', paidOn: '2026-02-30' },
  },
  'GET /api/invoices': { query: 'status=overdue&dueFrom=2026-01-01' },
  'GET /api/invoice-runs': { query: 'limit=10' },
  'GET /api/persons/{id}/invoices': { query: 'limit=10' },
  'GET /api/organizations/{id}/invoices': { query: 'limit=10' },
  'POST /api/disclosures': {
    valid: {
      partnerId: UNKNOWN_ID,
      legalBasis: 'billing',
      subjectIds: [UNKNOWN_ID],
      fields: ['name'],
      format: 'csv',
    },
    invalid: {
      partnerId: 'not-a-uuid',
      legalBasis: 'gift',
      purpose: ' ',
      subjectIds: [],
      fields: ['everything'],
      format: 'xml',
    },
  },
  'POST /api/collections': {
    valid: { partnerId: UNKNOWN_ID, invoiceIds: [UNKNOWN_ID], format: 'json' },
    invalid: { partnerId: 'x', invoiceIds: ['not-a-uuid'], format: 'pdf' },
  },
  'GET /api/disclosures': { query: 'legalBasis=debt_collection' },
  'GET /api/disclosures/{id}': {},
  'GET /api/disclosures/recipients': {},
  'GET /api/persons/{id}/disclosures': { query: 'limit=10' },
  'GET /api/organizations/{id}/disclosures': { query: 'limit=10' },
  'GET /api/staff': {},
  'GET /api/staff/partners': {},
  'POST /api/staff': {
    valid: { username: 'uusi.kayttaja', role: 'billing', temporaryPassword: 'vaihda heti aamulla' },
    invalid: {
      username: 'Ä',
      role: 'wizard',
      partnerId: 'not-a-uuid',
      expiresOn: '2026-02-30',
      temporaryPassword: 'password1234',
    },
  },
  'GET /api/staff/{id}': {},
  'PATCH /api/staff/{id}': {
    valid: { fullName: 'Liisa Laine' },
    invalid: { role: 'wizard', expiresOn: '31.12.2026', partnerId: 'x' },
  },
  'POST /api/staff/{id}/deactivate': { valid: {} },
  'POST /api/staff/{id}/reactivate': { valid: {} },
  'POST /api/staff/{id}/reset-password': {
    valid: { temporaryPassword: 'vaihda heti aamulla' },
    invalid: { temporaryPassword: '' },
  },
  'POST /api/staff/{id}/reset-totp': { valid: {} },
  'POST /api/staff/{id}/commitment': {
    valid: { signedOn: '2026-01-02', keptAt: 'Henkilöstöhallinto' },
    invalid: { signedOn: '0026-01-02', keptAt: 'Arkisto\nhylly 3' },
  },
  'GET /api/social-services/settings': {},
  'GET /api/social-services/options': {},
  'POST /api/social-services/units': {
    valid: { code: 'uusi', nameFi: 'Uusi', nameSv: 'Ny', nameEn: 'New' },
    invalid: { code: 'Iso Kirjain', nameFi: '', memberIds: ['not-a-uuid'] },
  },
  'PATCH /api/social-services/units/{id}': {
    valid: { nameFi: 'Uusi nimi' },
    invalid: { nameSv: '', memberIds: ['not-a-uuid'] },
  },
  'POST /api/social-services/need-types': {
    valid: { code: 'uusi', nameFi: 'Uusi', nameSv: 'Ny', nameEn: 'New' },
    invalid: { code: 'ää', nameEn: '' },
  },
  'PATCH /api/social-services/need-types/{code}': {
    valid: { nameFi: 'Uusi nimi' },
    invalid: { nameFi: '' },
  },
  'GET /api/social-services/break-glass': {},
  'POST /api/social-services/break-glass/{id}/review': {
    valid: { note: 'Tarkistettu' },
    invalid: { note: 'x'.repeat(2001) },
  },
  'GET /api/persons/{id}/social-services': {},
  'POST /api/persons/{id}/social-services/relationships': {
    valid: { unitId: UNKNOWN_ID, startsOn: '2026-01-01' },
    invalid: {
      unitId: 'not-a-uuid',
      startsOn: '2026-02-30',
      endsOn: '1.1.2026',
      responsibleWorkerIds: ['x'],
    },
  },
  'PATCH /api/persons/{id}/social-services/relationships/{relationshipId}': {
    valid: { endsOn: '2026-12-31' },
    invalid: { endsOn: '2026-13-01', responsibleWorkerIds: ['x'] },
  },
  'POST /api/persons/{id}/social-services/break-glass': {
    valid: { reason: 'Kiireellinen tilanne yöllä' },
    invalid: { reason: 'lyhyt' },
  },
  'GET /api/persons/{id}/social-services/summary': {},
  'GET /api/persons/{id}/social-services/health': {},
  'POST /api/persons/{id}/social-services/health': {
    valid: { date: '2026-01-02', category: 'Yleinen', text: 'Merkintä', source: 'Asiakas' },
    invalid: { date: '2026-02-30', category: '', text: '', source: ' ' },
  },
  'PATCH /api/persons/{id}/social-services/health/{recordId}': {
    valid: { text: 'Korjattu' },
    invalid: { date: '2.1.2026', text: '' },
  },
  'GET /api/persons/{id}/social-services/service-needs': {},
  'POST /api/persons/{id}/social-services/service-needs': {
    valid: { needType: 'housing', assessedOn: '2026-01-02', status: 'identified', source: 'A' },
    invalid: { needType: '', assessedOn: 'eilen', status: 'maybe' },
  },
  'PATCH /api/persons/{id}/social-services/service-needs/{recordId}': {
    valid: { status: 'granted' },
    invalid: { status: 'maybe' },
  },
  'GET /api/persons/{id}/social-services/income': {},
  'POST /api/persons/{id}/social-services/income': {
    valid: {
      year: 2025,
      annualIncome: 100,
      totalAssets: 0,
      source: 'Kela',
      recordedOn: '2026-01-02',
    },
    invalid: { year: 1800, annualIncome: -1, totalAssets: 1.234, recordedOn: 'x' },
  },
  'PATCH /api/persons/{id}/social-services/income/{recordId}': {
    valid: { year: 2024 },
    invalid: { annualIncome: -5 },
  },
  'GET /api/persons/{id}/social-services/bank-accounts': {},
  'POST /api/persons/{id}/social-services/bank-accounts': {
    valid: { iban: 'FI2112345600000785', purpose: 'Etuudet', source: 'Asiakas' },
    invalid: { iban: 'FI2112345600000786', purpose: '' },
  },
  'PATCH /api/persons/{id}/social-services/bank-accounts/{recordId}': {
    valid: { purpose: 'Toimeentulotuki' },
    invalid: { iban: 'FI00' },
  },
  'GET /api/persons/{id}/social-services/family-relations': {},
  'POST /api/persons/{id}/social-services/family-relations': {
    valid: { relatedPersonId: UNKNOWN_ID, type: 'child', source: 'Asiakas' },
    invalid: { relatedPersonId: 'not-a-uuid', type: 'cousin', startsOn: '2026-02-30' },
  },
  'PATCH /api/persons/{id}/social-services/family-relations/{recordId}': {
    valid: { type: 'spouse' },
    invalid: { type: 'cousin', endsOn: '31.12.2026' },
  },
  'GET /api/settings/commitment': {},
  'POST /api/settings/commitment': {
    valid: { text: 'Sitoudun pitämään salassa kaiken, minkä saan tietooni tehtävissäni.' },
    invalid: { text: 'Liian lyhyt.' },
  },
};

/** The path with its other parameters (e.g. `{customerId}`) given the unknown id. */
const withIds = (path: string) =>
  path.replace('{kind}', 'updateFile').replace(/\{\w+\}/g, UNKNOWN_ID);

/** An upload: the wrong type, a file not what it claims, an empty one, a bad or missing name. */
function fileCases(method: string, path: string): Case[] {
  const url = `${withIds(path)}?name=kirje.pdf`;
  const pdf = { 'content-type': 'application/pdf' };
  const file = (headers: Record<string, string>, payload: Buffer | string, at = url) => ({
    method,
    url: at,
    headers,
    payload,
  });
  return [
    {
      name: 'an id that is not a UUID',
      request: file(pdf, '%PDF-1.7', `${withIds(path.replace('{id}', 'not-a-uuid'))}?name=a.pdf`),
      status: 400,
      field: 'params.id',
    },
    {
      name: 'a type that is not allowed',
      request: file({ 'content-type': 'application/zip' }, 'PK'),
      status: 415,
      field: 'content-type',
    },
    {
      name: 'JSON instead of a file',
      request: file({ 'content-type': 'application/json' }, '{"firstName": '),
      status: 415,
      field: 'content-type',
    },
    {
      name: 'a file that is not what it claims',
      request: file(pdf, 'GIF89a'),
      status: 415,
      field: 'content-type',
    },
    { name: 'an empty file', request: file(pdf, Buffer.alloc(0)), status: 400, field: 'body' },
    {
      name: 'a name with a path',
      request: file(pdf, '%PDF-1.7', `${withIds(path)}?name=..%2Fkirje.pdf`),
      status: 400,
      field: 'querystring.name',
    },
    {
      name: 'no name',
      request: file(pdf, '%PDF-1.7', withIds(path)),
      status: 400,
      field: 'querystring.name',
    },
  ];
}

/** An import's upload: the query names the profile and the file; the body may be anything. */
function uploadCases(method: string, path: string): Case[] {
  const upload = (query: string) => ({
    method: method as 'POST',
    url: `${path}?${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: 'a;b\n1;2\n',
  });
  return [
    {
      name: 'no profile',
      request: upload('fileName=a.csv'),
      status: 400,
      field: 'querystring.profile',
    },
    {
      name: 'a profile name that cannot be one',
      request: upload('profile=..%2Fx&fileName=a.csv'),
      status: 400,
      field: 'querystring.profile',
    },
    {
      name: 'dryRun neither true nor false',
      request: upload('profile=p&fileName=a.csv&dryRun=maybe'),
      status: 400,
      field: 'querystring.dryRun',
    },
    { name: 'no such profile', request: upload('profile=p&fileName=a.csv'), status: 404 },
  ];
}

/** A data file: its settings in the query one wrong at a time, an empty file, the wrong profile. */
function dataFileCases(method: string, path: string): Case[] {
  const query = `profile=posti&partnerId=${UNKNOWN_ID}&name=muutokset.txt`;
  const send = (q: string, payload: string = 'x') => ({
    method,
    url: `${path}?${q}`,
    headers: { 'content-type': 'text/plain' },
    payload,
  });
  return [
    {
      name: 'an unknown query parameter',
      request: send(`${query}&sort=x`),
      status: 400,
      field: 'querystring.sort',
    },
    {
      name: 'a partner that is not a UUID',
      request: send(query.replace(UNKNOWN_ID, 'posti')),
      status: 400,
      field: 'querystring.partnerId',
    },
    {
      name: 'a name with a path',
      request: send(query.replace('muutokset.txt', '..%2Fmuutokset.txt')),
      status: 400,
      field: 'querystring.name',
    },
    {
      name: 'dryRun that is not true or false',
      request: send(`${query}&dryRun=maybe`),
      status: 400,
      field: 'querystring.dryRun',
    },
    {
      name: 'a profile that does not exist',
      request: send(query.replace('posti', 'nope')),
      status: 400,
      field: 'profile',
    },
    { name: 'an empty file', request: send(query, ''), status: 400, field: 'body' },
  ];
}

function casesFor(method: string, path: string, endpoint: Endpoint, bodyLimit: number): Case[] {
  if (endpoint.file) return fileCases(method, path);
  if (endpoint.upload) return uploadCases(method, path);
  if (endpoint.dataFile) return dataFileCases(method, path);
  const url = withIds(path);
  const cases: Case[] = [];
  if (path.includes('{id}')) {
    cases.push({
      name: 'an id that is not a UUID',
      request: {
        method,
        url: withIds(path.replace('{id}', 'not-a-uuid')),
        payload: endpoint.valid,
      },
      status: 400,
      field: 'params.id',
    });
  }
  if (endpoint.query !== undefined) {
    const valid = endpoint.query;
    cases.push(
      {
        name: 'an unknown query parameter',
        request: { method, url: `${url}?${valid}&sort=x` },
        status: 400,
        field: 'querystring.sort',
      },
      {
        name: 'a limit that is not a number',
        request: { method, url: `${url}?${valid}&limit=lots` },
        status: 400,
        field: 'querystring.limit',
      },
      {
        name: 'a limit out of range',
        request: { method, url: `${url}?${valid}&limit=100000` },
        status: 400,
        field: 'querystring.limit',
      },
    );
    if (!endpoint.unpaged) {
      cases.push({
        name: 'a forged cursor',
        request: { method, url: `${url}?${valid}&cursor=%7B%7D` },
        status: 400,
        field: 'cursor',
      });
    }
  }
  if (method === 'GET' || method === 'DELETE') return cases;
  const valid = endpoint.valid ?? {};
  cases.push(
    {
      name: 'malformed JSON',
      request: {
        method,
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"firstName": ',
      },
      status: 400,
    },
    {
      name: 'a content type other than JSON',
      request: {
        method,
        url,
        headers: { 'content-type': 'text/plain' },
        payload: 'firstName=Anna',
      },
      status: 415,
    },
    {
      name: 'an oversized body',
      request: {
        method,
        url,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ ...valid, notes: 'x'.repeat(bodyLimit + 10) }),
      },
      status: 413,
    },
  );
  if (!endpoint.valid) return cases;
  cases.push(
    {
      name: 'an array instead of an object',
      request: { method, url, payload: [valid] },
      status: 400,
    },
    {
      name: 'an unknown field',
      request: { method, url, payload: { ...valid, isAdmin: true } },
      status: 400,
      field: 'isAdmin',
    },
  );
  for (const field of Object.keys(valid)) {
    cases.push({
      name: `a wrong type for ${field}`,
      request: { method, url, payload: { ...valid, [field]: { nested: [1, 2] } } },
      status: 400,
      field,
    });
  }
  for (const [field, value] of Object.entries(endpoint.invalid ?? {})) {
    cases.push({
      name: `an invalid ${field}`,
      request: { method, url, payload: { ...valid, [field]: value } },
      status: 400,
      field,
    });
  }
  return cases;
}

function assertProblem(response: LightMyRequestResponse, expected: Case) {
  const label = `${expected.request.method} ${expected.request.url}: ${expected.name}`;
  assert.ok(
    response.statusCode >= 400 && response.statusCode < 500,
    `${label} → ${response.statusCode} ${response.body}`,
  );
  assert.equal(response.statusCode, expected.status, `${label}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, label);
  const problem = response.json();
  assert.equal(problem.status, response.statusCode, label);
  assert.equal(typeof problem.title, 'string', label);
  assert.equal(typeof problem.detail, 'string', label);
  if (expected.field) {
    const fields = (problem.errors ?? []).map((e: { field: string }) => e.field);
    assert.ok(
      fields.some((f: string) => f === expected.field || f.startsWith(`${expected.field}.`)),
      `${label}: expected an error for ${expected.field}, got ${JSON.stringify(problem.errors)}`,
    );
  }
}

forEachEngine('bad input to every endpoint', ({ ctx }) => {
  test('every endpoint in the OpenAPI document has bad-input cases here', async () => {
    const paths = (ctx().app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(documented.sort(), Object.keys(ENDPOINTS).sort());
  });

  test('each gets a 4xx problem+json naming what is wrong, and nothing is stored', async () => {
    const cookie = await ctx().signIn('register_officer');
    const cookies = new Map<Role, string>([['register_officer', cookie]]);
    const admin = await ctx().signIn('admin');
    const partner = await ctx().app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: json(admin),
      payload: { name: 'Syötekumppani Oy', businessId: '2617416-4', country: 'FI' },
    });
    // The partners' interface takes a machine client's key, not a session.
    const key = (await createMachineClient(ctx(), admin, partner.json().id)).secret;
    let residentCookie: string | undefined;
    /**
     * The register officer's session, or one of a role with the route's permission, or the
     * machine client's key: the headers a call carries besides its body's type.
     */
    const credentialsFor = async (
      method: string,
      path: string,
    ): Promise<Record<string, string>> => {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const access = ctx().app.routeAccess.find(
        (r) => r.method === method && r.url === url,
      )?.access;
      if (access && 'machine' in access) return withKey(key);
      // A resident's route: an identified resident who has not registered (nothing is stored).
      if (access && 'resident' in access) {
        residentCookie ??= (await signInResident(ctx().app, 3)).cookie;
        return { cookie: residentCookie };
      }
      if (!access || !('permission' in access) || roleHas('register_officer', access.permission)) {
        return { cookie };
      }
      const role = ROLES.find((r) => roleHas(r, access.permission)) ?? 'register_officer';
      if (!cookies.has(role)) cookies.set(role, await ctx().signIn(role));
      return { cookie: cookies.get(role) ?? cookie };
    };
    const before = await ctx().app.inject({ url: '/api/persons?limit=100', headers: { cookie } });
    const bodyLimit = 256 * 1024;
    let count = 0;
    for (const [key, endpoint] of Object.entries(ENDPOINTS)) {
      const [method = '', path = ''] = key.split(' ');
      const credentials = await credentialsFor(method, path);
      for (const c of casesFor(method, path, endpoint, bodyLimit)) {
        const base =
          method === 'GET' || method === 'DELETE'
            ? credentials
            : { ...credentials, 'content-type': 'application/json' };
        const headers = { ...base, ...(c.request.headers as Record<string, string>) };
        const response = await ctx().app.inject({ ...c.request, headers });
        assertProblem(response, c);
        count++;
      }
    }
    assert.ok(count > 60, `${count} cases`);
    const after = await ctx().app.inject({ url: '/api/persons?limit=100', headers: { cookie } });
    assert.deepEqual(after.json(), before.json());
  });

  test('a protected endpoint without a session gets 401 problem+json before its input is read', async () => {
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { 'content-type': 'application/json' },
      payload: '{broken',
    });
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  });

  test('a JSON body in any charset but UTF-8 is 415; UTF-8 in any spelling is read', async () => {
    const cookie = await ctx().signIn('register_officer');
    const post = (type: string, payload: Buffer) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { cookie, 'content-type': type },
        payload,
      });
    const person = JSON.stringify({ firstName: 'Äijä', lastName: 'Öberg' });
    for (const [type, encoding] of [
      ['application/json; charset=latin1', 'latin1'],
      ['application/json; charset=ISO-8859-1', 'latin1'],
      ['application/json;charset="windows-1252"', 'latin1'],
      ['application/json; charset=utf-16', 'utf16le'],
      ['application/json; charset=utf-16le', 'utf16le'],
      // No charset named, but the bytes are Latin-1: not UTF-8 either.
      ['application/json', 'latin1'],
    ] as const) {
      const response = await post(type, Buffer.from(person, encoding));
      assert.equal(response.statusCode, 415, `${type} ${encoding}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.deepEqual(
        response.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['content-type', 'charset.notUtf8']],
      );
    }
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=UTF-8',
      'Application/JSON;charset="Utf-8"',
    ]) {
      const response = await post(type, Buffer.from(person, 'utf8'));
      assert.equal(response.statusCode, 201, `${type}: ${response.body}`);
      assert.equal(response.json().firstName, 'Äijä', type);
    }
  });

  test('an unknown API path is a 404 problem', async () => {
    const response = await ctx().app.inject({ url: '/api/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  });
});
