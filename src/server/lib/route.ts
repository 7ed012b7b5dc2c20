import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ALWAYS_POSSIBLE, type Endpoint, type ParsedInput } from '../../contract/endpoint.ts';
import { problemSchema } from '../../contract/customers/customer-data.schemas.ts';
import { STATUS_BY_CODE } from '../../contract/errors.ts';

/** The request a handler of endpoint E gets: params, query and body as its schemas made them. */
export type EndpointRequest<E extends Endpoint> = Omit<
  FastifyRequest,
  'params' | 'query' | 'body'
> &
  ParsedInput<E>;

/**
 * A handler returns the answer's JSON (the route sets the endpoint's status; `undefined` answers
 * 204), or the reply when it sent something else itself (a file).
 */
export type EndpointHandler<E extends Endpoint> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<z.input<E['response']> | FastifyReply | void> | z.input<E['response']> | FastifyReply;

/**
 * Registers an endpoint of src/contract: its method, path, access (read by the auth plugin and
 * the authorisation matrix), schemas (parsing, the response allow-list, OpenAPI) and the statuses
 * of its error codes come from the declaration; the module gives only the handler.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  declared: E,
  handler: EndpointHandler<E>,
): void {
  const errorStatuses = [...new Set([...ALWAYS_POSSIBLE, ...declared.errors])].map(
    (code) => STATUS_BY_CODE[code],
  );
  const response: Record<number, z.ZodType> = {
    [declared.status]: declared.response,
    ...Object.fromEntries(errorStatuses.map((status) => [status, problemSchema])),
  };
  app.route({
    method: declared.method,
    url: declared.path,
    config: declared.access,
    schema: {
      tags: [...declared.tags],
      summary: declared.summary,
      ...(declared.description ? { description: declared.description } : {}),
      ...(declared.params ? { params: declared.params } : {}),
      ...(declared.query ? { querystring: declared.query } : {}),
      ...(declared.body ? { body: declared.body } : {}),
      response,
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      reply.status(declared.status);
      const answer = await handler(request as unknown as EndpointRequest<E>, reply);
      if (answer === reply || reply.sent) return reply;
      return declared.status === 204 ? reply.send(null) : reply.send(answer);
    },
  });
}
