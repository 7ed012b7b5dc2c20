import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import { accessPackageJson, accessPackagePdf } from './access-package.formats.ts';
import {
  accessPackageQuery,
  accessPackageView,
  handOverInput,
  handOverView,
} from '../../../contract/access-package/access-package.schemas.ts';
import { buildAccessPackage, handOverAccessPackage } from './access-package.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

/** The answer to an access request (decision 0016): made on demand, and its hand-over. */
export function accessPackageRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['requests'];

    app.get('/api/requests/:id/access-package', {
      config: { permission: 'requests.read' },
      schema: {
        tags,
        summary: 'The answer to an access request: every datum held about the person, by category',
        description:
          'Made from the data as it is, not stored. `format=json` (stable English keys, ISO dates, ' +
          "cents) or `format=pdf` in the request's language with the confidentiality marking, both as " +
          'attachments. 409 `accessPackage.notAccessRequest` for another type of request. Logged as a ' +
          'read of all the data it holds.',
        params: idParams,
        querystring: accessPackageQuery,
        response: { 200: accessPackageView, ...standardErrors },
      },
      handler: async (request, reply) => {
        const pkg = await buildAccessPackage(customerContext(deps, request), request.params.id);
        reply.header('cache-control', 'no-store');
        if (request.query.format === 'json') {
          const { fileName } = accessPackageJson(pkg);
          reply.header('content-disposition', `attachment; filename="${fileName}"`);
          return pkg;
        }
        return sendAttachment(reply, await accessPackagePdf(pkg));
      },
    });

    app.post('/api/requests/:id/access-package/hand-over', {
      config: { permission: 'requests.manage' },
      schema: {
        tags,
        summary:
          'Record that the answer was handed over (day, channel): a disclosure to the data subject themself',
        description:
          'For a decided (granted or partly granted) access request, before it is marked answered. ' +
          'Writes the disclosure record, its `disclose` access-log entry and the request event in one ' +
          'transaction.',
        params: idParams,
        body: handOverInput,
        response: { 201: handOverView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await handOverAccessPackage(
              customerContext(deps, request),
              request.params.id,
              request.body,
            ),
          ),
    });
  };
}
