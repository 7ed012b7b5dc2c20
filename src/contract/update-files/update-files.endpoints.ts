import { endpoint } from '../endpoint.ts';
import { importRun } from '../imports/imports.schemas.ts';
import {
  updateFileProfileList,
  updateFileRunQuery,
  updateFileUpload,
} from './update-files.schemas.ts';

const tags = ['imports'];
const access = { permission: 'updateFiles.apply' } as const;

/**
 * Update-service files (issue #16 item 2, decision 0029). The upload's body is the file itself:
 * the web sends it with fetch at `urlOf(updateFilesApi.run, …)`, not with `call`.
 */
export const updateFilesApi = {
  profiles: endpoint({
    method: 'GET',
    path: '/api/update-files/profiles',
    access,
    tags,
    summary: 'The mapping profiles of update-service files (format, encoding, what they update)',
    status: 200,
    response: updateFileProfileList,
    errors: [],
  }),
  run: endpoint({
    method: 'POST',
    path: '/api/update-files/runs',
    access,
    tags,
    summary: 'Read an update-service file: a dry run (the default) reports, an apply changes',
    description:
      'The body is the file itself (any Content-Type, at most 20 MB). Each row is matched by the ' +
      "identity code's blind index, else by name and previous address; a protected person and " +
      "one with DVV's customer-register update prohibition are refused. The partner (role " +
      '`source`) is the value source of what changes. An apply of a file whose apply was left ' +
      'unfinished continues it. The report is at GET /api/imports/updateFile/{id}/rows. 400 ' +
      '`updateFile.unreadable` when the file does not read as its profile says, ' +
      '`updateFile.unknownProfile`, `source.partnerUnknown`, `source.partnerNotSource`.',
    query: updateFileRunQuery,
    body: updateFileUpload,
    status: 201,
    response: importRun,
    errors: ['conflict'],
  }),
};
