import { RESIDENT_TRANSACTION_COOKIE } from '../../../contract/resident/resident.constants.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { ResidentIdentificationConfig } from '../../config.ts';
import type { Keys } from '../../lib/crypto.ts';
import type { TestIdentityProviders } from './test-idp.ts';

/**
 * The relying party (openid-client): the register asks the identity provider — Suomi.fi
 * e-Identification, a municipal broker, or the in-process stand-in — who the resident is.
 * Authorisation code flow with PKCE (S256), state and nonce; the ID token's signature, issuer,
 * audience, expiry and nonce are checked by openid-client.
 */
export type RelyingParty = {
  config: oidc.Configuration;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The stand-in identity provider: ask for a fresh sign-in each time (prompt=login). */
  test: boolean;
};

/** What the browser's round trip to the identity provider must bring back unchanged. */
export type Transaction = {
  state: string;
  nonce: string;
  codeVerifier: string;
  language: 'fi' | 'sv' | 'en';
  /** The origin the sign-in started from: the relying party of that origin finishes it. */
  origin: string;
  startedAt: number;
};

export const TRANSACTION_COOKIE = RESIDENT_TRANSACTION_COOKIE;

/** The register's origin as the browser reached it, normalised (`:80` on http goes). */
export const originOf = (request: FastifyRequest) =>
  new URL(`${request.protocol}://${request.host}`).origin;
export const TRANSACTION_MINUTES = 10;
const TRANSACTION_CONTEXT = 'resident.oidc-transaction';

/** The transaction, encrypted and authenticated under the global key: the browser only carries it. */
export function sealTransaction(keys: Keys, transaction: Transaction): string {
  return keys.encrypt(JSON.stringify(transaction), TRANSACTION_CONTEXT).toString('base64url');
}

export function openTransaction(keys: Keys, sealed: string, now: Date): Transaction | null {
  try {
    const transaction = JSON.parse(
      keys.decrypt(Buffer.from(sealed, 'base64url'), TRANSACTION_CONTEXT),
    ) as Transaction;
    if (now.getTime() - transaction.startedAt > TRANSACTION_MINUTES * 60_000) return null;
    return transaction;
  } catch {
    return null;
  }
}

export async function startTransaction(
  language: Transaction['language'],
  origin: string,
  now: Date,
): Promise<Transaction & { codeChallenge: string }> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    language,
    origin,
    startedAt: now.getTime(),
  };
}

/**
 * The back channel to the in-process stand-in goes through Fastify's inject, not the network:
 * the same in tests (no port) and in a running server.
 */
function injectFetch(app: FastifyInstance): oidc.CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const headers = Object.fromEntries(new Headers(options.headers).entries());
    const body = options.body;
    const response = await app.inject({
      method: options.method as 'GET',
      url: target.pathname + target.search,
      headers: { ...headers, host: target.host },
      ...(body === undefined || body === null
        ? {}
        : { payload: body instanceof URLSearchParams ? body.toString() : (body as string) }),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const one of [value].flat())
        if (one !== undefined) responseHeaders.append(name, String(one));
    }
    const empty = [204, 304].includes(response.statusCode);
    return new Response(empty ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: responseHeaders,
    });
  };
}

/** A PKCS#8 PEM private key (RSA → RS256, EC P-256 → ES256) for private_key_jwt. */
export async function loadPrivateKey(
  file: string,
  kid: string | null,
): Promise<{ key: crypto.webcrypto.CryptoKey; kid?: string }> {
  const keyObject = crypto.createPrivateKey(fs.readFileSync(file));
  const der = keyObject.export({ format: 'der', type: 'pkcs8' });
  const algorithm =
    keyObject.asymmetricKeyType === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : keyObject.asymmetricKeyType === 'ec'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : null;
  if (!algorithm) {
    throw new Error(
      `RESIDENT_OIDC_PRIVATE_KEY_FILE holds a ${keyObject.asymmetricKeyType} key: give an RSA or EC P-256 key`,
    );
  }
  const key = await crypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
  return kid ? { key, kid } : { key };
}

/**
 * The relying parties, one per configured provider (and, with the stand-in, per origin),
 * discovered on first use so that a start does not wait on the identity provider.
 */
export class RelyingParties {
  readonly #config: ResidentIdentificationConfig;
  readonly #testProviders: TestIdentityProviders | null;
  readonly #app: FastifyInstance;
  readonly #byOrigin = new Map<string, Promise<RelyingParty>>();

  constructor(
    config: ResidentIdentificationConfig,
    testProviders: TestIdentityProviders | null,
    app: FastifyInstance,
  ) {
    this.#config = config;
    this.#testProviders = testProviders;
    this.#app = app;
  }

  for(origin: string): Promise<RelyingParty> {
    const key = this.#config.mode === 'test' ? origin : '';
    let party = this.#byOrigin.get(key);
    if (!party) {
      if (this.#byOrigin.size >= 8) this.#byOrigin.clear();
      party = this.#discover(origin);
      // A provider that did not answer is asked again next time.
      party.catch(() => this.#byOrigin.delete(key));
      this.#byOrigin.set(key, party);
    }
    return party;
  }

  async #discover(origin: string): Promise<RelyingParty> {
    const settings = this.#config;
    if (settings.mode === 'test') {
      if (!this.#testProviders) throw new Error('the stand-in identity provider is not running');
      const idp = this.#testProviders.for(origin);
      const config = await oidc.discovery(
        new URL(idp.issuer),
        idp.client.clientId,
        { id_token_signed_response_alg: 'ES256' },
        oidc.ClientSecretBasic(idp.client.clientSecret),
        { execute: [oidc.allowInsecureRequests], [oidc.customFetch]: injectFetch(this.#app) },
      );
      return {
        config,
        redirectUri: idp.client.redirectUri,
        postLogoutRedirectUri: idp.client.postLogoutRedirectUri,
        scope: 'openid profile personal_identity_code',
        test: true,
      };
    }
    const redirectUri = settings.redirectUri ?? `${origin}/api/resident/callback`;
    const clientAuth = settings.privateKeyFile
      ? oidc.PrivateKeyJwt(
          // Node's CryptoKey is the one the DOM types name.
          (await loadPrivateKey(
            settings.privateKeyFile,
            settings.privateKeyId,
          )) as unknown as Parameters<typeof oidc.PrivateKeyJwt>[0],
        )
      : oidc.ClientSecretBasic(settings.clientSecret ?? '');
    const issuer = new URL(settings.issuer);
    const config = await oidc.discovery(
      issuer,
      settings.clientId,
      undefined,
      clientAuth,
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return {
      config,
      redirectUri,
      postLogoutRedirectUri: new URL('/resident', redirectUri).href,
      scope: settings.scope,
      test: false,
    };
  }
}
