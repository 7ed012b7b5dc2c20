import { z } from 'zod';
import { zEmail, zPhone } from '../../finnish/index.ts';
import { addressInput, addressView } from '../customers/customer-data.schemas.ts';
import { LANGUAGES } from '../persons/persons.constants.ts';
import { RESIDENT_REFUSALS } from './resident.constants.ts';

export const residentConfigView = z.object({
  /** The e-service is on (an identity provider is configured). */
  enabled: z.boolean(),
  /** The stand-in identity provider: every resident page shows a banner. */
  testIdentification: z.boolean(),
  idleMinutes: z.number().int(),
});

export const signInBody = z.strictObject({
  /** The language the pages go on in after the identification. */
  language: z.enum(LANGUAGES).optional(),
});

export const signInView = z.object({
  /** Where the browser goes to identify: the identity provider's authorisation address. */
  redirectTo: z.string(),
});

export const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

/** The resident's own data as the "my data" page shows it. */
export const residentPersonView = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phoneDisplay: z.string().nullable(),
  contactAddress: addressView.nullable(),
  permanentAddress: addressView.nullable(),
  language: z.enum(LANGUAGES),
});

export const residentMeView = z.object({
  /** The name the identification gave: the pages greet with it before registration too. */
  identified: z.object({ firstName: z.string(), lastName: z.string() }),
  /** Null until the resident registers. */
  person: residentPersonView.nullable(),
  /** When the session ends unless used (ISO time), and at the latest. */
  expiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});

export const registrationBody = z.strictObject({
  email: zEmail.nullable().optional(),
  phone: zPhone.nullable().optional(),
  contactAddress: addressInput.nullable().optional(),
  language: z.enum(LANGUAGES),
});

export const signOutView = z.object({
  /** The identity provider's sign-out, which returns to the resident's start page. */
  redirectTo: z.string(),
});

export const refusalReason = z.enum(RESIDENT_REFUSALS);
