import { endpoint } from '../endpoint.ts';
import {
  importCsvFile,
  importCsvQuery,
  importRowPage,
  importRowsQuery,
  importRunList,
  importRunParams,
} from './imports.schemas.ts';

const tags = ['imports'];
const access = { permission: 'imports.read' } as const;

/** The imports page: every run of data coming in and its report (decision 0029). */
export const importsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/imports',
    access,
    tags,
    summary:
      'Runs of data coming in (DVV syncs, update files), newest first: the latest 50 of each',
    status: 200,
    response: importRunList,
    errors: [],
  }),
  rows: endpoint({
    method: 'GET',
    path: '/api/imports/:kind/:id/rows',
    access,
    tags,
    summary: "A run's report, a page of rows at a time, filtered by outcome",
    description: 'Logged as a read of the persons the page names. 400 `imports.unknownOutcome`.',
    params: importRunParams,
    query: importRowsQuery,
    status: 200,
    response: importRowPage,
    errors: ['not_found'],
  }),
  csv: endpoint({
    method: 'GET',
    path: '/api/imports/:kind/:id/csv',
    access,
    tags,
    summary: "A run's report as CSV (UTF-8 with BOM, `;`), streamed, filtered by outcome",
    description: 'Logged as a read of the persons it names, page by page as it is written.',
    params: importRunParams,
    query: importCsvQuery,
    status: 200,
    response: importCsvFile,
    file: true,
    errors: ['not_found'],
  }),
};
