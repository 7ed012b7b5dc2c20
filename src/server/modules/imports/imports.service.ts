import type { Actor } from '../auth/auth.service.ts';

/**
 * Who the CLI's import acts as: the register itself, with the register officer's role (who
 * decides what moves in): the access log's user is empty, its username `import`.
 */
export const IMPORT_ACTOR: Actor = {
  userId: null as unknown as string,
  username: 'import',
  role: 'register_officer',
  partnerId: null,
  commitmentSigned: true,
  passwordChangeRequired: false,
  totpEnrollmentRequired: false,
  totpEnabled: false,
  totpRequired: false,
} as Actor;
