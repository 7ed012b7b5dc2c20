import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  callbackQuery,
  registrationBody,
  residentConfigView,
  residentMeView,
  residentPersonView,
  signInBody,
  signInView,
  signOutView,
} from './resident.schemas.ts';

const tags = ['resident'];
const resident = { resident: true } as const;

/**
 * The resident's e-service (decision 0032): strong identification through OpenID Connect, and
 * routes that take no person id — the session names the one person they reach.
 */
export const residentApi = {
  config: endpoint({
    method: 'GET',
    path: '/api/resident/config',
    access: { public: true },
    tags,
    summary: 'Whether the e-service is on, and whether it runs on the test identification',
    status: 200,
    response: residentConfigView,
    errors: [],
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/resident/sign-in',
    access: { public: true },
    tags,
    summary:
      'Start strong identification: the identity provider address to go to (authorisation code flow with PKCE, state and nonce kept in a short-lived encrypted cookie)',
    body: signInBody,
    status: 200,
    response: signInView,
    errors: ['not_found'],
  }),
  callback: endpoint({
    method: 'GET',
    path: '/api/resident/callback',
    access: { public: true },
    tags,
    summary:
      "The identity provider's return address: checks state, PKCE and nonce, finds the person by the identity code, opens the resident's session and sends the browser on (303)",
    query: callbackQuery,
    status: 303,
    response: z.null(),
    errors: [],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/resident/me',
    access: resident,
    tags,
    summary: "The signed-in resident's own data (logged with the resident as the actor)",
    status: 200,
    response: residentMeView,
    errors: [],
  }),
  register: endpoint({
    method: 'POST',
    path: '/api/resident/registration',
    access: resident,
    tags,
    summary:
      'Register oneself: names and identity code from the identification, contact details and language as typed; the person is the source',
    body: registrationBody,
    status: 201,
    response: residentPersonView,
    errors: ['conflict'],
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/resident/sign-out',
    access: resident,
    tags,
    summary:
      "Sign out: ends the resident's session; the answer is the identity provider's sign-out address",
    status: 200,
    response: signOutView,
    errors: [],
  }),
};
