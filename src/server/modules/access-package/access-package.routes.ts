import type { FastifyInstance } from 'fastify';
import { accessPackageApi } from '../../../contract/access-package/access-package.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { accessPackageJson, accessPackagePdf } from './access-package.formats.ts';
import { buildAccessPackage, handOverAccessPackage } from './access-package.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

/** The answer to an access request (decision 0016): made on demand, and its hand-over. */
export function accessPackageRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, accessPackageApi.get, async (request, reply) => {
      const pkg = await buildAccessPackage(
        customerContext(deps, request),
        request.params.id,
        request.query.format === 'pdf' ? 'print' : 'read',
      );
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') {
        const { fileName } = accessPackageJson(pkg);
        reply.header('content-disposition', `attachment; filename="${fileName}"`);
        return pkg;
      }
      return sendAttachment(reply, await accessPackagePdf(pkg));
    });
    route(app, accessPackageApi.handOver, (request) =>
      handOverAccessPackage(customerContext(deps, request), request.params.id, request.body),
    );
  };
}
