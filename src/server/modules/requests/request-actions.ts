import type { RequestOutcome, RequestStatus, RequestType } from '../../db/schema/index.ts';
import { firstDueOn } from '../../../contract/deadlines.ts';
import { REQUEST_OUTCOMES } from '../../../contract/enums.ts';
import type { FIELD_ERROR_CODES } from '../../../contract/field-errors.ts';
import {
  OUTCOMES_WITH_REASONS,
  type AllowedRequestAction,
  type BlockedRequestAction,
  type RequestActionName,
} from '../../../contract/requests/requests.schemas.ts';
import { AppError } from '../../lib/errors.ts';
import type { StoredRequest } from './requests.queries.ts';

/*
 * The one state machine of a request's life: which action may be taken in which status (and for
 * which type), the status it leaves, and the earliest date it may carry. The services refuse by
 * it (`refuseUnlessAllowed`), and the request's view lists what the caller may do now
 * (`requestActions`), so the web app offers only those and keeps no copy of the rules.
 */

const OPEN = ['received', 'identity_verified', 'in_progress', 'decided'] as const;

type Rule = {
  from: readonly RequestStatus[];
  to: RequestStatus | null;
  /** Only requests of these types; every type when absent. */
  types?: readonly RequestType[];
};

/**
 * What may be done to a request in which status, and the status it leaves it in:
 * received → identity verified → in progress → decided → answered.
 */
export const REQUEST_ACTIONS = {
  verifyIdentity: { from: ['received'], to: 'identity_verified' },
  start: { from: ['identity_verified'], to: 'in_progress' },
  decide: { from: ['in_progress'], to: 'decided' },
  answer: { from: ['decided'], to: 'answered' },
  extend: { from: OPEN, to: null },
  assign: { from: OPEN, to: null },
  note: { from: [...OPEN, 'answered'], to: null },
  /** The access package is handed over once decided, before the answer (decision 0016). */
  handOver: { from: ['decided'], to: null, types: ['access'] },
  /** The erasure is carried out while in progress, and decides the request (decision 0019). */
  erase: { from: ['in_progress'], to: 'decided', types: ['erasure'] },
  /** Once the identity is verified, before the decision (decision 0018). */
  recordObjections: { from: ['identity_verified', 'in_progress'], to: null, types: ['objection'] },
  /** The fields are named until the work is decided, and decided and applied in progress. */
  addRectificationItem: {
    from: ['received', 'identity_verified', 'in_progress'],
    to: null,
    types: ['rectification'],
  },
  decideRectificationItem: { from: ['in_progress'], to: null, types: ['rectification'] },
  applyRectification: { from: ['in_progress'], to: null, types: ['rectification'] },
  /** Placed once the identity is verified, before the decision (decision 0033). */
  placeRestriction: {
    from: ['identity_verified', 'in_progress'],
    to: null,
    types: ['restriction'],
  },
  /** Lifted whenever it holds: often long after the request was answered. */
  liftRestriction: {
    from: ['identity_verified', 'in_progress', 'decided', 'answered'],
    to: null,
    types: ['restriction'],
  },
} as const satisfies Record<RequestActionName, Rule>;

const words = (status: string) => status.replace('_', ' ');

/** 409 when the request's status (or type) does not allow the action, naming its status. */
export function refuseUnlessAllowed(
  request: Pick<StoredRequest, 'status' | 'type'>,
  action: RequestActionName,
): void {
  const rule: Rule = REQUEST_ACTIONS[action];
  if (rule.types && !rule.types.includes(request.type)) {
    const message = `This cannot be done for a request of type ${request.type}`;
    throw new AppError('conflict', message, {
      errors: [{ field: 'type', message, code: 'request.wrongStatus' }],
      extra: { currentStatus: request.status },
    });
  }
  if (rule.from.includes(request.status)) return;
  const message = `The request is ${words(request.status)}: this can be done only when it is ${rule.from.map(words).join(' or ')}`;
  throw new AppError('conflict', message, {
    errors: [{ field: 'status', message, code: 'request.wrongStatus' }],
    extra: { currentStatus: request.status },
  });
}

/** The step a dated action follows: its date may not be before this one's (nor in the future). */
export function notBeforeOf(
  request: StoredRequest,
  action: 'verifyIdentity' | 'extend' | 'decide' | 'answer' | 'handOver',
): { date: string; what: string } {
  switch (action) {
    case 'verifyIdentity':
    case 'extend':
      return { date: request.receivedOn, what: 'the request was received' };
    case 'decide':
      return {
        date: request.identityVerifiedOn ?? request.receivedOn,
        what: "the requester's identity was verified",
      };
    case 'answer':
    case 'handOver':
      return { date: request.decidedOn ?? request.receivedOn, what: 'the decision' };
  }
}

/** Whether a rectification request's fields let it be decided, and to which outcome. */
export type RectificationReadiness =
  | { ready: true; outcome: RequestOutcome }
  | { ready: false; code: (typeof FIELD_ERROR_CODES)[number]; message: string };

export type RequestFacts = {
  /** The caller holds `requests.manage`. */
  canManage: boolean;
  /** For a rectification request in progress: what its fields' decisions allow. */
  rectification?: RectificationReadiness;
  /**
   * For a restriction request: whether it has placed its restriction, and whether that still
   * waits to be lifted (holds, with no end set).
   */
  restriction?: { placed: boolean; liftable: boolean };
};

/**
 * What the caller may do to the request now, each with what it needs, and the steps its status
 * leads to that wait for something first.
 */
export function requestActions(
  request: StoredRequest,
  facts: RequestFacts,
): { allowed: AllowedRequestAction[]; blocked: BlockedRequestAction[] } {
  if (!facts.canManage) return { allowed: [], blocked: [] };
  const allowed: AllowedRequestAction[] = [];
  const blocked: BlockedRequestAction[] = [];
  const permitted = (action: RequestActionName) => {
    const rule: Rule = REQUEST_ACTIONS[action];
    return rule.from.includes(request.status) && (!rule.types || rule.types.includes(request.type));
  };
  for (const action of Object.keys(REQUEST_ACTIONS) as RequestActionName[]) {
    if (!permitted(action)) continue;
    switch (action) {
      case 'verifyIdentity':
      case 'answer':
        allowed.push({ action, notBefore: notBeforeOf(request, action).date });
        break;
      case 'handOver':
        if (request.outcome !== 'refused') {
          allowed.push({ action, notBefore: notBeforeOf(request, action).date });
        }
        break;
      case 'extend':
        if (request.extensionToldOn === null) {
          allowed.push({
            action,
            notBefore: notBeforeOf(request, action).date,
            tellBy: firstDueOn(request.receivedOn),
          });
        }
        break;
      case 'decide': {
        const readiness = request.type === 'rectification' ? facts.rectification : undefined;
        if (readiness && !readiness.ready) {
          blocked.push({ action, code: readiness.code, message: readiness.message });
          break;
        }
        // A restriction request is granted once its restriction is placed, refused while not.
        const restricted = request.type === 'restriction' ? facts.restriction : undefined;
        allowed.push({
          action,
          notBefore: notBeforeOf(request, action).date,
          outcomes: readiness
            ? [readiness.outcome]
            : restricted
              ? restricted.placed
                ? ['granted', 'partly_granted']
                : ['refused']
              : [...REQUEST_OUTCOMES],
          reasonsRequiredFor: [...OUTCOMES_WITH_REASONS],
        });
        break;
      }
      case 'placeRestriction':
        if (!facts.restriction?.placed) allowed.push({ action });
        break;
      case 'liftRestriction':
        if (facts.restriction?.liftable) allowed.push({ action });
        break;
      case 'start':
      case 'assign':
      case 'note':
      case 'erase':
      case 'recordObjections':
      case 'addRectificationItem':
      case 'decideRectificationItem':
      case 'applyRectification':
        allowed.push({ action });
        break;
    }
  }
  return { allowed, blocked };
}
