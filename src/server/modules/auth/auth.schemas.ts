import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.ts';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const meView = z.object({
  id: z.uuid(),
  username: z.string(),
  role: z.enum(ROLES),
  commitmentSigned: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
