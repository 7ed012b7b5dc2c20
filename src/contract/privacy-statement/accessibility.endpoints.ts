import { endpoint } from '../endpoint.ts';
import { statementQuery } from './privacy-statement.schemas.ts';
import {
  accessibilityFeedbackInput,
  accessibilityFeedbackReceipt,
  accessibilityFeedbackView,
  accessibilityStatement,
  feedbackListQuery,
  feedbackPage,
  feedbackParams,
  feedbackPatch,
} from './accessibility.schemas.ts';

const tags = ['accessibility'];
const access = { permission: 'publicPages.manage' } as const;

/** The accessibility statement (Act 306/2019) and its feedback channel. */
export const accessibilityApi = {
  statement: endpoint({
    method: 'GET',
    path: '/api/public/accessibility-statement',
    access: { public: true },
    tags,
    summary:
      'The accessibility statement in Finnish, Swedish or English (409 privacyStatement.notSetUp before the administrator has saved the settings)',
    query: statementQuery,
    status: 200,
    response: accessibilityStatement,
    errors: ['conflict'],
  }),
  sendFeedback: endpoint({
    method: 'POST',
    path: '/api/public/accessibility-feedback',
    access: { public: true },
    tags,
    summary:
      'Give feedback on accessibility (429 when one address has sent too much within an hour)',
    body: accessibilityFeedbackInput,
    status: 201,
    response: accessibilityFeedbackReceipt,
    errors: [],
  }),
  listFeedback: endpoint({
    method: 'GET',
    path: '/api/settings/accessibility-feedback',
    access,
    tags,
    summary: 'The feedback received, newest first: open only, or all',
    query: feedbackListQuery,
    status: 200,
    response: feedbackPage,
    errors: [],
  }),
  markHandled: endpoint({
    method: 'PATCH',
    path: '/api/settings/accessibility-feedback/:id',
    access,
    tags,
    summary: 'Mark feedback handled (answered, or acted on); handling it again keeps the first',
    params: feedbackParams,
    body: feedbackPatch,
    status: 200,
    response: accessibilityFeedbackView,
    errors: ['not_found'],
  }),
};
