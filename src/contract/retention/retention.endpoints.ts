import { endpoint } from '../endpoint.ts';
import { emptyBody } from '../staff/staff.schemas.ts';
import {
  retentionDryRun,
  retentionRun,
  retentionRunList,
  retentionRunParams,
  retentionRunReport,
  retentionSettingsInput,
  retentionSettingsView,
} from './retention.schemas.ts';

const tags = ['retention'];
const read = { permission: 'retention.read' } as const;

/** Retention of customers with no relationship left (issue #18 item 3, decision 0034). */
export const retentionApi = {
  getSettings: endpoint({
    method: 'GET',
    path: '/api/retention/settings',
    access: read,
    tags,
    summary: 'The retention periods of customers (the defaults until an administrator saves)',
    status: 200,
    response: retentionSettingsView,
    errors: [],
  }),
  saveSettings: endpoint({
    method: 'PUT',
    path: '/api/retention/settings',
    access: { permission: 'retention.manage' },
    tags,
    summary: 'Set the retention periods and whether the server erases by them every day',
    body: retentionSettingsInput,
    status: 200,
    response: retentionSettingsView,
    errors: [],
  }),
  dryRun: endpoint({
    method: 'GET',
    path: '/api/retention/dry-run',
    access: read,
    tags,
    summary: 'The customers past retention today, what erasing each would do, and what blocks it',
    description:
      'Changes nothing. Lists at most 500 customers (`truncated` says there are more); logged ' +
      'as a read of each listed person.',
    status: 200,
    response: retentionDryRun,
    errors: [],
  }),
  listRuns: endpoint({
    method: 'GET',
    path: '/api/retention/runs',
    access: read,
    tags,
    summary: 'The retention runs, newest first (the latest 50), with their counts',
    status: 200,
    response: retentionRunList,
    errors: [],
  }),
  startRun: endpoint({
    method: 'POST',
    path: '/api/retention/runs',
    access: { permission: 'retention.run' },
    tags,
    summary: 'Erase the customers past retention now, through the erasure and its blockers',
    description: '409 `retention.alreadyRunning` while another run is under way.',
    body: emptyBody,
    status: 201,
    response: retentionRun,
    errors: ['conflict'],
  }),
  getRun: endpoint({
    method: 'GET',
    path: '/api/retention/runs/:id',
    access: read,
    tags,
    summary: 'A run with the outcome of each customer, by pseudonymous reference (no names)',
    params: retentionRunParams,
    status: 200,
    response: retentionRunReport,
    errors: ['not_found'],
  }),
};
