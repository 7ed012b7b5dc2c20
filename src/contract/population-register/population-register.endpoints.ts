import { endpoint } from '../endpoint.ts';
import { emptyBody } from '../staff/staff.schemas.ts';
import {
  dvvSyncParams,
  dvvSyncReport,
  dvvSyncRun,
  dvvSyncRunList,
} from './population-register.schemas.ts';

const tags = ['population-register'];
const access = { permission: 'populationRegister.sync' } as const;

/** Population-register updates through DVV's change interface (decision 0026). */
export const populationRegisterApi = {
  listSyncs: endpoint({
    method: 'GET',
    path: '/api/population-register/syncs',
    access,
    tags,
    summary: 'The sync runs with DVV’s change interface, newest first (the latest 50)',
    status: 200,
    response: dvvSyncRunList,
    errors: [],
  }),
  startSync: endpoint({
    method: 'POST',
    path: '/api/population-register/syncs',
    access,
    tags,
    summary: 'Start a sync with DVV’s change interface; it runs in the background',
    description:
      'Answers the run at once (status `running`, or a finished one when it was quick). 409 ' +
      '`dvv.notConfigured` when DVV_CHANGES_URL and the rest are not set; 409 ' +
      '`dvv.alreadyRunning` while another run is under way (its id in `runId`).',
    body: emptyBody,
    status: 202,
    response: dvvSyncRun,
    errors: ['conflict'],
  }),
  getSync: endpoint({
    method: 'GET',
    path: '/api/population-register/syncs/:id',
    access,
    tags,
    summary: 'A sync run with its report: what the register did with each change record',
    description: 'Reading the report is logged as a read of the persons it names.',
    params: dvvSyncParams,
    status: 200,
    response: dvvSyncReport,
    errors: ['not_found'],
  }),
};
