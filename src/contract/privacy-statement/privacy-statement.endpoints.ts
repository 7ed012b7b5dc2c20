import { endpoint } from '../endpoint.ts';
import {
  privacyStatement,
  privacyStatementSettingsInput,
  privacyStatementSettingsView,
  statementQuery,
} from './privacy-statement.schemas.ts';

const tags = ['privacy statement'];
const access = { permission: 'publicPages.manage' } as const;

/**
 * The register's privacy statement (tietosuojaseloste): generated from its own settings and
 * data, public in Finnish, Swedish and English; the administrator keeps the controller's details
 * and the free-text parts.
 */
export const privacyStatementApi = {
  statement: endpoint({
    method: 'GET',
    path: '/api/public/privacy-statement',
    access: { public: true },
    tags,
    summary:
      'The privacy statement in Finnish, Swedish or English (409 privacyStatement.notSetUp before the administrator has saved its settings)',
    query: statementQuery,
    status: 200,
    response: privacyStatement,
    errors: ['conflict'],
  }),
  getSettings: endpoint({
    method: 'GET',
    path: '/api/settings/privacy-statement',
    access,
    tags,
    summary:
      "The controller's details and the statement's free texts (409 privacyStatement.notSetUp before the first save)",
    status: 200,
    response: privacyStatementSettingsView,
    errors: ['conflict'],
  }),
  saveSettings: endpoint({
    method: 'PUT',
    path: '/api/settings/privacy-statement',
    access,
    tags,
    summary: "Set the controller, the contact person, the register's name and the free texts",
    body: privacyStatementSettingsInput,
    status: 200,
    response: privacyStatementSettingsView,
    errors: [],
  }),
};
