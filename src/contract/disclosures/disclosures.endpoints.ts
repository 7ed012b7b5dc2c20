import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  collectionCreate,
  customerDisclosurePage,
  customerDisclosureQuery,
  disclosureCreate,
  disclosureDetail,
  disclosureMade,
  disclosurePage,
  disclosureQuery,
  recipientList,
} from './disclosures.schemas.ts';

const MADE_DESCRIPTION =
  'Answers 201 with the disclosure record and the file to hand to the partner, base64-encoded ' +
  '(`file.base64`, with its name, media type and SHA-256, as recorded). CSV: UTF-8 with a BOM, ' +
  '`;` between cells, a header row of the field names, formula-neutralised cells; JSON: an array ' +
  'of objects. Refused with 409 naming the reason (`disclosure.notRecipient`, ' +
  '`disclosure.noSafeguard`, `disclosure.agreementMissing`). A protected address is left out ' +
  'unless the legal basis is `legal_obligation`, which flags the disclosure.';

const tags = ['disclosures'];
const read = { permission: 'disclosures.read' } as const;
const make = { permission: 'disclosures.make' } as const;

/** Disclosures of customers' data to partners, and sending overdue invoices to collection. */
export const disclosuresApi = {
  make: endpoint({
    method: 'POST',
    path: '/api/disclosures',
    access: make,
    tags,
    summary: "Disclose chosen persons' chosen data to a partner (recorded and logged)",
    description:
      'Fields are groups: `name` (always sent), `identityCode` (only for `legal_obligation` or ' +
      '`credit_decision`, with a `purpose`), `contact`, `address`, `billing`. ' +
      MADE_DESCRIPTION,
    body: disclosureCreate,
    status: 201,
    response: disclosureMade,
    errors: ['not_found', 'conflict'],
  }),
  sendToCollection: endpoint({
    method: 'POST',
    path: '/api/collections',
    access: make,
    tags,
    summary: 'Send overdue invoices to collection: one disclosure (debt_collection)',
    description:
      'Every invoice must be overdue — open, due before today (Europe/Helsinki), something ' +
      'left to pay — or the request is refused naming each that is not (409, ' +
      '`collection.notOverdue`). The file holds per invoice the debtor (name, business ID of ' +
      'an organisation, address) and the invoice (number, reference, dates, total and open ' +
      'amount in euros); the invoices move to `in_collection`. ' +
      MADE_DESCRIPTION,
    body: collectionCreate,
    status: 201,
    response: disclosureMade,
    errors: ['not_found', 'conflict'],
  }),
  recipients: endpoint({
    method: 'GET',
    path: '/api/disclosures/recipients',
    access: make,
    tags,
    summary: 'The partners registered as recipients of disclosures, by name (for choosing one)',
    status: 200,
    response: recipientList,
    errors: [],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/disclosures',
    access: read,
    tags,
    summary: 'The disclosures made, newest first; filter by partner, subject, basis and time',
    description:
      'Items name no subjects. Filtered by a person (`subjectId`), the read is logged with them.',
    query: disclosureQuery,
    status: 200,
    response: disclosurePage,
    errors: [],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/disclosures/:id',
    access: read,
    tags,
    summary: 'A disclosure: its subjects by name and, for each, the fields sent (logged)',
    params: idParams,
    status: 200,
    response: disclosureDetail,
    errors: ['not_found'],
  }),
  ofPerson: endpoint({
    method: 'GET',
    path: '/api/persons/:id/disclosures',
    access: read,
    tags,
    summary: "The disclosures of a person's data, newest first (logged)",
    params: idParams,
    query: customerDisclosureQuery,
    status: 200,
    response: customerDisclosurePage,
    errors: ['not_found'],
  }),
  ofOrganization: endpoint({
    method: 'GET',
    path: '/api/organizations/:id/disclosures',
    access: read,
    tags,
    summary: "The disclosures of an organisation's data, newest first",
    params: idParams,
    query: customerDisclosureQuery,
    status: 200,
    response: customerDisclosurePage,
    errors: ['not_found'],
  }),
};
