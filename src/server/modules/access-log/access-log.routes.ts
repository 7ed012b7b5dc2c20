import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import { route } from '../../lib/route.ts';
import { findLogUsers, readAccessLog } from './access-log.service.ts';
import { makeSubjectReport } from './subject-report.ts';
import { subjectReportCsv, subjectReportPdf } from './subject-report.formats.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

export function accessLogRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, accessLogApi.list, (request) =>
      readAccessLog(customerContext(deps, request), request.query),
    );

    route(app, accessLogApi.users, (request) =>
      findLogUsers(customerContext(deps, request), request.query),
    );

    route(app, accessLogApi.subjectReport, async (request, reply) => {
      const report = await makeSubjectReport(
        customerContext(deps, request),
        request.params.id,
        request.query,
      );
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') return report;
      const file =
        request.query.format === 'csv' ? subjectReportCsv(report) : await subjectReportPdf(report);
      return sendAttachment(reply, file);
    });
  };
}
