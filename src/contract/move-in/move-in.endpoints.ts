import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  importProfileBody,
  importProfileList,
  importProfileParams,
  importProfileView,
  importReportPage,
  importReportQuery,
  importRunList,
  importRunParams,
  importRunView,
  importStartQuery,
} from './move-in.schemas.ts';

const tags = ['imports'];
const access = { permission: 'moveIn.run' } as const;

/**
 * Moving in from an old register (decision 0027). The upload's body is the file itself (CSV or
 * XLSX), not JSON: the web sends it with fetch at `urlOf(moveInApi.start, …)`.
 */
export const moveInApi = {
  listProfiles: endpoint({
    method: 'GET',
    path: '/api/move-in/profiles',
    access,
    tags,
    summary: 'The saved import profiles (column mappings)',
    status: 200,
    response: importProfileList,
    errors: [],
  }),
  saveProfile: endpoint({
    method: 'PUT',
    path: '/api/move-in/profiles/:name',
    access,
    tags,
    summary: 'Save an import profile under its name, replacing one of the same name',
    params: importProfileParams,
    body: importProfileBody,
    status: 200,
    response: importProfileView,
    errors: [],
  }),
  listRuns: endpoint({
    method: 'GET',
    path: '/api/move-in/runs',
    access,
    tags,
    summary: 'The import runs, newest first (the latest 50), with their counts',
    status: 200,
    response: importRunList,
    errors: [],
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/move-in/runs',
    access,
    tags,
    summary: 'Upload a file and run it through a profile (dry run or apply), in the background',
    description:
      'The body is the file itself; `profile` names the profile, `fileName` the file. Answers ' +
      'the run at once (202); its page follows the progress. The same file again continues an ' +
      'unfinished run of it; a file applied before creates nothing twice.',
    query: importStartQuery,
    body: z.any().meta({ format: 'binary', description: 'The file' }),
    status: 202,
    response: importRunView,
    errors: ['not_found', 'conflict'],
  }),
  getRun: endpoint({
    method: 'GET',
    path: '/api/move-in/runs/:id',
    access,
    tags,
    summary: 'An import run: its status, progress and counts',
    params: importRunParams,
    status: 200,
    response: importRunView,
    errors: ['not_found'],
  }),
  report: endpoint({
    method: 'GET',
    path: '/api/move-in/runs/:id/rows',
    access,
    tags,
    summary: "A page of an import run's report, row by row; `outcome` filters",
    description: 'Logged as a read of the persons the page names (the persons the run created).',
    params: importRunParams,
    query: importReportQuery,
    status: 200,
    response: importReportPage,
    errors: ['not_found'],
  }),
  reportCsv: endpoint({
    method: 'GET',
    path: '/api/move-in/runs/:id/report.csv',
    access,
    tags,
    summary:
      "An import run's report as CSV (UTF-8, `;`): row, outcome, field, column, code, reason",
    params: importRunParams,
    query: importReportQuery.pick({ outcome: true }),
    status: 200,
    response: z.string().meta({ format: 'binary', description: 'The CSV' }),
    file: true,
    errors: ['not_found'],
  }),
};
