import { AppError, notFound } from '../../lib/errors.ts';
import type { FieldError } from '../../../contract/errors.ts';
import type { NoticeBody } from '../../../contract/partner-api/partner-api.schemas.ts';
import type { PersonView } from '../../../contract/persons/persons.schemas.ts';
import type { CustomerContext } from '../customers/context.ts';
import { readerScope, visibleFields, withinContract } from '../partners/contract-scope.ts';
import { findPersonForReader } from '../persons/persons.queries.ts';
import { updatePerson } from '../persons/persons.service.ts';

/**
 * A partner's notice of a person's changed data (decision 0028): a change through the person
 * service with the partner as the value source (decision 0017), so the value's source, the access
 * log and the address-protection rule are those of every change. The person must be one the
 * partner's contract covers (404 otherwise, as for a read), and every field one the contract
 * opens: a partner gives only what it could read.
 */
export async function receiveNotice(
  ctx: CustomerContext,
  personId: string,
  notice: NoticeBody,
): Promise<PersonView> {
  const { reference, ...patch } = notice;
  const scope = await readerScope(ctx);
  if (!(await findPersonForReader(ctx.db, personId, scope))) throw notFound('Person');
  const given = Object.keys(patch);
  if (given.length === 0) {
    throw new AppError('validation', 'A notice gives at least one field', {
      errors: [{ field: 'body', message: 'No field given', code: 'notice.empty' }],
    });
  }
  const open = visibleFields(scope, 'person');
  const outside: FieldError[] = given
    .filter((field) => open !== null && !open.has(field))
    .map((field) => ({
      field,
      message: "The partner's contract does not open this field",
      code: 'notice.notInContract',
    }));
  if (outside.length > 0) {
    throw new AppError('validation', "The notice gives fields outside the partner's contract", {
      errors: outside,
    });
  }
  const updated = await updatePerson(ctx, personId, patch, {
    source: {
      kind: 'partner',
      partnerId: ctx.actor.partnerId,
      reference: reference ?? `API: ${ctx.actor.client?.name ?? ctx.actor.username}`,
    },
  });
  return withinContract(scope, 'person', updated);
}
