import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { persons } from '../../db/schema/index.ts';
import type { RouteDeps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import { formatPhoneFinnish, parseIdentityCode } from '../../../finnish/index.ts';
import type { AccessAction } from '../access-log/access-log.ts';
import { RESIDENT_ROLE } from '../customers/context.ts';
import {
  findPersonIdByIdentityCodeIndex,
  insertPerson,
  type PersonInsert,
  type PersonRow,
} from '../persons/persons.queries.ts';
import {
  describeChanges,
  identityCodeContext,
  identityCodeIndex,
} from '../persons/persons.service.ts';
import { recordValueSources, type ResolvedSource } from '../persons/value-sources.ts';
import type { ResidentRefusal } from '../../../contract/resident/resident.constants.ts';
import type {
  registrationBody,
  residentMeView,
  residentPersonView,
} from '../../../contract/resident/resident.schemas.ts';
import type { RelyingParty, Transaction } from './relying-party.ts';
import {
  attachPerson,
  openResidentSession,
  type Identity,
  type Resident,
  type ResidentSessionPolicy,
} from './resident-session.ts';

/** What a resident's service function needs: the app's dependencies and who asks, from where. */
export type ResidentContext = {
  deps: RouteDeps;
  requestId: string;
  clientAddress: string;
};

type PersonView = z.input<typeof residentPersonView>;

/**
 * Records that the resident read or changed their own data: the resident is the actor (the
 * entry's user id their person id, the role `resident`), and the only subject.
 */
function logResident(
  ctx: ResidentContext,
  db: Db,
  personId: string,
  action: AccessAction,
  fields: string[],
  details: { purpose?: string; changes?: Record<string, unknown> } = {},
): Promise<void> {
  return ctx.deps.accessLog.record(db, {
    userId: personId,
    username: null,
    role: RESIDENT_ROLE,
    action,
    subjectIds: [personId],
    fields,
    changes: details.changes ?? null,
    purpose: details.purpose ?? null,
    clientAddress: ctx.clientAddress,
    requestId: ctx.requestId,
  });
}

/** The names and the identity code the identification gave, or the reason it gave none. */
export function identityFromClaims(claims: Record<string, unknown>): Identity | 'no_identity_code' {
  const text = (...names: string[]) => {
    for (const name of names) {
      const value = claims[name];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
    return null;
  };
  // Suomi.fi names the code by its OID; brokers and the stand-in by its name.
  const code = text('personalIdentityCode', 'urn:oid:1.2.246.21', 'hetu');
  const parsed = code === null ? null : parseIdentityCode(code);
  if (!parsed?.ok) return 'no_identity_code';
  const firstName = text('given_name', 'urn:oid:2.5.4.42', 'firstName') ?? '';
  const lastName = text('family_name', 'urn:oid:2.5.4.4', 'lastName') ?? '';
  return { firstName, lastName, personalIdentityCode: parsed.value.code };
}

export type SignInOutcome =
  | { kind: 'signedIn'; token: string; language: Transaction['language'] }
  | { kind: 'refused'; reason: ResidentRefusal; language: Transaction['language'] };

/**
 * The identity provider's answer: the code is exchanged with the PKCE verifier, the state and
 * the ID token's nonce are checked against the transaction (openid-client refuses any
 * mismatch), the identity code finds the person through the blind index, and a person archived,
 * erased or recorded deceased is refused.
 */
export async function finishSignIn(
  ctx: ResidentContext,
  options: {
    party: RelyingParty;
    transaction: Transaction;
    currentUrl: URL;
    policy: ResidentSessionPolicy;
  },
): Promise<SignInOutcome> {
  const { party, transaction } = options;
  const { language } = transaction;
  let identity: Identity | 'no_identity_code';
  let idToken: string | null;
  try {
    const tokens = await oidc.authorizationCodeGrant(party.config, options.currentUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return { kind: 'refused', reason: 'identification_failed', language };
    identity = identityFromClaims(claims);
    if (identity === 'no_identity_code' && tokens.access_token) {
      identity = identityFromClaims(
        await oidc.fetchUserInfo(party.config, tokens.access_token, claims.sub),
      );
    }
    idToken = tokens.id_token ?? null;
  } catch (error) {
    if (error instanceof AppError) throw error;
    return { kind: 'refused', reason: 'identification_failed', language };
  }
  if (identity === 'no_identity_code') return { kind: 'refused', reason: identity, language };
  const db = ctx.deps.database.db;
  const index = identityCodeIndex(ctx.deps.keys, identity.personalIdentityCode);
  const [person] = await db
    .select({ id: persons.id, archivedAt: persons.archivedAt, deceasedOn: persons.deceasedOn })
    .from(persons)
    .where(eq(persons.identityCodeIndex, index));
  if (person) {
    await logResident(ctx, db, person.id, 'search', ['personalIdentityCode'], {
      purpose: 'strong identification in the e-service',
    });
    if (person.deceasedOn !== null) return { kind: 'refused', reason: 'deceased', language };
    if (person.archivedAt !== null) return { kind: 'refused', reason: 'closed', language };
  }
  const { token } = await openResidentSession(db, ctx.deps.keys, {
    identity,
    identityCodeIndex: index,
    personId: person?.id ?? null,
    idToken,
    now: ctx.deps.clock.now(),
    policy: options.policy,
  });
  return { kind: 'signedIn', token, language };
}

export function personView(row: PersonRow): PersonView {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email ?? null,
    phone: row.phone ?? null,
    phoneDisplay: row.phone ? formatPhoneFinnish(row.phone) : null,
    contactAddress: row.contactAddress ?? null,
    permanentAddress: row.permanentAddress ?? null,
    language: (row.language ?? 'fi') as PersonView['language'],
  };
}

const SHOWN_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'contactAddress',
  'permanentAddress',
  'language',
];

/** The resident's own data; the read is logged with the resident as the actor. */
export async function residentMe(
  ctx: ResidentContext,
  resident: Resident,
): Promise<z.input<typeof residentMeView>> {
  const db = ctx.deps.database.db;
  let person: PersonView | null = null;
  if (resident.personId !== null) {
    const [row] = await db.select().from(persons).where(eq(persons.id, resident.personId));
    if (!row) throw new AppError('unauthenticated', 'Sign in first');
    await logResident(ctx, db, row.id, 'read', SHOWN_FIELDS, { purpose: 'e-service' });
    person = personView(row);
  }
  return {
    identified: { firstName: resident.identity.firstName, lastName: resident.identity.lastName },
    person,
    expiresAt: resident.expiresAt.toISOString(),
    absoluteExpiresAt: resident.absoluteExpiresAt.toISOString(),
  };
}

const alreadyRegistered = () =>
  new AppError('conflict', 'You are already in the register: sign in again to see your data', {
    errors: [
      {
        field: 'personalIdentityCode',
        message: 'A person with this identity code is already registered',
        code: 'resident.alreadyRegistered',
      },
    ],
  });

/**
 * Self-registration (issue #17 item 3): names and identity code from the identification, never
 * typed; contact details and language as the resident gave them; the resident is the source of
 * every value, and the identity code is kept for unambiguous identification (29 §).
 */
export async function registerResident(
  ctx: ResidentContext,
  resident: Resident,
  input: z.output<typeof registrationBody>,
): Promise<PersonView> {
  if (resident.personId !== null) throw alreadyRegistered();
  const { deps } = ctx;
  const db = deps.database.db;
  const { identity } = resident;
  const index = identityCodeIndex(deps.keys, identity.personalIdentityCode);
  if (await findPersonIdByIdentityCodeIndex(db, index)) throw alreadyRegistered();
  if (identity.firstName === '' || identity.lastName === '') {
    throw new AppError('conflict', 'The identification gave no name: register at the office', {
      errors: [
        {
          field: 'lastName',
          message: 'The identification gave no name',
          code: 'resident.nameMissing',
        },
      ],
    });
  }
  const id = crypto.randomUUID();
  const parsed = parseIdentityCode(identity.personalIdentityCode);
  const columns: PersonInsert = {
    id,
    firstName: identity.firstName,
    lastName: identity.lastName,
    identityCodeEncrypted: await deps.personKeys.encrypt(
      id,
      identity.personalIdentityCode,
      identityCodeContext(id),
    ),
    identityCodeIndex: index,
    identityCodeTemporary: parsed.ok && parsed.value.temporary,
    identityCodePurpose: 'unambiguous_identification',
    email: input.email ?? null,
    phone: input.phone ?? null,
    contactAddress: input.contactAddress ?? null,
    language: input.language,
    searchText: foldForSearch(`${identity.firstName} ${identity.lastName}`),
  };
  const changes = describeChanges(undefined, columns, undefined, []);
  const source: ResolvedSource = {
    kind: 'data_subject',
    partnerId: null,
    partnerName: null,
    requestId: null,
    reference: 'e-service registration, strong identification',
    explicit: true,
  };
  const given = {
    firstName: identity.firstName,
    lastName: identity.lastName,
    personalIdentityCode: identity.personalIdentityCode,
    email: input.email ?? undefined,
    phone: input.phone ?? undefined,
    contactAddress: input.contactAddress ?? undefined,
    language: input.language,
  };
  const row = await db
    .transaction(async (tx) => {
      await logResident(
        ctx,
        tx,
        id,
        'create',
        Object.keys(given).filter((k) => given[k as keyof typeof given] !== undefined),
        {
          purpose: 'self-registration in the e-service',
          changes: { ...changes, source: { kind: source.kind, reference: source.reference ?? '' } },
        },
      );
      const inserted = await insertPerson(tx, columns);
      await recordValueSources(
        { db: tx, clock: deps.clock, actor: null },
        { personId: id, input: given, changes, source },
      );
      await attachPerson(tx, resident.sessionTokenHash, id);
      return inserted;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyRegistered() : error;
    });
  return personView(row);
}
