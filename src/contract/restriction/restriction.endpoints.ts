import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  requestRestriction,
  restrictionLetterFile,
  restrictionLift,
  restrictionPlace,
  restrictionView,
} from './restriction.schemas.ts';

const tags = ['restriction'];
const read = { permission: 'requests.read' } as const;
const manage = { permission: 'requests.manage' } as const;

/**
 * Restriction of processing (GDPR Art. 18, decision 0033): placed and lifted on a restriction
 * request by the register officer, with a notice to the person in the request's language.
 */
export const restrictionApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/requests/:id/restriction',
    access: read,
    tags,
    summary: 'The restriction a restriction request placed, or null',
    params: idParams,
    status: 200,
    response: requestRestriction,
    errors: ['not_found'],
  }),
  place: endpoint({
    method: 'POST',
    path: '/api/requests/:id/restriction',
    access: manage,
    tags,
    summary:
      "Place the restriction: from its day the person's data are only stored (the usage rule keeps them out of every use Art. 18(2) does not allow; changes are refused but the named rectification)",
    description:
      'On a restriction request whose identity is verified, before the decision; one per request ' +
      'and one in force per person (409 `restriction.alreadyActive`). A rectification request ' +
      "named must be the same person's (400 `restriction.notRectificationRequest`).",
    params: idParams,
    body: restrictionPlace,
    status: 201,
    response: restrictionView,
    errors: ['not_found', 'conflict'],
  }),
  lift: endpoint({
    method: 'POST',
    path: '/api/requests/:id/restriction/lift',
    access: manage,
    tags,
    summary:
      'Lift the restriction from a day (today or later: the person is told before, Art. 18(3)), with the reason',
    params: idParams,
    body: restrictionLift,
    status: 200,
    response: restrictionView,
    errors: ['not_found', 'conflict'],
  }),
  letter: endpoint({
    method: 'GET',
    path: '/api/requests/:id/restriction/letter',
    access: read,
    tags,
    summary:
      "The notice to the person as a PDF in the request's language: the restriction placed and what it means, or its lifting, the day and the reason",
    params: idParams,
    status: 200,
    response: restrictionLetterFile,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
};
