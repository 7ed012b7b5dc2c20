import assert from 'node:assert/strict';
import type { MachineScope } from '../../src/contract/partner-api/partner-api.constants.ts';
import { json, type TestApp } from './app.ts';

export type MachineClient = { id: string; secret: string };

/** A machine client of the partner, made through the administrator's API; its secret. */
export async function createMachineClient(
  testApp: TestApp,
  admin: string,
  partnerId: string,
  options: {
    name?: string;
    kind?: 'api_key' | 'oauth_client';
    scopes?: MachineScope[];
    expiresAt?: string;
  } = {},
): Promise<MachineClient> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: `/api/partners/${partnerId}/clients`,
    headers: json(admin),
    payload: {
      name: options.name ?? 'Integraatio',
      kind: options.kind ?? 'api_key',
      scopes: options.scopes ?? ['customers.read', 'notices.write'],
      ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  const body = response.json() as { clientId: string; secret: string };
  return { id: body.clientId, secret: body.secret };
}

/** The headers of a call with an API key (and a JSON body when there is one). */
export const withKey = (key: string, body = false) => ({
  'x-api-key': key,
  ...(body ? { 'content-type': 'application/json' } : {}),
});
