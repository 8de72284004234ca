import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { agentSummaryRoutes } from './api/agent-summary';
import { demandRoutes } from './api/demand';
import { digestRoutes } from './api/digest';
import { itemRoutes } from './api/items';
import { readinessRoute } from './api/readiness';
import { reportRoutes } from './api/reports';
import { signInRoutes } from './api/sign-in';
import { themeRoutes } from './api/themes';
import { webhookRoute } from './api/webhook';
import { access, createUseRecorder, type HubEnv } from './auth/access';
import { clientAddressMiddleware, type TrustedProxies } from './auth/client-address';
import { hostCheck } from './auth/host';
import { lazyOidc, type OidcSettings } from './auth/oidc';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './auth/rate-limit';
import type { HubStore } from './store';

export { MAX_BODY_BYTES } from './api/webhook';

/** Largest JSON body accepted by the API routes (a bulk triage of 500 ids is about 20 KB). */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** Options of the hub app. `secret` is an extra, team-less webhook secret (tests, old callers). */
export interface HubAppOptions {
  store: HubStore;
  secret?: string;
  /** Unauthenticated reads of GET /v1/items and GET / from anywhere (the `npm start` demo). */
  demo?: boolean;
  rateLimit?: RateLimit;
  /** Per peer address: webhook senders, and callers without a valid token. */
  webhookRateLimit?: RateLimit;
  anonymousRateLimit?: RateLimit;
  /**
   * Host names accepted in the Host header besides localhost, 127.0.0.1 and [::1] (any port):
   * the hub's public name (EARMARK_PUBLIC_HOST). Any other Host answers 421.
   */
  publicHosts?: readonly string[];
  /**
   * Reverse proxies (EARMARK_TRUSTED_PROXIES) whose X-Forwarded-For names the sender for the
   * per-address limits (auth/client-address.ts); none: the socket's peer.
   */
  trustedProxies?: TrustedProxies | null;
  /** Clock for secret expiry and token last use (tests move it past a grace period or a minute). */
  now?: () => Date;
  /** Sign-in with the organisation's identity provider (server/auth/oidc.ts); none: /v1/auth/* answers 404. */
  oidc?: OidcSettings | null;
}

/** The hub's HTTP API: signed ingest, authenticated review API, health. */
export function createHubApp(options: HubAppOptions) {
  const { store } = options;
  const app = new Hono<HubEnv>();
  app.use(
    secureHeaders({
      // JSON and one server-rendered page with an inline stylesheet: nothing else may load or run.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use(async (c, next) => {
    await next();
    // Review data is private: never cache it in a browser or a proxy.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  app.use(clientAddressMiddleware(options.trustedProxies ?? null));
  // After the header middlewares (a 421 carries them too), before every route: health checks too,
  // so a load balancer's probe names the hub's public host (docs/hub-api.md).
  app.use(hostCheck(options.publicHosts ?? []));
  // `signIn`: the extension offers "Sign in to <hub>" only where the hub can sign people in.
  app.get('/healthz', (c) => c.json({ ok: true, signIn: Boolean(options.oidc) }));
  readinessRoute(app, store);
  app.use(
    '/v1/items/*',
    bodyLimit({ maxSize: MAX_API_BODY_BYTES, onError: (c) => c.json({ error: 'body too large' }, 413) }),
  );

  const now = options.now ?? (() => new Date());
  // One last-use throttle per process, for tokens on the API and agent tokens on the webhook.
  const recordUse = createUseRecorder(store, now);
  webhookRoute(app, { store, secret: options.secret, now, rateLimit: options.webhookRateLimit, recordUse });
  const need = access({
    store,
    demo: options.demo ?? false,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    anonymousRateLimit: options.anonymousRateLimit,
    recordUse,
  });
  itemRoutes(app, need, store);
  reportRoutes(app, need, store);
  themeRoutes(app, need, store);
  agentSummaryRoutes(app, need, store);
  digestRoutes(app, need, store, now);
  demandRoutes(app, need, store);
  signInRoutes(
    app,
    need,
    store,
    options.oidc ? lazyOidc(options.oidc) : null,
    now,
    options.oidc ?? undefined,
  );

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    console.error('hub error', error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
