import { type AddressInfo, createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';
import { EXTENSION_ID } from '../../lib/config/extension-id';
import { type OidcSettings, oidcSettingsFromEnv } from '../../server/auth/oidc';

// The organisation's identity provider for tests and `npm start -- --sign-in`: oidc-provider (a
// certified OpenID Provider) on loopback, with test people and a groups claim, and its development
// login and consent forms (any password is accepted: never use it for real).

/** A person the test IdP knows: their login is their account id. */
export interface IdpPerson {
  email: string;
  name: string;
  groups: string[];
}

/** A running test IdP. */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Starts the IdP (on `port`, else a free one) with one confidential client (the hub) whose callback is `redirectUri`. */
export async function startTestIdp(
  redirectUri: string,
  people: Record<string, IdpPerson>,
  port = 0,
): Promise<TestIdp> {
  const clientId = 'earmark-hub';
  const clientSecret = 'hub-client-secret-0123456789abcdef';
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-idp-cookie-key'] },
    // Lifetimes set, so the provider does not warn about its defaults on every sign-in.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 86_400,
      IdToken: 3600,
      Interaction: 3600,
      Session: 86_400,
    },
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email_verified: true, ...person }),
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookie jar, enough for the IdP's interaction and session cookies. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Keeps the cookies a response sets. */
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }

  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs `login` in at the IdP the way a person would with its development forms, from the IdP
 * authorization URL the hub redirected to; returns the URL the IdP sends the browser back to (the
 * hub's callback, with the code).
 */
export async function signInAtIdp(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const issuerOrigin = url.origin;
  for (let step = 0; step < 12; step++) {
    if (url.origin !== issuerOrigin) return url; // back to the relying party
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`the IdP showed no form (${response.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      body.set('login', login);
      body.set('password', 'any password');
    }
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.take(submitted);
    const next = submitted.headers.get('location');
    if (!next) throw new Error(`the IdP form answered ${submitted.status} without a redirect`);
    url = new URL(next, url);
  }
  throw new Error('the IdP sign-in did not finish');
}

/** A free loopback port: the IdP must know the hub's callback before the hub starts. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** True for the error of a port taken between choosing it and listening on it. */
export function isPortTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

/**
 * Runs `start` on a free port, again on another one when the port was taken in between (another
 * process may listen on it after freePort let it go): the IdP must know the hub's port first.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!isPortTaken(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Starts the IdP for a hub on loopback `hubPort` and gives the hub's sign-in settings for it (only
 * Earmark's extension id may sign in); `accessSeconds`: the access tokens' lifetime.
 */
export async function startIdpForHub(
  hubPort: number,
  people: Record<string, IdpPerson>,
  accessSeconds = 900,
): Promise<{ idp: TestIdp; oidc: OidcSettings }> {
  const publicUrl = `http://127.0.0.1:${hubPort}`;
  const idp = await startTestIdp(`${publicUrl}/v1/auth/callback`, people);
  const oidc = oidcSettingsFromEnv({
    EARMARK_OIDC_ISSUER: idp.issuer,
    EARMARK_OIDC_CLIENT_ID: idp.clientId,
    EARMARK_OIDC_CLIENT_SECRET: idp.clientSecret,
    EARMARK_PUBLIC_URL: publicUrl,
    EARMARK_EXTENSION_IDS: EXTENSION_ID,
    EARMARK_SIGN_IN_ACCESS_SECONDS: String(accessSeconds),
  });
  if (!oidc) throw new Error('the development IdP gave no sign-in settings');
  return { idp, oidc };
}
