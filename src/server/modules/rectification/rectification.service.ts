import crypto from 'node:crypto';
import { z } from 'zod';
import type {
  CapturedRecipient,
  CapturedSource,
  RequestOutcome,
  SourcedPersonField,
} from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { formatPhoneFinnish, maskIdentityCode } from '../../../finnish/index.ts';
import { PersonKeyDestroyedError } from '../../keystore/person-keys.ts';
import { checkAddressWrite } from '../customers/address-protection.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { personPatch } from '../../../contract/persons/persons.schemas.ts';
import { findPersonById } from '../persons/persons.queries.ts';
import { updatePerson } from '../persons/persons.service.ts';
import { listValueSourceDetails } from '../persons/value-sources.ts';
import { REQUEST_ACTIONS, type RectificationReadiness } from '../requests/request-actions.ts';
import {
  findRequest,
  insertRequestEvent,
  type StoredRequest,
} from '../requests/requests.queries.ts';
import {
  findItem,
  findPartnersByIds,
  findPersonDisclosures,
  findOrganizationNames,
  insertItem,
  listItems,
  updateItem,
  type RectificationItemRow,
} from './rectification.queries.ts';
import type {
  RectificationItemCreate,
  RectificationItemDecision,
  RectificationLetter,
  RectificationView,
} from '../../../contract/rectification/rectification.schemas.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

/*
 * Rectification (GDPR Art. 16 and 19): the request names fields, proposed values and grounds; the
 * officer decides each field; the granted ones are applied through the persons service with the
 * request as their source, and at that moment the register captures, per field, every source the
 * old value came from and every recipient it was disclosed to. Letters and the refusal
 * certificate are made from what was captured (rectification-letters.ts).
 */

const FIELDS = ['requests'];

/** The AAD of a proposed value: a ciphertext copied to another item does not open. */
const proposedContext = (itemId: string) => `rectification_item.proposed:${itemId}`;

/**
 * The names a disclosure file gives a person field (decision 0013: person-fields.ts, and the
 * collection file's debtor). Which address a file carried is not recorded — the contact address,
 * else the permanent one; for collection the billing address first — so each address field counts
 * as disclosed wherever an address went: a letter too many rather than one too few.
 */
const ADDRESS = ['street', 'postalCode', 'postOffice', 'country'];
const DEBTOR_ADDRESS = ['debtorStreet', 'debtorPostalCode', 'debtorPostOffice', 'debtorCountry'];
const BILLING = [
  'billingStreet',
  'billingPostalCode',
  'billingPostOffice',
  'billingCountry',
  'eInvoiceAddress',
  'eInvoiceIntermediator',
];
export const DISCLOSED_AS: Record<SourcedPersonField, readonly string[]> = {
  firstName: ['firstName', 'debtorName'],
  lastName: ['lastName', 'debtorName'],
  personalIdentityCode: ['personalIdentityCode'],
  email: ['email'],
  phone: ['phone'],
  permanentAddress: [...ADDRESS, ...DEBTOR_ADDRESS],
  contactAddress: [...ADDRESS, ...DEBTOR_ADDRESS],
  billing: [...BILLING, ...DEBTOR_ADDRESS],
  language: [],
  addressProtection: [],
  organizations: [],
};

/** Sources that are told of a correction: an authority or an outside company, never the person or staff. */
const NOTIFIED_SOURCE_KINDS = new Set(['population_register', 'update_service', 'partner']);

function conflict(
  field: string,
  message: string,
  code: FieldErrorCode,
  extra?: Record<string, unknown>,
) {
  return new AppError('conflict', message, {
    errors: [{ field, message, code }],
    ...(extra ? { extra } : {}),
  });
}

function wrongStatus(request: StoredRequest, allowed: readonly string[]): AppError {
  const message = `The request is ${request.status.replace('_', ' ')}: this can be done only when it is ${allowed.map((s) => s.replace('_', ' ')).join(' or ')}`;
  return new AppError('conflict', message, {
    errors: [{ field: 'status', message, code: 'request.wrongStatus' }],
    extra: { currentStatus: request.status },
  });
}

async function requireRectification(
  ctx: CustomerContext,
  requestId: string,
  options: { forUpdate?: boolean; status?: readonly string[] } = {},
): Promise<StoredRequest> {
  const request = await findRequest(ctx.db, requestId, { forUpdate: options.forUpdate ?? false });
  if (!request) throw notFound('Request');
  if (request.type !== 'rectification') {
    throw conflict(
      'type',
      `Request ${request.number} is an ${request.type} request, not a rectification request`,
      'rectification.notRectification',
    );
  }
  if (options.status && !options.status.includes(request.status)) {
    throw wrongStatus(request, options.status);
  }
  return request;
}

/** The request's event and the person's access-log entry, in the change's transaction. */
async function recordChange(
  ctx: CustomerContext,
  request: StoredRequest,
  action: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await insertRequestEvent(ctx.db, {
    requestId: request.id,
    occurredAt: ctx.clock.now(),
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    action,
    changes,
  });
  await logAccess(ctx, 'update', [request.personId], FIELDS, {
    changes: { request: { id: request.id, number: request.number, action }, ...changes },
  });
}

/** A zod issue of the proposed value as a field error under `value`. */
function valueErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = ['value', ...issue.path.slice(1).map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${path}.${key}`,
        message: 'Unknown field',
        code: 'unknownField',
      }));
    }
    const params = (issue as { params?: { code?: unknown } }).params;
    // The rule codes zod schemas carry are checked against the list by field-errors.test.ts.
    const code = (typeof params?.code === 'string' ? params.code : issue.code) as FieldErrorCode;
    return [{ field: path, message: issue.message, code }];
  });
}

/** The proposed value checked with the person API's rules for the field, as they store it. */
function parseProposedValue(field: SourcedPersonField, value: unknown): unknown {
  if (value === undefined) {
    throw new AppError('validation', 'Give the proposed value (null removes the value)', {
      errors: [
        {
          field: 'value',
          message: 'The proposed value is missing',
          code: 'rectification.valueRequired',
        },
      ],
    });
  }
  const schema = z.strictObject({ [field]: personPatch.shape[field] });
  const parsed = schema.safeParse({ [field]: value });
  if (!parsed.success) {
    throw new AppError('validation', `The proposed ${field} is not valid`, {
      errors: valueErrors(parsed.error.issues),
    });
  }
  return (parsed.data as Record<string, unknown>)[field];
}

/** What the request's decision must be, from the per-field decisions; null while any is open. */
export function outcomeOf(
  items: readonly Pick<RectificationItemRow, 'decision'>[],
): RequestOutcome | null {
  if (items.length === 0 || items.some((item) => item.decision === null)) return null;
  const granted = items.filter((item) => item.decision === 'granted').length;
  if (granted === items.length) return 'granted';
  return granted === 0 ? 'refused' : 'partly_granted';
}

/**
 * Whether a rectification request may be decided yet (the request's state machine lists its
 * decision as blocked until then): every field decided, every granted one applied; and the
 * outcome they add up to.
 */
export async function rectificationReadiness(
  db: Db,
  requestId: string,
): Promise<RectificationReadiness> {
  const items = await listItems(db, requestId);
  if (items.length === 0) {
    return {
      ready: false,
      code: 'rectification.noItems',
      message: 'The request names no field to correct yet',
    };
  }
  const open = items.filter((item) => item.decision === null);
  if (open.length > 0) {
    return {
      ready: false,
      code: 'rectification.undecided',
      message: `Decide every field first: ${open.map((item) => item.field).join(', ')}`,
    };
  }
  if (items.some((item) => item.decision === 'granted' && item.appliedAt === null)) {
    return {
      ready: false,
      code: 'rectification.notApplied',
      message: 'Apply the granted corrections before deciding the request',
    };
  }
  const outcome = outcomeOf(items);
  if (!outcome) throw new Error('Every field is decided, yet no outcome');
  return { ready: true, outcome };
}

/**
 * The check the request's decision makes for a rectification request (requests.service.ts):
 * ready (rectificationReadiness), and the outcome the one its fields add up to.
 */
export async function checkRectificationOutcome(
  ctx: CustomerContext,
  request: StoredRequest,
  outcome: RequestOutcome,
): Promise<void> {
  const readiness = await rectificationReadiness(ctx.db, request.id);
  if (!readiness.ready) throw conflict('outcome', readiness.message, readiness.code);
  const expected = readiness.outcome;
  if (expected !== outcome) {
    throw new AppError(
      'validation',
      `The fields' decisions make the request ${String(expected).replace('_', ' ')}, not ${outcome.replace('_', ' ')}`,
      {
        errors: [
          {
            field: 'outcome',
            message: `The fields' decisions make it ${String(expected)}`,
            code: 'rectification.outcomeMismatch',
          },
        ],
        extra: { expectedOutcome: expected },
      },
    );
  }
}

type Decrypted = { item: RectificationItemRow; value: unknown; readable: boolean };

async function decryptItems(
  ctx: CustomerContext,
  personId: string,
  items: readonly RectificationItemRow[],
): Promise<Decrypted[]> {
  const plain = await ctx.personKeys.decryptMany(
    items.map((item) => ({
      personId,
      ciphertext: item.proposedValueEncrypted,
      context: proposedContext(item.id),
    })),
  );
  return items.map((item, i) => {
    const text = plain[i];
    return text === null || text === undefined
      ? { item, value: null, readable: false }
      : { item, value: JSON.parse(text) as unknown, readable: true };
  });
}

type Address = { street: string; postalCode: string; postOffice: string; country: string };

/** A value as one line of text, for the officer's list and the letters. */
export function valueText(
  field: SourcedPersonField,
  value: unknown,
  options: { organizationNames?: ReadonlyMap<string, string>; maskCode?: boolean } = {},
): string | null {
  if (value === null || value === undefined) return null;
  // The value was checked with the person API's rules for the field: text fields hold text.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const address = (a: Address | null | undefined) =>
    a ? `${a.street}, ${a.postalCode} ${a.postOffice}, ${a.country}` : '';
  switch (field) {
    case 'firstName':
    case 'lastName':
    case 'email':
    case 'language':
      return text;
    case 'phone':
      return formatPhoneFinnish(text);
    case 'personalIdentityCode':
      return options.maskCode ? maskIdentityCode(text) : text;
    case 'permanentAddress':
    case 'contactAddress':
      return address(value as Address);
    case 'billing': {
      const billing = value as {
        billingAddress?: Address | null;
        eInvoiceAddress?: string | null;
        eInvoiceIntermediator?: string | null;
      };
      return [
        address(billing.billingAddress),
        billing.eInvoiceAddress
          ? `${billing.eInvoiceAddress} / ${billing.eInvoiceIntermediator ?? ''}`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
    }
    case 'addressProtection': {
      const protection = value as { active: boolean; endsOn?: string | null };
      return protection.active
        ? `active${protection.endsOn ? ` until ${protection.endsOn}` : ''}`
        : 'none';
    }
    case 'organizations':
      return (value as { organizationId: string; title?: string | null }[])
        .map(
          (link) =>
            (options.organizationNames?.get(link.organizationId) ?? link.organizationId) +
            (link.title ? ` (${link.title})` : ''),
        )
        .join('; ');
  }
}

async function organizationNamesOf(ctx: CustomerContext, decrypted: readonly Decrypted[]) {
  const ids = decrypted.flatMap(({ item, value }) =>
    item.field === 'organizations' && Array.isArray(value)
      ? (value as { organizationId: string }[]).map((link) => link.organizationId)
      : [],
  );
  return findOrganizationNames(ctx.db, ids);
}

/** The parties to write to: the notified sources and the recipients of the applied items. */
export async function lettersOf(
  ctx: CustomerContext,
  items: readonly RectificationItemRow[],
): Promise<RectificationLetter[]> {
  const parties = new Map<
    string,
    { name: string; asSource: Set<SourcedPersonField>; asRecipient: Set<SourcedPersonField> }
  >();
  const party = (key: string, name: string) => {
    let entry = parties.get(key);
    if (!entry) {
      entry = { name, asSource: new Set(), asRecipient: new Set() };
      parties.set(key, entry);
    }
    return entry;
  };
  for (const item of items) {
    if (!item.appliedAt) continue;
    for (const source of item.sources ?? []) {
      if (!NOTIFIED_SOURCE_KINDS.has(source.kind)) continue;
      const key = source.kind === 'partner' ? source.partnerId! : source.kind;
      party(key, source.partnerName ?? source.kind).asSource.add(item.field);
    }
    for (const recipient of item.recipients ?? []) {
      party(recipient.partnerId, recipient.partnerName).asRecipient.add(item.field);
    }
  }
  const partnerIds = [...parties.keys()].filter((key) => z.uuid().safeParse(key).success);
  const partners = await findPartnersByIds(ctx.db, partnerIds);
  const order = (fields: Set<SourcedPersonField>) =>
    items.map((i) => i.field).filter((f) => fields.has(f));
  return [...parties.entries()].map(([key, entry]) => ({
    party: key,
    name: partners.get(key)?.name ?? entry.name,
    asSource: order(entry.asSource),
    asRecipient: order(entry.asRecipient),
    // A partner abroad gets English; DVV, the update service and Finnish partners both national languages.
    language: (partners.get(key)?.country ?? 'FI') === 'FI' ? 'fi-sv' : 'en',
  }));
}

async function viewOf(
  ctx: CustomerContext,
  request: StoredRequest,
  items: readonly RectificationItemRow[],
): Promise<RectificationView> {
  const decrypted = await decryptItems(ctx, request.personId, items);
  const organizationNames = await organizationNamesOf(ctx, decrypted);
  return {
    requestId: request.id,
    requestNumber: request.number,
    items: decrypted.map(({ item, value }) => ({
      id: item.id,
      field: item.field,
      proposedValue: valueText(item.field, value, { organizationNames, maskCode: true }),
      grounds: item.grounds,
      decision: item.decision,
      refusalReason: item.refusalReason,
      decidedOn: item.decidedOn,
      appliedAt: item.appliedAt?.toISOString() ?? null,
      sources: item.sources,
      recipients: item.recipients,
    })),
    outcome: outcomeOf(items),
    applied: items.some((item) => item.appliedAt !== null),
    letters: await lettersOf(ctx, items),
    certificate: items.some((item) => item.decision === 'refused'),
  };
}

/** The rectification of a request: its fields, decisions, captured parties and documents. */
export async function getRectification(
  ctx: CustomerContext,
  requestId: string,
): Promise<RectificationView> {
  const request = await requireRectification(ctx, requestId);
  const view = await viewOf(ctx, request, await listItems(ctx.db, request.id));
  await logAccess(ctx, 'read', [request.personId], FIELDS);
  return view;
}

/** A field the person asks to have corrected, with the value they propose and their grounds. */
export async function addRectificationItem(
  ctx: CustomerContext,
  requestId: string,
  input: RectificationItemCreate,
): Promise<RectificationView> {
  const value = parseProposedValue(input.field, input.value);
  const id = crypto.randomUUID();
  const result = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await requireRectification(txCtx, requestId, {
      forUpdate: true,
      status: REQUEST_ACTIONS.addRectificationItem.from,
    });
    const items = await listItems(tx, request.id);
    if (items.some((item) => item.field === input.field)) {
      throw conflict(
        'field',
        `The request already names ${input.field}`,
        'rectification.duplicateField',
      );
    }
    if (input.field === 'personalIdentityCode' && value !== null) {
      const person = await findPersonById(tx, request.personId);
      if (!person?.identityCodePurpose) {
        throw conflict(
          'field',
          "The person has no identity code kept with its reason: record it on the person's page with the reason",
          'rectification.identityCodeWithoutPurpose',
        );
      }
    }
    const encrypted = await ctx.personKeys.encrypt(
      request.personId,
      JSON.stringify(value),
      proposedContext(id),
    );
    const item = await insertItem(tx, {
      id,
      requestId: request.id,
      field: input.field,
      proposedValueEncrypted: encrypted,
      grounds: input.grounds,
      createdAt: ctx.clock.now(),
      createdBy: ctx.actor.userId,
    });
    // The proposed value stays out of the log: it is kept encrypted so that erasure shreds it.
    await recordChange(txCtx, request, 'rectification.addItem', {
      rectification: { item: item.id, field: item.field },
    });
    return { request, items: await listItems(tx, request.id) };
  });
  return viewOf(ctx, result.request, result.items);
}

/**
 * A field the register may correct on the person's word: not the address protection, nor the
 * address of a person under it — those are the population register's (decision 0006). The same
 * rule refuses them again when the correction is applied, should the protection begin meanwhile;
 * the officer refuses the field and points the person to DVV.
 */
async function checkGrantable(
  ctx: CustomerContext,
  personId: string,
  item: RectificationItemRow,
): Promise<void> {
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw notFound('Person');
  const [decrypted] = await decryptItems(ctx, personId, [item]);
  if (!decrypted?.readable) throw new PersonKeyDestroyedError(personId);
  checkAddressWrite({
    role: ctx.actor.role,
    sourceKind: 'request',
    now: ctx.clock.now(),
    current: person,
    write: { [item.field]: decrypted.value },
  });
}

/** The officer's decision on one field; it may change until the field is applied. */
export async function decideRectificationItem(
  ctx: CustomerContext,
  requestId: string,
  itemId: string,
  input: RectificationItemDecision,
): Promise<RectificationView> {
  const result = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await requireRectification(txCtx, requestId, {
      forUpdate: true,
      status: REQUEST_ACTIONS.decideRectificationItem.from,
    });
    const item = await findItem(tx, request.id, itemId);
    if (!item) {
      throw new AppError('not_found', 'The request has no such field to decide', {
        errors: [
          {
            field: 'itemId',
            message: 'No such item in this request',
            code: 'rectification.unknownItem',
          },
        ],
      });
    }
    if (item.appliedAt) {
      throw conflict(
        'itemId',
        `The correction of ${item.field} has been applied: its decision is final`,
        'rectification.alreadyApplied',
      );
    }
    if (input.decision === 'granted') await checkGrantable(txCtx, request.personId, item);
    const decidedOn = helsinkiDate(ctx.clock.now());
    await updateItem(tx, item.id, {
      decision: input.decision,
      refusalReason: input.decision === 'refused' ? (input.reason ?? null) : null,
      decidedOn,
      decidedBy: ctx.actor.userId,
    });
    await recordChange(txCtx, request, 'rectification.decideItem', {
      rectification: {
        item: item.id,
        field: item.field,
        decision: { old: item.decision, new: input.decision },
        ...(input.decision === 'refused' ? { reason: input.reason } : {}),
      },
    });
    return { request, items: await listItems(tx, request.id) };
  });
  return viewOf(ctx, result.request, result.items);
}

/** The recipients each field of the person went to, from the disclosure records. */
async function recipientsByField(
  ctx: CustomerContext,
  personId: string,
  fields: readonly SourcedPersonField[],
): Promise<Map<SourcedPersonField, CapturedRecipient[]>> {
  const disclosures = await findPersonDisclosures(ctx.db, personId);
  const result = new Map<SourcedPersonField, CapturedRecipient[]>();
  for (const field of fields) {
    const names = DISCLOSED_AS[field];
    const byPartner = new Map<string, CapturedRecipient>();
    for (const disclosure of disclosures) {
      // A field withheld for this person (protected address, objection …) was not disclosed.
      const omitted = disclosure.omittedFields[personId] ?? {};
      const sent = disclosure.fields.filter((name) => !(name in omitted));
      if (!sent.some((name) => names.includes(name))) continue;
      let recipient = byPartner.get(disclosure.partnerId);
      if (!recipient) {
        recipient = {
          partnerId: disclosure.partnerId,
          partnerName: disclosure.partnerName,
          disclosures: [],
        };
        byPartner.set(disclosure.partnerId, recipient);
      }
      recipient.disclosures.push({
        id: disclosure.id,
        disclosedAt: disclosure.disclosedAt.toISOString(),
        legalBasis: disclosure.legalBasis,
        collection: disclosure.invoiceIds.length > 0,
      });
    }
    result.set(field, [...byPartner.values()]);
  }
  return result;
}

/**
 * Applies every granted field through the persons service, with the request as the source, in
 * one transaction with the capture of each field's old sources and recipients.
 */
export async function applyRectification(
  ctx: CustomerContext,
  requestId: string,
): Promise<RectificationView> {
  const result = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await requireRectification(txCtx, requestId, {
      forUpdate: true,
      status: REQUEST_ACTIONS.applyRectification.from,
    });
    const items = await listItems(tx, request.id);
    if (items.length === 0) {
      throw conflict('items', 'The request names no field to correct yet', 'rectification.noItems');
    }
    const open = items.filter((item) => item.decision === null);
    if (open.length > 0) {
      throw conflict(
        'items',
        `Decide every field first: ${open.map((item) => item.field).join(', ')}`,
        'rectification.undecided',
      );
    }
    const granted = items.filter((item) => item.decision === 'granted');
    if (granted.length === 0) {
      throw conflict(
        'items',
        'No field was granted: there is nothing to apply',
        'rectification.nothingGranted',
      );
    }
    const pending = granted.filter((item) => item.appliedAt === null);
    if (pending.length === 0) {
      throw conflict(
        'items',
        'The granted corrections have already been applied',
        'rectification.alreadyApplied',
      );
    }
    const decrypted = await decryptItems(txCtx, request.personId, pending);
    if (decrypted.some((d) => !d.readable)) throw new PersonKeyDestroyedError(request.personId);
    const fields = pending.map((item) => item.field);
    const oldSources = await listValueSourceDetails(tx, request.personId, {
      currentOnly: true,
      fields,
    });
    const recipients = await recipientsByField(txCtx, request.personId, fields);

    const patch: Record<string, unknown> = Object.fromEntries(
      decrypted.map(({ item, value }) => [item.field, value]),
    );
    if ('personalIdentityCode' in patch && patch.personalIdentityCode !== null) {
      const person = await findPersonById(tx, request.personId);
      patch.personalIdentityCodePurpose = person?.identityCodePurpose ?? null;
    }
    await updatePerson(txCtx, request.personId, patch, {
      source: { kind: 'request', requestId: request.id },
    });

    const now = ctx.clock.now();
    for (const item of pending) {
      const sources: CapturedSource[] = oldSources
        .filter((source) => source.field === item.field)
        .map((source) => ({
          kind: source.kind,
          partnerId: source.partnerId,
          partnerName: source.partnerName,
          reference: source.reference,
          recordedAt: source.recordedAt,
        }));
      await updateItem(tx, item.id, {
        appliedAt: now,
        appliedBy: ctx.actor.userId,
        sources,
        recipients: recipients.get(item.field) ?? [],
      });
    }
    await recordChange(txCtx, request, 'rectification.apply', {
      rectification: { applied: fields },
    });
    return { request, items: await listItems(tx, request.id) };
  });
  return viewOf(ctx, result.request, result.items);
}

/** What the documents need: the request, its items with their values, and names. */
export async function documentData(ctx: CustomerContext, requestId: string) {
  const request = await requireRectification(ctx, requestId);
  const items = await listItems(ctx.db, request.id);
  const decrypted = await decryptItems(ctx, request.personId, items);
  const organizationNames = await organizationNamesOf(ctx, decrypted);
  const person = await findPersonById(ctx.db, request.personId);
  if (!person) throw notFound('Person');
  return { request, items, decrypted, organizationNames, person };
}
