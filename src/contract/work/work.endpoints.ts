import { endpoint } from '../endpoint.ts';
import { workView } from './work.schemas.ts';

export const workApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/work',
    access: { signedIn: true },
    tags: ['work'],
    summary: "The signed-in staff member's work lists, by what their role may do",
    description:
      'Requests due soon and overdue, break-the-glass reviews waiting, orders delivered and not ' +
      'invoiced, overdue invoices and past invoice runs, accounts ending soon and unsigned ' +
      'commitments: each section null for a role without its permission. Counts and numbers only.',
    status: 200,
    response: workView,
    errors: [],
  }),
};
