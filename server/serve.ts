import { serve } from '@hono/node-server';
import { createHubApp } from './app';
import type { TrustedProxies } from './auth/client-address';
import type { OidcSettings } from './auth/oidc';
import { type DigestCadence, startDigestSchedule } from './digest/schedule';
import type { SendDeps } from './digest/send';
import { openHub } from './setup';

/** A running hub. */
export interface RunningHub {
  url: string;
  port: number;
  /** Where the "Default" team's secret came from (never the secret itself: it is not printed at start). */
  secretSource: string;
  /** true when this start generated the data dir's secret file. */
  secretCreated: boolean;
  dataDir: string;
  /** Settles when the start's grouping of ungrouped items (and loading the teams' engines) is done. */
  themesReady?: Promise<void>;
  stop(): Promise<void>;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** The URL host for a listen address: a wildcard is reached as 127.0.0.1, IPv6 goes in brackets. */
function urlHost(host: string): string {
  if (WILDCARDS.has(host)) return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Starts the hub on host:port (port 0 = any free port). Storage: PGlite under dataDir, or
 * PostgreSQL when databaseUrl is given. demo: true allows unauthenticated reads from anywhere.
 * The Host header must name loopback, a specific listen host, or one of publicHosts (else 421).
 */
export async function startHub(options: {
  dataDir: string;
  port: number;
  host?: string;
  secret?: string;
  demo?: boolean;
  databaseUrl?: string;
  /** PostgreSQL connections this process keeps at most (EARMARK_PG_POOL_MAX). */
  poolMax?: number;
  publicHosts?: readonly string[];
  /** Reverse proxies whose X-Forwarded-For names the sender (EARMARK_TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies | null;
  /** Send each team's digest of the last full week to its targets (off when undefined). */
  digestEvery?: DigestCadence;
  /** The digest schedule's fetch, clock and sleep (tests). */
  digestDeps?: SendDeps;
  /** false: no grouping into themes on ingest or at start (EARMARK_THEMES=off). Default true. */
  themes?: boolean;
  /** Sign-in with the organisation's identity provider; none: off. */
  oidc?: OidcSettings | null;
}): Promise<RunningHub> {
  const { store, dataDir, secretSource, secretCreated } = await openHub(options);
  const host = options.host ?? '127.0.0.1';
  // A specific listen address was chosen by the admin; a wildcard names no host.
  const listenHost = WILDCARDS.has(host) ? [] : [urlHost(host)];
  const app = createHubApp({
    store,
    demo: options.demo ?? false,
    publicHosts: [...listenHost, ...(options.publicHosts ?? [])],
    trustedProxies: options.trustedProxies,
    oidc: options.oidc,
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('listening', ok);
      server.once('error', fail);
    });
  } catch (error) {
    // The caller may retry on another port; release the database first (PGlite locks its dir).
    await store.close();
    throw error;
  }
  // Items stored before themes existed are grouped in the background (once: only ungrouped ones).
  const backfill = store.backfillThemes().catch((error: unknown) => {
    console.error('Earmark hub: grouping existing items into themes failed:', error);
  });
  const schedule = options.digestEvery
    ? startDigestSchedule(store, { every: options.digestEvery, deps: options.digestDeps })
    : null;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    secretSource,
    secretCreated,
    dataDir,
    themesReady: backfill.then(() => {}),
    async stop() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await schedule?.stop();
      await backfill;
      await store.close();
    },
  };
}
