import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Endpoint } from '../../contract/endpoint.ts';

type Extras = {
  /** The media types a file endpoint answers (OpenAPI), e.g. `application/pdf`. */
  produces?: readonly string[];
  /** The media types an upload takes as its body (OpenAPI). */
  consumes?: readonly string[];
  /** An upload's own body limit and the checks made before its body is read. */
  options?: Pick<RouteOptions, 'bodyLimit' | 'onRequest'>;
};

/**
 * What an endpoint's declaration (src/contract/endpoint.ts) cannot say and `route()` does not
 * pass on: media types other than JSON and route options of an upload. Added by an onRoute hook
 * of the module's own plugin, so call it before `route(app, declared, …)`.
 */
export function routeExtras(app: FastifyInstance, declared: Endpoint, extras: Extras): void {
  app.addHook('onRoute', (options) => {
    if (options.url !== declared.path || options.method !== declared.method) return;
    if (options.schema) {
      if (extras.produces) Object.assign(options.schema, { produces: [...extras.produces] });
      if (extras.consumes) Object.assign(options.schema, { consumes: [...extras.consumes] });
    }
    Object.assign(options, extras.options);
  });
}
