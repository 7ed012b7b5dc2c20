import type { z } from 'zod';
import type { Permission } from '../contract/auth/permissions.ts';
import type {
  PersonSummary,
  PersonView,
  personCreate,
  personPatch,
} from '../contract/persons/persons.schemas.ts';

export type { Permission, PersonSummary, PersonView };
/** Request bodies are the schemas' input (before the server normalises them). */
export type PersonCreateInput = z.input<typeof personCreate>;
export type PersonPatchInput = z.input<typeof personPatch>;
export type Address = NonNullable<PersonView['permanentAddress']>;

export {
  ApiError,
  isAbort,
  setUnauthorizedHandler,
  type FieldProblem,
  type Problem,
} from './client.ts';
