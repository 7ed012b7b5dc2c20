import type { z } from 'zod';
import type { SocialRecordKind } from '../../db/schema/index.ts';
import { socialRecordsApi } from '../../../contract/social-services/social-services.endpoints.ts';

/**
 * The four kinds of special-category record kept as encrypted JSON (family relations link two
 * persons and have their own table). Their endpoints are the contract's (`socialRecordsApi`);
 * here is what the service needs besides: the input schema a corrected record must still meet,
 * and the content's date that orders the list, newest first.
 */
export type RecordKindSpec = {
  kind: SocialRecordKind;
  input: z.ZodObject;
  orderBy: string;
};

const ORDER_BY: Record<SocialRecordKind, string> = {
  health: 'date',
  serviceNeed: 'assessedOn',
  income: 'year',
  bankAccount: 'createdAt',
};

export function recordKind(kind: SocialRecordKind): RecordKindSpec {
  return { kind, input: socialRecordsApi[kind].create.body, orderBy: ORDER_BY[kind] };
}
