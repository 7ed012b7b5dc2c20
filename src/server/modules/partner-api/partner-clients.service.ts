import { eq, and, isNull } from 'drizzle-orm';
import { partnerClients, partnerClientSecrets } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import type { z } from 'zod';
import type {
  clientCreate,
  clientRotate,
  ClientView,
} from '../../../contract/partner-api/partner-clients.schemas.ts';
import { newSecret } from './client-secrets.ts';
import {
  findClientForUpdate,
  findClientsOfPartner,
  findLiveSecrets,
  partnerExists,
  type ClientRow,
  type SecretRow,
} from './partner-clients.queries.ts';

/** How far ahead a rotated-out secret may stay valid: long enough to roll out the new one. */
const MAX_OVERLAP_MS = 30 * 24 * 60 * 60 * 1000;

type Ctx = Pick<CustomerContext, 'db' | 'keys' | 'clock' | 'actor'>;

function toView(row: ClientRow, secrets: SecretRow[], now: Date): ClientView {
  const status =
    row.revokedAt !== null
      ? 'revoked'
      : row.expiresAt !== null && row.expiresAt <= now
        ? 'expired'
        : 'active';
  return {
    id: row.id,
    partnerId: row.partnerId,
    name: row.name,
    kind: row.kind,
    scopes: row.scopes,
    status,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    secrets:
      status === 'active'
        ? secrets
            .filter((secret) => secret.clientId === row.id)
            .map((secret) => ({
              prefix: secret.prefix,
              createdAt: secret.createdAt.toISOString(),
              validUntil: secret.validUntil?.toISOString() ?? null,
            }))
        : [],
  };
}

export async function listClients(ctx: Ctx, partnerId: string): Promise<{ items: ClientView[] }> {
  if (!(await partnerExists(ctx.db, partnerId))) throw notFound('Partner');
  const now = ctx.clock.now();
  const rows = await findClientsOfPartner(ctx.db, partnerId);
  const secrets = await findLiveSecrets(
    ctx.db,
    rows.map((row) => row.id),
    now,
  );
  return { items: rows.map((row) => toView(row, secrets, now)) };
}

export async function createClient(
  ctx: Ctx,
  partnerId: string,
  input: z.output<typeof clientCreate>,
) {
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new AppError('validation', 'The client would expire before it is used', {
      errors: [{ field: 'expiresAt', message: 'Give a time in the future', code: 'date.past' }],
    });
  }
  if (!(await partnerExists(ctx.db, partnerId))) throw notFound('Partner');
  const issued = newSecret(ctx.keys);
  return ctx.db.transaction(async (tx) => {
    const [client] = await tx
      .insert(partnerClients)
      .values({
        partnerId,
        name: input.name,
        kind: input.kind,
        scopes: input.scopes,
        expiresAt,
        createdAt: now,
        createdBy: ctx.actor.client ? null : ctx.actor.userId,
      })
      .returning();
    if (!client) throw new Error('no client inserted');
    const [secret] = await tx
      .insert(partnerClientSecrets)
      .values({
        clientId: client.id,
        prefix: issued.prefix,
        secretHash: issued.hash,
        createdAt: now,
      })
      .returning();
    if (!secret) throw new Error('no secret inserted');
    return { client: toView(client, [secret], now), clientId: client.id, secret: issued.secret };
  });
}

/**
 * A new secret; the ones the client had stay valid until `previousValidUntil` (now when not
 * given), so the partner can change over without a break.
 */
export async function rotateClient(
  ctx: Ctx,
  partnerId: string,
  clientId: string,
  input: z.output<typeof clientRotate>,
) {
  const now = ctx.clock.now();
  const until = input.previousValidUntil ? new Date(input.previousValidUntil) : now;
  if (until < now || until.getTime() - now.getTime() > MAX_OVERLAP_MS) {
    throw new AppError('validation', 'The old secret may stay valid for at most 30 days', {
      errors: [
        {
          field: 'previousValidUntil',
          message: 'Give a time from now to 30 days ahead',
          code: 'date.range',
        },
      ],
    });
  }
  const issued = newSecret(ctx.keys);
  return ctx.db.transaction(async (tx) => {
    const client = await findClientForUpdate(tx, partnerId, clientId);
    if (!client) throw notFound('Client');
    if (client.revokedAt || (client.expiresAt && client.expiresAt <= now)) {
      throw new AppError('conflict', 'A revoked or expired client gets no new secret', {
        errors: [
          { field: 'clientId', message: 'The client is revoked or expired', code: 'client.ended' },
        ],
      });
    }
    // Every secret still open-ended ends then; one that already ends sooner keeps its end.
    await tx
      .update(partnerClientSecrets)
      .set({ validUntil: until })
      .where(
        and(eq(partnerClientSecrets.clientId, clientId), isNull(partnerClientSecrets.validUntil)),
      );
    await tx
      .insert(partnerClientSecrets)
      .values({ clientId, prefix: issued.prefix, secretHash: issued.hash, createdAt: now });
    const secrets = await findLiveSecrets(tx, [clientId], now);
    return { client: toView(client, secrets, now), clientId, secret: issued.secret };
  });
}

export async function revokeClient(
  ctx: Ctx,
  partnerId: string,
  clientId: string,
): Promise<ClientView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const client = await findClientForUpdate(tx, partnerId, clientId);
    if (!client) throw notFound('Client');
    const [revoked] = client.revokedAt
      ? [client]
      : await tx
          .update(partnerClients)
          .set({ revokedAt: now })
          .where(eq(partnerClients.id, clientId))
          .returning();
    if (!revoked) throw notFound('Client');
    return toView(revoked, [], now);
  });
}
