import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import helmet from '@fastify/helmet';

/**
 * Security headers and a strict Content-Security-Policy on every response. Styles allow
 * 'unsafe-inline' because the Suomi.fi components are styled at run time (styled-components);
 * scripts come only from this origin.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

function crossOrigin(request: FastifyRequest): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'Sec-Fetch-Site';
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  try {
    // request.host is the Host header, or X-Forwarded-Host behind a trusted proxy (TRUST_PROXY).
    return new URL(origin).host === request.host ? null : 'Origin';
  } catch {
    return 'Origin'; // "null" (a sandboxed or file page) or no URL at all
  }
}

/**
 * API answers are never cached (they carry personal data, errors included), and a request that
 * changes state must come from the register's own pages: a browser names the page's origin in
 * `Origin` (and `Sec-Fetch-Site`), so another site's form or script gets 403 even with the
 * session cookie. A request without them (the CLI, curl, integrations) is not a browser's
 * cross-site request and passes.
 */
export function registerApiGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url)) return;
    void reply.header('cache-control', 'no-store');
    if (!STATE_CHANGING.has(request.method)) return;
    const header = crossOrigin(request);
    if (header) {
      throw new AppError('forbidden', 'A change must come from the register’s own pages', {
        errors: [
          { field: header, message: 'Another origin may not change data', code: 'origin.cross' },
        ],
      });
    }
  });
  // A route that sets its own caching (a download) is overruled for the API.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApi(request.url)) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
