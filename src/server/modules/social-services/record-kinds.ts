import type { z } from 'zod';
import type { SocialRecordKind } from '../../db/schema/index.ts';
import {
  bankAccountInput,
  bankAccountView,
  healthInput,
  healthView,
  incomeInput,
  incomeView,
  serviceNeedInput,
  serviceNeedView,
} from '../../../contract/social-services/social-services.schemas.ts';

/**
 * The four kinds of special-category record kept as encrypted JSON (family relations link two
 * persons and have their own table). Each has its path under /api/persons/{id}/social-services,
 * its input schema (a patch is the same with every field optional) and its view.
 */
export type RecordKindSpec = {
  kind: SocialRecordKind;
  path: string;
  input: z.ZodObject;
  view: z.ZodObject;
  /** The content's date that orders the list, newest first. */
  orderBy: string;
  summary: string;
};

export const RECORD_KINDS: readonly RecordKindSpec[] = [
  {
    kind: 'health',
    path: 'health',
    input: healthInput,
    view: healthView,
    orderBy: 'date',
    summary: 'health entries',
  },
  {
    kind: 'serviceNeed',
    path: 'service-needs',
    input: serviceNeedInput,
    view: serviceNeedView,
    orderBy: 'assessedOn',
    summary: 'service needs',
  },
  {
    kind: 'income',
    path: 'income',
    input: incomeInput,
    view: incomeView,
    orderBy: 'year',
    summary: 'income and assets',
  },
  {
    kind: 'bankAccount',
    path: 'bank-accounts',
    input: bankAccountInput,
    view: bankAccountView,
    orderBy: 'createdAt',
    summary: 'bank accounts',
  },
];

export function recordKind(kind: SocialRecordKind): RecordKindSpec {
  const spec = RECORD_KINDS.find((candidate) => candidate.kind === kind);
  if (!spec) throw new Error(`unknown record kind ${kind}`);
  return spec;
}
