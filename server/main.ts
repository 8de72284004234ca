import { parsePublicHosts } from './auth/host';
import { startupBanner } from './banner';
import { runCli } from './cli';
import { startHub } from './serve';

// `npm run hub`: serves until Ctrl-C; `npm run hub -- team create "Tier 1"` etc. manage teams and tokens.
// Env: PORT (8787), HOST, EARMARK_DATA_DIR (.earmark), EARMARK_WEBHOOK_SECRET, DATABASE_URL (PostgreSQL),
// EARMARK_PUBLIC_HOST (the name clients use when the hub is not reached on loopback), EARMARK_THEMES=off
// (store items without grouping them into themes).
const config = {
  dataDir: process.env.EARMARK_DATA_DIR ?? '.earmark',
  secret: process.env.EARMARK_WEBHOOK_SECRET,
  databaseUrl: process.env.DATABASE_URL,
  themes: process.env.EARMARK_THEMES !== 'off',
};
const args = process.argv.slice(2);
if (args.length > 0) process.exit(await runCli(config, args));

const publicHosts = parsePublicHosts(process.env.EARMARK_PUBLIC_HOST);
const host = process.env.HOST;
const hub = await startHub({ ...config, port: Number(process.env.PORT ?? 8787), host, publicHosts });
for (const line of startupBanner(hub, { databaseUrl: config.databaseUrl, host, publicHosts }))
  console.log(line);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void hub.stop().then(() => process.exit(0)));
}
