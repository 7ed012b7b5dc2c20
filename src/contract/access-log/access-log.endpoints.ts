import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  accessLogPage,
  accessLogQuery,
  logUsersQuery,
  logUsersView,
  subjectReportQuery,
  subjectReportView,
} from './access-log.schemas.ts';

const tags = ['access log'];

export const accessLogApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/access-log',
    access: { permission: 'accessLog.read' },
    tags,
    summary:
      'Who read or changed whose personal data, newest first; filter by subject, user, action and time',
    query: accessLogQuery,
    status: 200,
    response: accessLogPage,
    errors: [],
  }),
  users: endpoint({
    method: 'GET',
    path: '/api/access-log/users',
    access: { permission: 'accessLog.read' },
    tags,
    summary: 'Staff members whose username or full name contains q, to filter the log by',
    description:
      "For the log's user filter: a reader of the log finds a user by typing, not by pasting an " +
      'id. Names staff members, so the read is logged with each one found.',
    query: logUsersQuery,
    status: 200,
    response: logUsersView,
    errors: [],
  }),
  subjectReport: endpoint({
    method: 'GET',
    path: '/api/access-log/subjects/:id/report',
    access: { permission: 'accessLog.subjectReport' },
    tags,
    summary: "Who has processed this person's data: the report for a data subject who asks",
    description:
      'The entries of one person in the period (by default the last two years, Europe/Helsinki days), ' +
      "oldest first, in the language asked for (by default the person's own): when, what, by whom " +
      '(name and username, role, partner organisation) and which data in words — never other ' +
      'subjects, changed values, client addresses or request ids. `format=csv` answers text/csv ' +
      '(UTF-8 with BOM, `;`), `format=pdf` application/pdf, both as attachments. Logged as `report`.',
    params: idParams,
    query: subjectReportQuery,
    status: 200,
    response: subjectReportView,
    file: true,
    errors: ['not_found'],
  }),
};
