import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  accessLogPage,
  accessLogQuery,
  subjectReportQuery,
  subjectReportView,
} from '../../../contract/access-log/access-log.schemas.ts';
import { readAccessLog } from './access-log.service.ts';
import { makeSubjectReport } from './subject-report.ts';
import { subjectReportCsv, subjectReportPdf } from './subject-report.formats.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

export function accessLogRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['access log'];

    app.get('/api/access-log', {
      config: { permission: 'accessLog.read' },
      schema: {
        tags,
        summary:
          'Who read or changed whose personal data, newest first; filter by subject, user, action and time',
        querystring: accessLogQuery,
        response: { 200: accessLogPage, ...standardErrors },
      },
      handler: (request) => readAccessLog(customerContext(deps, request), request.query),
    });

    app.get('/api/access-log/subjects/:id/report', {
      config: { permission: 'accessLog.subjectReport' },
      schema: {
        tags,
        summary: "Who has processed this person's data: the report for a data subject who asks",
        description:
          'The entries of one person in the period (by default the last two years, Europe/Helsinki days), ' +
          "oldest first, in the language asked for (by default the person's own): when, what, by whom " +
          '(name and username, role, partner organisation) and which data in words — never other ' +
          'subjects, changed values, client addresses or request ids. `format=csv` answers text/csv ' +
          '(UTF-8 with BOM, `;`), `format=pdf` application/pdf, both as attachments. Logged as `report`.',
        params: idParams,
        querystring: subjectReportQuery,
        response: { 200: subjectReportView, ...standardErrors },
      },
      handler: async (request, reply) => {
        const report = await makeSubjectReport(
          customerContext(deps, request),
          request.params.id,
          request.query,
        );
        reply.header('cache-control', 'no-store');
        if (request.query.format === 'json') return report;
        const file =
          request.query.format === 'csv'
            ? subjectReportCsv(report)
            : await subjectReportPdf(report);
        return sendAttachment(reply, file);
      },
    });
  };
}
