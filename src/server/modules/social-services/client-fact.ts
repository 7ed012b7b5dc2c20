import { helsinkiDate } from '../../../contract/dates.ts';
import type { AccessFlag } from '../access-log/access-log.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { recordScopes } from './client-access.ts';
import { isServedOn } from './social-services.queries.ts';

/**
 * Whether the person is a social-services client today, as far as the social worker may know it
 * (the person page's badge): by the one access rule of client data (`recordScopes`), a unit of
 * theirs serving the person today tells it; under a break-the-glass grant, any unit's
 * relationship in force does. Otherwise false — the same for a client of another unit as for
 * nobody's client, as the refusal of client data is (decision 0012).
 *
 * The caller asks only for a role with `socialServices.clientData`, and for every such reader
 * the same queries run whatever the answer, so neither the answer's shape nor its time tells
 * anyone else anything. A fact told is logged as a read of `socialClient` (flagged while a grant
 * holds, as every read under it is); a "no" names nothing and is not.
 */
export async function knownClient(ctx: CustomerContext, personId: string): Promise<boolean> {
  const [{ scopes }, served] = await Promise.all([
    recordScopes(ctx, [personId]),
    isServedOn(ctx.db, personId, helsinkiDate(ctx.clock.now())),
  ]);
  const scope = scopes.get(personId);
  if (!scope) return false;
  const known = scope.servingUnitIds.length > 0 || (scope.grantExpiresAt !== null && served);
  if (!known) return false;
  const flag: AccessFlag | undefined = scope.grantExpiresAt ? 'breakGlass' : undefined;
  await logAccess(ctx, 'read', [personId], ['socialClient'], { flag });
  return true;
}
