import type { z } from 'zod';
import { helsinkiDate } from '../../../contract/dates.ts';
import type { OBJECTION_TYPES } from '../../../contract/enums.ts';
import type { ObjectionView } from '../../../contract/objections/objections.schemas.ts';
import type {
  residentContactPatch,
  residentDataView,
  residentLanguageQuery,
  residentObjectionView,
  residentProcessingView,
  residentRequestCreate,
  residentRequestView,
} from '../../../contract/resident/resident.schemas.ts';
import { AppError } from '../../lib/errors.ts';
import { subjectEntries } from '../access-log/subject-report.ts';
import { SUBJECT_REPORT_PURPOSE } from '../access-log/subject-report.texts.ts';
import { findRequestsOfPerson } from '../access-package/access-package.queries.ts';
import { assemblePersonData, PACKAGE_FIELDS } from '../access-package/access-package.service.ts';
import { logAccess, RESIDENT_ROLE, type ActingContext } from '../customers/context.ts';
import { listObjections } from '../objections/objections.queries.ts';
import { addObjection, withdrawObjection } from '../objections/objections.service.ts';
import { findPersonById, type PersonRow } from '../persons/persons.queries.ts';
import { writePersonPatch } from '../persons/persons.service.ts';
import { fileRequest, verifyRequestIdentity } from '../requests/requests.service.ts';
import type { StoredRequest } from '../requests/requests.queries.ts';
import type { Resident } from './resident-session.ts';
import { personView, type ResidentContext } from './resident.service.ts';

/*
 * The resident's own pages (issue #17 item 4, decision 0032): each reuses the staff side's
 * service, acting as the resident on the one person their session names — no route takes a
 * person id — and the access log names the resident as the actor.
 */

/** What a page of a resident who has not registered yet answers: nothing of anyone. */
const notRegistered = () =>
  new AppError('conflict', 'Register first: the register holds nothing of you yet', {
    errors: [
      {
        field: 'person',
        message: 'You are not in the register',
        code: 'resident.notRegistered',
      },
    ],
  });

/** The context of the staff services, acting as the resident on their own person. */
async function actingAsResident(
  ctx: ResidentContext,
  resident: Resident,
): Promise<{ acting: ActingContext; person: PersonRow }> {
  if (resident.personId === null) throw notRegistered();
  const { deps } = ctx;
  const person = await findPersonById(deps.database.db, resident.personId);
  if (!person) throw new AppError('unauthenticated', 'Sign in first');
  return {
    person,
    acting: {
      db: deps.database.db,
      keys: deps.keys,
      personKeys: deps.personKeys,
      clock: deps.clock,
      accessLog: deps.accessLog,
      actor: {
        resident: true,
        userId: person.id,
        username: null,
        role: RESIDENT_ROLE,
        partnerId: null,
      },
      requestId: ctx.requestId,
      clientAddress: ctx.clientAddress,
    },
  };
}

const languageOf = (person: PersonRow, query: z.output<typeof residentLanguageQuery>) =>
  query.lang ?? (['fi', 'sv', 'en'].includes(person.language) ? person.language : 'fi');

/** The data the resident's pages show: the package's, less the sections they leave out. */
const LEFT_OUT: readonly string[] = [
  'notes',
  'socialClient',
  'health',
  'serviceNeed',
  'income',
  'bankAccount',
  'familyRelation',
  'accessLog',
];
const DATA_FIELDS = PACKAGE_FIELDS.filter((field) => !LEFT_OUT.includes(field));

/** The resident's own data as the access package holds it; the view is one access-log entry. */
export async function residentData(
  ctx: ResidentContext,
  resident: Resident,
  query: z.output<typeof residentLanguageQuery>,
): Promise<z.input<typeof residentDataView>> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const language = languageOf(person, query) as 'fi' | 'sv' | 'en';
  const data = await assemblePersonData(acting, person, language, { socialServices: false });
  await logAccess(acting, 'read', [person.id], DATA_FIELDS, { purpose: 'e-service' });
  return data;
}

/** "Who has processed my data": the last two years of the access log about the resident. */
export async function residentProcessing(
  ctx: ResidentContext,
  resident: Resident,
  query: z.output<typeof residentLanguageQuery>,
): Promise<z.input<typeof residentProcessingView>> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const lang = languageOf(person, query) as 'fi' | 'sv' | 'en';
  const report = await subjectEntries(acting, person.id, { lang, format: 'json' });
  await logAccess(acting, 'report', [person.id], ['name', 'accessLog'], {
    purpose: SUBJECT_REPORT_PURPOSE,
  });
  return { from: report.from, to: report.to, entries: report.entries };
}

function requestView(row: StoredRequest): z.input<typeof residentRequestView> {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    receivedOn: row.receivedOn,
    channel: row.channel,
    status: row.status,
    dueOn: row.dueOn,
    decision:
      row.outcome && row.decidedOn ? { outcome: row.outcome, decidedOn: row.decidedOn } : null,
    answeredOn: row.answeredOn,
  };
}

/** The resident's own requests, newest first, with status and due date. */
export async function residentRequests(
  ctx: ResidentContext,
  resident: Resident,
): Promise<{ items: z.input<typeof residentRequestView>[] }> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const rows = await findRequestsOfPerson(acting.db, person.id);
  await logAccess(acting, 'read', [person.id], ['requests'], { purpose: 'e-service' });
  return { items: rows.reverse().map(requestView) };
}

/**
 * A request filed in the e-service: received today through the channel `e_service`, and its
 * identity verified at once by the strong identification that opened the session — the same
 * request, deadline and work list as any (the requests module's own steps).
 */
export async function fileResidentRequest(
  ctx: ResidentContext,
  resident: Resident,
  input: z.output<typeof residentRequestCreate>,
): Promise<z.input<typeof residentRequestView>> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const today = helsinkiDate(acting.clock.now());
  const filed = await fileRequest(acting, {
    type: input.type,
    personId: person.id,
    receivedOn: today,
    channel: 'e_service',
    language:
      input.language ??
      ((['fi', 'sv', 'en'].includes(person.language) ? person.language : 'fi') as 'fi'),
  });
  const verified = await verifyRequestIdentity(acting, filed.id, {
    method: 'strong_identification',
    verifiedOn: today,
  });
  return requestView(verified);
}

/**
 * The resident corrects their own contact details through the persons service's one update
 * path: the resident is the source of each value, and the change is in the access log.
 */
export async function correctResidentContact(
  ctx: ResidentContext,
  resident: Resident,
  patch: z.output<typeof residentContactPatch>,
) {
  const { acting, person } = await actingAsResident(ctx, resident);
  const row = await writePersonPatch(acting, person.id, patch, {
    source: { kind: 'data_subject', reference: 'e-service, strong identification' },
  });
  return personView(row);
}

type ObjectionRow = Awaited<ReturnType<typeof listObjections>>[number];

function objectionView(row: ObjectionRow): z.input<typeof residentObjectionView> {
  return {
    id: row.id,
    type: row.type,
    objectedOn: row.objectedOn,
    source: row.source,
    active: row.withdrawnOn === null,
    withdrawnOn: row.withdrawnOn,
  };
}

function fromStaffView(view: ObjectionView): z.input<typeof residentObjectionView> {
  return {
    id: view.id,
    type: view.type,
    objectedOn: view.objectedOn,
    source: view.source,
    active: view.active,
    withdrawnOn: view.withdrawal?.withdrawnOn ?? null,
  };
}

/** The resident's own prohibitions, active and withdrawn. */
export async function residentObjections(
  ctx: ResidentContext,
  resident: Resident,
): Promise<{ items: z.input<typeof residentObjectionView>[] }> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const rows = await listObjections(acting.db, person.id);
  await logAccess(acting, 'read', [person.id], ['objections'], { purpose: 'e-service' });
  return { items: rows.map(objectionView) };
}

/** A prohibition from today, through the objections module (one active per use). */
export async function setResidentObjection(
  ctx: ResidentContext,
  resident: Resident,
  type: (typeof OBJECTION_TYPES)[number],
): Promise<z.input<typeof residentObjectionView>> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const view = await addObjection(acting, person.id, {
    type,
    objectedOn: helsinkiDate(acting.clock.now()),
    source: 'e_service',
  });
  return fromStaffView(view);
}

/** Withdraws one of the resident's own prohibitions from today; another's is not found. */
export async function withdrawResidentObjection(
  ctx: ResidentContext,
  resident: Resident,
  objectionId: string,
): Promise<z.input<typeof residentObjectionView>> {
  const { acting, person } = await actingAsResident(ctx, resident);
  const view = await withdrawObjection(acting, person.id, objectionId, {
    withdrawnOn: helsinkiDate(acting.clock.now()),
  });
  return fromStaffView(view);
}
