import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  mailingListCreate,
  mailingListMade,
} from '../../../contract/objections/mailing-list.schemas.ts';
import { exportMailingList } from './mailing-list.service.ts';

/** The mailing list and address labels: a list published from the register (decision 0018). */
export function mailingListRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post('/api/exports/mailing-list', {
      config: { permission: 'exports.mailingList' as const },
      schema: {
        tags: ['objections'],
        summary:
          'A mailing list (CSV) or address labels (PDF) of a selection, without the persons who objected, whose address is protected or whose record is archived',
        description:
          'The usage rule is asked about publication in lists and the stated use (direct mail, ' +
          'distance selling, market research). The answer counts those left out by reason, never ' +
          'who, and carries the file in base64. Each person in it is logged as `export`.',
        body: mailingListCreate,
        response: { 201: mailingListMade, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .header('cache-control', 'no-store')
          .send(await exportMailingList(customerContext(deps, request), request.body)),
    });
  };
}
