import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { originOf } from './relying-party.ts';
import { makeIdentityCode, parseIdentityCode } from '../../../finnish/index.ts';
import { TEST_IDP_PATH } from '../../../contract/resident/resident.constants.ts';

/**
 * The local stand-in identity provider (RESIDENT_IDENTIFICATION=test, decision 0032): a real
 * OpenID Connect provider (oidc-provider) in this process under /test-idp, whose sign-in page
 * lets the tester pick a test person. Only identity codes with an individual number 900–999
 * (test and temporary codes) are accepted, so it can never pose as a real resident. The relying
 * party speaks to it exactly as to Suomi.fi: discovery, authorisation code with PKCE, state and
 * nonce, a signed ID token, and end_session.
 */

export type TestPerson = { firstName: string; lastName: string; personalIdentityCode: string };

/** The test persons the sign-in page offers; any other 900–999 code may be typed. */
export const TEST_PERSONS: readonly TestPerson[] = [
  ['Tiina', 'Testaaja', '1990-01-01', 901],
  ['Matti', 'Meikäläinen', '1985-06-15', 902],
  ['Sanna', 'Svensson', '2001-03-20', 903],
  ['Erkki', 'Esimerkki', '1950-11-11', 904],
  ['Aino', 'Asukas', '1977-07-07', 905],
].map(([firstName, lastName, born, individual]) => ({
  firstName: firstName as string,
  lastName: lastName as string,
  personalIdentityCode: makeIdentityCode(born as string, individual as number),
}));

/** The scopes and claims the stand-in gives, named as the relying party asks Suomi.fi for them. */
const SCOPES = ['openid', 'profile', 'personal_identity_code'];

export type TestClient = {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
};

type Language = 'fi' | 'sv' | 'en';

const TEXTS = {
  fi: {
    title: 'Testitunnistus',
    notice:
      'Tämä on asiointipalvelun testitunnistus, ei vahva tunnistus. Valitse testihenkilö, jona kirjaudut. Oikeita henkilötietoja ei käytetä.',
    pick: 'Testihenkilö',
    other: 'Muu testihenkilö',
    firstName: 'Etunimi',
    lastName: 'Sukunimi',
    code: 'Henkilötunnus (yksilönumero 900–999)',
    submit: 'Tunnistaudu',
    cancel: 'Keskeytä',
    badCode:
      'Anna testihenkilötunnus, jonka yksilönumero on 900–999, sekä etu- ja sukunimi, tai valitse testihenkilö listasta.',
    logoutTitle: 'Kirjaudu ulos testitunnistuksesta',
    logoutText: 'Kirjaudutaanko ulos myös testitunnistuksesta?',
    logoutYes: 'Kirjaudu ulos',
    signedOut: 'Olet kirjautunut ulos testitunnistuksesta.',
    error: 'Tunnistus epäonnistui',
  },
  sv: {
    title: 'Testidentifiering',
    notice:
      'Det här är e-tjänstens testidentifiering, inte stark autentisering. Välj den testperson du loggar in som. Inga riktiga personuppgifter används.',
    pick: 'Testperson',
    other: 'Annan testperson',
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    code: 'Personbeteckning (individnummer 900–999)',
    submit: 'Identifiera dig',
    cancel: 'Avbryt',
    badCode:
      'Ange en testpersonbeteckning med individnumret 900–999 samt för- och efternamn, eller välj en testperson i listan.',
    logoutTitle: 'Logga ut från testidentifieringen',
    logoutText: 'Vill du logga ut också från testidentifieringen?',
    logoutYes: 'Logga ut',
    signedOut: 'Du har loggat ut från testidentifieringen.',
    error: 'Identifieringen misslyckades',
  },
  en: {
    title: 'Test identification',
    notice:
      'This is the e-service’s test identification, not strong identification. Choose the test person you sign in as. No real personal data is used.',
    pick: 'Test person',
    other: 'Another test person',
    firstName: 'First name',
    lastName: 'Last name',
    code: 'Identity code (individual number 900–999)',
    submit: 'Identify',
    cancel: 'Cancel',
    badCode:
      'Give a test identity code with an individual number 900–999 and the first and last name, or choose a test person from the list.',
    logoutTitle: 'Sign out of the test identification',
    logoutText: 'Sign out of the test identification too?',
    logoutYes: 'Sign out',
    signedOut: 'You have signed out of the test identification.',
    error: 'The identification failed',
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const languageOf = (value: unknown): Language => {
  const first = typeof value === 'string' ? value.split(' ')[0] : undefined;
  return first === 'sv' || first === 'en' ? first : 'fi';
};

const STYLE = `body{font-family:"Source Sans 3",Arial,sans-serif;margin:0;background:#f7f7f8;color:#212121}
main{max-width:34rem;margin:0 auto;padding:1rem}
.banner{background:#fff1cc;border-left:6px solid #e97025;padding:.75rem 1rem;margin-bottom:1rem}
h1{font-size:1.6rem}fieldset{border:1px solid #c8cdd0;background:#fff;padding:1rem;margin:0 0 1rem}
label{display:block;margin:.4rem 0}input[type=text]{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #6b6b6b;margin-top:.2rem}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.25rem .5rem .25rem 0;border-radius:2px;border:2px solid #2a6ebb;cursor:pointer}
.primary{background:#2a6ebb;color:#fff}.secondary{background:#fff;color:#2a6ebb}
.error{color:#b30000;font-weight:600}`;

function page(language: Language, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function signInPage(language: Language, uid: string, error: boolean): string {
  const t = TEXTS[language];
  const persons = TEST_PERSONS.map(
    (person, i) =>
      `<label><input type="radio" name="person" value="${i}"${i === 0 ? ' checked' : ''}> ${escapeHtml(`${person.firstName} ${person.lastName}`)}, ${person.personalIdentityCode}</label>`,
  ).join('');
  return page(
    language,
    t.title,
    `<div class="banner" role="note"><strong>${t.title}.</strong> ${t.notice}</div>
<h1>${t.title}</h1>
${error ? `<p class="error" role="alert">${t.badCode}</p>` : ''}
<form method="post" action="${TEST_IDP_PATH}/interaction/${escapeHtml(uid)}">
<fieldset><legend>${t.pick}</legend>${persons}
<label><input type="radio" name="person" value="other"> ${t.other}</label>
<label>${t.firstName}<input type="text" name="firstName" autocomplete="off"></label>
<label>${t.lastName}<input type="text" name="lastName" autocomplete="off"></label>
<label>${t.code}<input type="text" name="personalIdentityCode" autocomplete="off"></label>
</fieldset>
<button class="primary" type="submit" name="action" value="identify">${t.submit}</button>
<button class="secondary" type="submit" name="action" value="cancel">${t.cancel}</button>
</form>`,
  );
}

/** A test person from the form, or null: a typed code must be valid and 900–999. */
export function testPersonFrom(form: URLSearchParams): TestPerson | null {
  const chosen = form.get('person');
  if (chosen !== 'other') {
    const person = TEST_PERSONS[Number(chosen)];
    return person ?? null;
  }
  const firstName = (form.get('firstName') ?? '').trim().slice(0, 100);
  const lastName = (form.get('lastName') ?? '').trim().slice(0, 100);
  const parsed = parseIdentityCode(form.get('personalIdentityCode') ?? '');
  if (!parsed.ok || !parsed.value.temporary || firstName === '' || lastName === '') return null;
  return { firstName, lastName, personalIdentityCode: parsed.value.code };
}

/** The subject identifier of a test person: stable, and not the identity code itself. */
const subjectOf = (code: string) =>
  crypto.createHash('sha256').update(`test-idp:${code}`).digest('base64url').slice(0, 32);

/** One stand-in provider for an origin of the register (its issuer is `${origin}/test-idp`). */
export class TestIdentityProvider {
  readonly issuer: string;
  readonly client: TestClient;
  readonly provider: Provider;
  readonly #accounts = new Map<string, TestPerson>();

  constructor(origin: string) {
    this.issuer = `${origin}${TEST_IDP_PATH}`;
    this.client = {
      clientId: 'asiakasrekisteri',
      clientSecret: crypto.randomBytes(32).toString('base64url'),
      redirectUri: `${origin}/api/resident/callback`,
      postLogoutRedirectUri: `${origin}/resident`,
    };
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-idp', use: 'sig' };
    const accounts = this.#accounts;
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.client.clientId,
          client_secret: this.client.clientSecret,
          redirect_uris: [this.client.redirectUri],
          post_logout_redirect_uris: [this.client.postLogoutRedirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'ES256',
        },
      ],
      jwks: { keys: [signingKey] },
      cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
      scopes: SCOPES,
      claims: {
        openid: ['sub'],
        profile: ['given_name', 'family_name', 'name'],
        personal_identity_code: ['personalIdentityCode'],
      },
      // The names and the identity code come from userinfo, not the ID token: the token goes
      // back in the sign-out address (id_token_hint), where an identity code must never be.
      conformIdTokenClaims: true,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
            const t = TEXTS.fi;
            ctx.type = 'html';
            ctx.body = page(
              'fi',
              t.logoutTitle,
              `<div class="banner" role="note"><strong>${t.title}.</strong> ${t.notice}</div><h1>${t.logoutTitle}</h1><p>${t.logoutText}</p>${form}<button class="primary" type="submit" form="op.logoutForm" value="yes" name="logout">${t.logoutYes}</button>`,
            );
          },
          postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
            ctx.type = 'html';
            ctx.body = page('fi', TEXTS.fi.title, `<h1>${TEXTS.fi.signedOut}</h1>`);
          },
        },
      },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) =>
          `${TEST_IDP_PATH}/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx: unknown, sub: string) => {
        const person = accounts.get(sub);
        if (!person) return undefined;
        return {
          accountId: sub,
          claims: () => ({
            sub,
            given_name: person.firstName,
            family_name: person.lastName,
            name: `${person.firstName} ${person.lastName}`,
            personalIdentityCode: person.personalIdentityCode,
          }),
        };
      },
      // The e-service is the municipality's own: no consent screen, as with Suomi.fi.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { client, session, result } = ctx.oidc;
        if (!client || !session.accountId) return undefined;
        const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return this.provider.Grant.find(grantId);
        const grant = new this.provider.Grant({
          clientId: client.clientId,
          accountId: session.accountId,
        });
        grant.addOIDCScope(SCOPES.join(' '));
        await grant.save();
        return grant;
      },
      renderError: (ctx: KoaContextWithOIDC, out: Record<string, string>) => {
        ctx.type = 'html';
        ctx.body = page(
          'fi',
          TEXTS.fi.error,
          `<h1>${TEXTS.fi.error}</h1><p>${escapeHtml(out.error ?? '')}: ${escapeHtml(out.error_description ?? '')}</p>`,
        );
      },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        IdToken: 3600,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
      },
    });
  }

  /** Remembers a test person signing in; the ID token's claims come from here. */
  account(person: TestPerson): string {
    const sub = subjectOf(person.personalIdentityCode);
    this.#accounts.set(sub, person);
    return sub;
  }
}

/** The providers by origin (a register reached as 127.0.0.1 and as localhost has two). */
export class TestIdentityProviders {
  readonly #byOrigin = new Map<string, TestIdentityProvider>();

  for(origin: string): TestIdentityProvider {
    let provider = this.#byOrigin.get(origin);
    if (!provider) {
      // A handful at most: a stranger's Host headers must not grow this without end.
      if (this.#byOrigin.size >= 8) this.#byOrigin.clear();
      provider = new TestIdentityProvider(origin);
      this.#byOrigin.set(origin, provider);
    }
    return provider;
  }
}

/** Hands a request to oidc-provider (a Koa app) as mounted under /test-idp. */
function delegate(provider: Provider, request: FastifyRequest, reply: FastifyReply) {
  const raw = request.raw as typeof request.raw & { originalUrl?: string };
  // The security headers already set (CSP and the rest) go out with the provider's answer.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  reply.hijack();
  raw.originalUrl = raw.url;
  raw.url = (raw.url ?? '').slice(TEST_IDP_PATH.length) || '/';
  provider.callback()(raw, reply.raw);
}

/** The stand-in's routes: its sign-in page, and everything else oidc-provider answers. */
export function testIdpRoutes(providers: TestIdentityProviders) {
  return async (app: FastifyInstance) => {
    await app.register(async (pages) => {
      pages.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 8 * 1024 },
        (_request, body, done) => done(null, new URLSearchParams(body as string)),
      );
      pages.get(
        `${TEST_IDP_PATH}/interaction/:uid`,
        { schema: { hide: true } },
        async (request, reply) => {
          const idp = providers.for(originOf(request));
          const details = await idp.provider.interactionDetails(request.raw, reply.raw);
          return reply
            .type('text/html')
            .send(signInPage(languageOf(details.params.ui_locales), details.uid, false));
        },
      );
      pages.post(
        `${TEST_IDP_PATH}/interaction/:uid`,
        { schema: { hide: true } },
        async (request, reply) => {
          const idp = providers.for(originOf(request));
          const details = await idp.provider.interactionDetails(request.raw, reply.raw);
          const form =
            request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
          if (form.get('action') === 'cancel') {
            reply.hijack();
            await idp.provider.interactionFinished(request.raw, reply.raw, {
              error: 'access_denied',
              error_description: 'The resident cancelled the identification',
            });
            return reply;
          }
          const person = testPersonFrom(form);
          if (!person) {
            return reply
              .status(400)
              .type('text/html')
              .send(signInPage(languageOf(details.params.ui_locales), details.uid, true));
          }
          reply.hijack();
          await idp.provider.interactionFinished(
            request.raw,
            reply.raw,
            { login: { accountId: idp.account(person) } },
            { mergeWithLastSubmission: false },
          );
          return reply;
        },
      );
    });
    await app.register(async (passthrough) => {
      // oidc-provider reads the bodies itself (the token endpoint's form).
      passthrough.removeAllContentTypeParsers();
      passthrough.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      const handler = (request: FastifyRequest, reply: FastifyReply) =>
        delegate(providers.for(originOf(request)).provider, request, reply);
      passthrough.all(TEST_IDP_PATH, { schema: { hide: true } }, handler);
      passthrough.all(`${TEST_IDP_PATH}/*`, { schema: { hide: true } }, handler);
    });
  };
}
