/**
 * The requests' vocabularies and how a request is shown; pure. What may be done to a request is
 * the server's (its `allowedActions`), not decided here.
 */
import type { FormValues } from '../../components/form.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { dateValue } from '../billing/customer/billing-format.ts';
import type { QueryOf } from '../../../contract/endpoint.ts';
import type {
  IdentityMethod,
  RequestChannel,
  RequestLanguage,
  RequestOutcome,
  RequestStatus,
  RequestType,
} from '../../../contract/enums.ts';
import type { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import type { RequestSummary } from '../../../contract/requests/requests.schemas.ts';

/** Which requests a list shows: open ones by due date, or (answered, all) newest receipt first. */
export type RequestListStatus = NonNullable<QueryOf<typeof requestsApi.list>['status']>;

/* Every value (the types make the lists complete), with its name in the catalogue. */
export const TYPE_LABELS: Record<RequestType, MessageKey> = {
  access: 'requests.type.access',
  rectification: 'requests.type.rectification',
  erasure: 'requests.type.erasure',
  objection: 'requests.type.objection',
  restriction: 'requests.type.restriction',
};

export const CHANNEL_LABELS: Record<RequestChannel, MessageKey> = {
  letter: 'requests.channel.letter',
  email: 'requests.channel.email',
  counter: 'requests.channel.counter',
  e_service: 'requests.channel.e_service',
};

export const LANGUAGE_LABELS: Record<RequestLanguage, MessageKey> = {
  fi: 'language.fi',
  sv: 'language.sv',
  en: 'language.en',
};

export const STATUS_LABELS: Record<RequestStatus, MessageKey> = {
  received: 'requests.status.received',
  identity_verified: 'requests.status.identity_verified',
  in_progress: 'requests.status.in_progress',
  decided: 'requests.status.decided',
  answered: 'requests.status.answered',
};

export const OUTCOME_LABELS: Record<RequestOutcome, MessageKey> = {
  granted: 'requests.outcome.granted',
  partly_granted: 'requests.outcome.partly_granted',
  refused: 'requests.outcome.refused',
};

export const METHOD_LABELS: Record<IdentityMethod, MessageKey> = {
  signed_letter: 'requests.method.signed_letter',
  strong_identification: 'requests.method.strong_identification',
  in_person: 'requests.method.in_person',
};

/** The history's actions (the server's request events). */
export const ACTION_LABELS: Record<string, MessageKey> = {
  create: 'requests.action.create',
  verifyIdentity: 'requests.action.verifyIdentity',
  start: 'requests.action.start',
  extend: 'requests.action.extend',
  decide: 'requests.action.decide',
  answer: 'requests.action.answer',
  assign: 'requests.action.assign',
  note: 'requests.action.note',
  handOver: 'access.action.handOver',
  objections: 'objections.historyAction',
  attachment: 'attachments.historyAction',
  'rectification.addItem': 'rectification.action.addItem',
  'rectification.decideItem': 'rectification.action.decideItem',
  'rectification.apply': 'rectification.action.apply',
  erase: 'requests.action.erase',
  'restriction.place': 'restriction.historyPlace',
  'restriction.lift': 'restriction.historyLift',
};

/** The names of the history's changed fields. */
export const CHANGE_LABELS: Record<string, MessageKey> = {
  handedOverOn: 'access.handedOverOn',
  channel: 'access.channel',
  type: 'requests.typeLabel',
  receivedOn: 'requests.receivedOn',
  dueOn: 'requests.dueOn',
  status: 'requests.statusLabel',
  assigneeId: 'requests.assignee',
  identityMethod: 'requests.method',
  identityVerifiedOn: 'requests.verifiedOn',
  identityVerifiedBy: 'requests.verifiedBy',
  extensionReason: 'requests.extensionReason',
  extensionToldOn: 'requests.requesterToldOn',
  outcome: 'requests.outcome',
  decisionReasons: 'requests.reasons',
  decidedOn: 'requests.decidedOn',
  answeredOn: 'requests.answeredOn',
  note: 'requests.note',
  rectification: 'rectification.title',
  erasure: 'erasure.title',
  restriction: 'restriction.title',
  liftedOn: 'restriction.liftedOn',
  liftReason: 'restriction.liftReason',
};

export const options = <K extends string>(
  labels: Record<K, MessageKey>,
  t: (key: MessageKey) => string,
): { value: string; label: string }[] =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: t(labels[value]) }));

/** A staff member as the requests show them: by full name, else by username. */
export const staffDisplay = (staff: { username: string; fullName: string | null }): string =>
  staff.fullName ?? staff.username;

/** How the due date stands: answered, overdue by days, due today, or days left. */
export function deadlineText(
  request: Pick<RequestSummary, 'daysLeft' | 'overdue'>,
  t: (key: MessageKey, params?: Record<string, number>) => string,
): string | null {
  const days = request.daysLeft;
  if (days === null) return null;
  if (request.overdue) {
    return t(days === -1 ? 'requests.overdueByOne' : 'requests.overdueBy', { days: -days });
  }
  if (days === 0) return t('requests.dueToday');
  return t(days === 1 ? 'requests.daysLeftOne' : 'requests.daysLeft', { days });
}

/** The list's status and "assigned to me" as the URL keeps them. */
export type RequestFilters = { status: RequestListStatus; mine: boolean };

export function requestFiltersFrom(params: URLSearchParams): RequestFilters {
  const status = params.get('status');
  return {
    status: status === 'answered' || status === 'all' ? status : 'open',
    mine: params.get('mine') === 'true',
  };
}

export function requestFiltersToParams(filters: RequestFilters): Record<string, string> {
  return {
    ...(filters.status === 'open' ? {} : { status: filters.status }),
    ...(filters.mine ? { mine: 'true' } : {}),
  };
}

/** A checked date field as the API's YYYY-MM-DD. */
export const isoDate = (values: FormValues, path: string): string => dateValue(values, path) ?? '';
