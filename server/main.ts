import { parseArgs } from 'node:util';
import { parseTrustedProxies, type TrustedProxies } from './auth/client-address';
import { parsePublicHosts } from './auth/host';
import { type OidcSettings, oidcSettingsFromEnv } from './auth/oidc';
import { startupBanner } from './banner';
import { runCli } from './cli';
import { parsePoolMax } from './db/postgres';
import { type DigestCadence, parseCadence } from './digest/schedule';
import { startHub } from './serve';

// `npm run hub`: serves until Ctrl-C; `npm run hub -- team create "Tier 1"` etc. manage teams and tokens.
// `npm run hub -- serve --every week` (or EARMARK_DIGEST_EVERY=week) also sends the weekly digests.
// Env: PORT (8787), HOST, EARMARK_DATA_DIR (.earmark), EARMARK_WEBHOOK_SECRET, DATABASE_URL (PostgreSQL),
// EARMARK_PUBLIC_HOST (the name clients use when the hub is not reached on loopback), EARMARK_TRUSTED_PROXIES
// (reverse proxies whose X-Forwarded-For names the sender, docs/hub-scale.md), EARMARK_PG_POOL_MAX
// (PostgreSQL connections per process, default 10), EARMARK_THEMES=off
// (store items without grouping them into themes); sign-in with the organisation's identity provider:
// EARMARK_OIDC_ISSUER, EARMARK_OIDC_CLIENT_ID, EARMARK_OIDC_CLIENT_SECRET, EARMARK_PUBLIC_URL
// (EARMARK_OIDC_GROUPS_CLAIM, EARMARK_OIDC_SCOPES), see docs/admin.md.
/** EARMARK_PG_POOL_MAX, or a clear stop at start when it is not a number of connections. */
function poolMax(): number {
  try {
    return parsePoolMax(process.env.EARMARK_PG_POOL_MAX);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
const config = {
  dataDir: process.env.EARMARK_DATA_DIR ?? '.earmark',
  secret: process.env.EARMARK_WEBHOOK_SECRET,
  databaseUrl: process.env.DATABASE_URL,
  themes: process.env.EARMARK_THEMES !== 'off',
  poolMax: poolMax(),
};
const args = process.argv.slice(2);
if (args.length > 0 && args[0] !== 'serve') process.exit(await runCli(config, args));
/** `serve [--every week]`, else EARMARK_DIGEST_EVERY: the digest schedule, off when neither is set. */
function digestSchedule(): DigestCadence | undefined {
  try {
    const { values } = parseArgs({ args: args.slice(1), options: { every: { type: 'string' } } });
    return parseCadence(values.every ?? process.env.EARMARK_DIGEST_EVERY);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
const digestEvery = digestSchedule();

/** Sign-in settings (EARMARK_OIDC_*): off when no issuer is set; a half-set one stops the start. */
function signInSettings(): OidcSettings | null {
  try {
    return oidcSettingsFromEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
const oidc = signInSettings();

// The public URL's host is where the identity provider sends people back to.
const publicHosts = [
  ...parsePublicHosts(process.env.EARMARK_PUBLIC_HOST),
  ...(oidc ? [oidc.redirectUri.hostname] : []),
];
/** EARMARK_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For names the sender. */
function trustedProxies(): TrustedProxies | null {
  try {
    return parseTrustedProxies(process.env.EARMARK_TRUSTED_PROXIES);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
const host = process.env.HOST;
const hub = await startHub({
  ...config,
  port: Number(process.env.PORT ?? 8787),
  host,
  publicHosts,
  trustedProxies: trustedProxies(),
  digestEvery,
  oidc,
});
for (const line of startupBanner(hub, { databaseUrl: config.databaseUrl, host, publicHosts }))
  console.log(line);
if (digestEvery)
  console.log(`Digests: each team's last full week, sent to its digest targets every ${digestEvery}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void hub.stop().then(() => process.exit(0)));
}
