import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { loginBody, meView } from './auth.schemas.ts';
import {
  commitmentSignBody,
  commitmentView,
  passwordChangeBody,
  totpConfirmBody,
  totpRemoveBody,
  totpSetupBody,
  totpSetupView,
} from './account.schemas.ts';

/** Signing in and out, and who is signed in. */
export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    access: { public: true },
    tags: ['auth'],
    summary: 'Sign in with a personal account; sets the session cookie',
    body: loginBody,
    status: 200,
    response: meView,
    errors: [],
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    access: { signedIn: true },
    tags: ['auth'],
    summary: 'Sign out: ends this session',
    status: 204,
    response: z.null(),
    errors: [],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    access: { signedIn: true },
    tags: ['auth'],
    summary: 'Who is signed in',
    status: 200,
    response: meView,
    errors: [],
  }),
};

/**
 * The signed-in user's own account: password, authenticator app, sessions and the
 * confidentiality commitment. Open to any session (`signedIn`), also one that an unfinished step
 * (password change, authenticator set-up, commitment) keeps from everything else.
 */
export const accountApi = {
  startTotpSetup: endpoint({
    method: 'POST',
    path: '/api/auth/totp/setup',
    access: { signedIn: true },
    tags: ['account'],
    summary:
      'Start setting up an authenticator app (TOTP): a new secret and its QR code. Replacing one already set up takes the password and its current code.',
    body: totpSetupBody,
    status: 200,
    response: totpSetupView,
    errors: [],
  }),
  confirmTotp: endpoint({
    method: 'POST',
    path: '/api/auth/totp/confirm',
    access: { signedIn: true },
    tags: ['account'],
    summary: 'Confirm the authenticator app being set up with its first code',
    body: totpConfirmBody,
    status: 204,
    response: z.null(),
    errors: ['conflict'],
  }),
  removeTotp: endpoint({
    method: 'POST',
    path: '/api/auth/totp/remove',
    access: { signedIn: true },
    tags: ['account'],
    summary:
      'Remove the authenticator app (password and current code); not where the role requires one',
    body: totpRemoveBody,
    status: 204,
    response: z.null(),
    errors: ['conflict'],
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    access: { signedIn: true },
    tags: ['account'],
    summary: 'Change the password; ends the other sessions',
    body: passwordChangeBody,
    status: 204,
    response: z.null(),
    errors: [],
  }),
  logoutEverywhere: endpoint({
    method: 'POST',
    path: '/api/auth/logout-everywhere',
    access: { signedIn: true },
    tags: ['account'],
    summary: 'Sign out everywhere: ends every session of the user, this one too',
    status: 204,
    response: z.null(),
    errors: [],
  }),
  commitment: endpoint({
    method: 'GET',
    path: '/api/auth/commitment',
    access: { signedIn: true },
    tags: ['account'],
    summary: 'The current confidentiality commitment text and whether the user has signed it',
    status: 200,
    response: commitmentView,
    errors: [],
  }),
  signCommitment: endpoint({
    method: 'POST',
    path: '/api/auth/commitment/sign',
    access: { signedIn: true },
    tags: ['account'],
    summary: 'Sign the current confidentiality commitment, confirmed with the password',
    body: commitmentSignBody,
    status: 204,
    response: z.null(),
    errors: [],
  }),
};
