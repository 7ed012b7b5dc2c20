/** The requests' vocabularies, their life's next step, and the forms' request bodies; pure. */
import { firstDueOn } from '../../../contract/deadlines.ts';
import type { FieldErrors, FormValues } from '../../components/form.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { checkDates, dateValue } from '../billing/customer/billing-format.ts';
import type {
  IdentityMethod,
  RequestChannel,
  RequestLanguage,
  RequestListStatus,
  RequestOutcome,
  RequestStatus,
  RequestSummary,
  RequestType,
  RequestView,
} from './requests-api.ts';

/* Every value (the types make the lists complete), with its name in the catalogue. */
export const TYPE_LABELS: Record<RequestType, MessageKey> = {
  access: 'requests.type.access',
  rectification: 'requests.type.rectification',
  erasure: 'requests.type.erasure',
  objection: 'requests.type.objection',
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
};

export const options = <K extends string>(
  labels: Record<K, MessageKey>,
  t: (key: MessageKey) => string,
): { value: string; label: string }[] =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: t(labels[value]) }));

/** The one step the request's status leads to; null once answered. */
export type NextStep = 'verifyIdentity' | 'start' | 'decide' | 'answer';

export function nextStep(status: RequestStatus): NextStep | null {
  switch (status) {
    case 'received':
      return 'verifyIdentity';
    case 'identity_verified':
      return 'start';
    case 'in_progress':
      return 'decide';
    case 'decided':
      return 'answer';
    case 'answered':
      return null;
  }
}

/** Extended once at most, and only before the answer. */
export const canExtend = (request: RequestView): boolean =>
  !request.extended && request.status !== 'answered';

/** The last day the requester may be told of an extension: the first deadline. */
export const extensionToldBy = (request: Pick<RequestView, 'receivedOn'>): string =>
  firstDueOn(request.receivedOn);

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

/** Required fields left empty and dates that are not dates, before anything is sent. */
export function stepProblems(
  values: FormValues,
  required: readonly string[],
  dates: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of required) {
    if ((values[path] ?? '').trim() === '') {
      errors[path] = { field: path, code: 'required', message: '' };
    }
  }
  return { ...errors, ...checkDates(values, dates) };
}

/** A checked date field as the API's YYYY-MM-DD. */
export const isoDate = (values: FormValues, path: string): string => dateValue(values, path) ?? '';
