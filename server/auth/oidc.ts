import * as client from 'openid-client';
import { z } from 'zod';

// The hub as a relying party of the organisation's identity provider (Google Workspace, Microsoft
// Entra ID, Okta: any OpenID Connect issuer): authorization code flow with PKCE, through
// openid-client. The hub's callback is `<public URL>/v1/auth/callback`, registered at the IdP.

/** The hub's sign-in configuration (environment, see docs/admin.md). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The hub's callback as the IdP redirects to it. */
  redirectUri: URL;
  /** The ID token or userinfo claim that lists the person's groups. */
  groupsClaim: string;
  /** Scopes asked for (some IdPs give groups only for a scope of their own, e.g. Okta's `groups`). */
  scopes: string;
  /** How long an access token lasts (default 15 minutes; shorter ones exercise refresh in tests). */
  accessMs: number;
  /**
   * The extensions allowed to sign people in (Chrome ids, Firefox redirect hosts' first label);
   * null: any. Set it: another installed extension could otherwise start a sign-in of its own.
   */
  extensionIds: ReadonlySet<string> | null;
}

const Env = z.object({
  EARMARK_OIDC_ISSUER: z.url(),
  EARMARK_OIDC_CLIENT_ID: z.string().min(1),
  EARMARK_OIDC_CLIENT_SECRET: z.string().min(1),
  EARMARK_PUBLIC_URL: z.url(),
  EARMARK_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  EARMARK_OIDC_SCOPES: z
    .string()
    .regex(/^openid( [\w:.-]+)*$/)
    .default('openid email profile'),
  EARMARK_SIGN_IN_ACCESS_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  EARMARK_EXTENSION_IDS: z
    .string()
    .regex(/^[a-z0-9-]+( *, *[a-z0-9-]+)*$/, 'comma-separated extension ids')
    .optional(),
});

/** The sign-in settings from the environment; null when no issuer is set (sign-in off); throws on a half-set one. */
export function oidcSettingsFromEnv(env: Record<string, string | undefined>): OidcSettings | null {
  if (!env.EARMARK_OIDC_ISSUER) return null;
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`sign-in is configured only in part: check ${fields}`);
  }
  const e = parsed.data;
  return {
    issuer: new URL(e.EARMARK_OIDC_ISSUER),
    clientId: e.EARMARK_OIDC_CLIENT_ID,
    clientSecret: e.EARMARK_OIDC_CLIENT_SECRET,
    redirectUri: new URL('/v1/auth/callback', e.EARMARK_PUBLIC_URL),
    groupsClaim: e.EARMARK_OIDC_GROUPS_CLAIM,
    scopes: e.EARMARK_OIDC_SCOPES,
    accessMs: e.EARMARK_SIGN_IN_ACCESS_SECONDS * 1000,
    extensionIds: e.EARMARK_EXTENSION_IDS ? new Set(e.EARMARK_EXTENSION_IDS.split(/ *, */)) : null,
  };
}

/** What the IdP says about the person who signed in. */
export interface IdpIdentity {
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

/** The checks of one authorization request, kept until its answer comes back. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** The relying party: where to send the person, and what their answer says. */
export interface OidcClient {
  /** A new authorization request: its checks, and the IdP URL to send the person to. */
  begin(): Promise<{ checks: AuthorizationChecks; url: URL }>;
  /** Exchanges the IdP's answer (the callback's query) for the person's identity. */
  finish(answer: URLSearchParams, checks: AuthorizationChecks): Promise<IdpIdentity>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const stringOrNull = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
const groupsOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];

/** A relying party discovered on first use, and again after a failed discovery (the IdP was down). */
export function lazyOidc(settings: OidcSettings): () => Promise<OidcClient> {
  let connecting: Promise<OidcClient> | null = null;
  return () => {
    connecting ??= connectOidc(settings).catch((error: unknown) => {
      connecting = null;
      throw error;
    });
    return connecting;
  };
}

/** Discovers the issuer and returns the relying party (plain HTTP only for an issuer on loopback: tests, a local IdP). */
export async function connectOidc(settings: OidcSettings): Promise<OidcClient> {
  const insecure = settings.issuer.protocol === 'http:' && LOOPBACK.has(settings.issuer.hostname);
  const config = await client.discovery(
    settings.issuer,
    settings.clientId,
    undefined,
    client.ClientSecretBasic(settings.clientSecret),
    insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return {
    async begin() {
      const checks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri.href,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { checks, url };
    },
    async finish(answer, checks) {
      // The callback as registered at the IdP (behind a proxy the request's own URL may differ).
      const callback = new URL(settings.redirectUri);
      callback.search = answer.toString();
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the identity provider sent no ID token');
      let all: Record<string, unknown> = claims;
      // Some IdPs put groups (or the email) only in userinfo.
      if (!(settings.groupsClaim in claims) || !claims.email) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        all = {
          ...info,
          ...claims,
          [settings.groupsClaim]: claims[settings.groupsClaim] ?? info[settings.groupsClaim],
        };
      }
      return {
        subject: claims.sub,
        email: stringOrNull(all.email),
        name: stringOrNull(all.name),
        groups: groupsOf(all[settings.groupsClaim]),
      };
    },
  };
}
