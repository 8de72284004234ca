import { runCli } from './cli';
import { startHub } from './serve';

// `npm run hub`: serves until Ctrl-C; `npm run hub -- team create "Tier 1"` etc. manage teams and tokens.
// Env: PORT (8787), HOST, EARMARK_DATA_DIR (.earmark), EARMARK_WEBHOOK_SECRET, DATABASE_URL (PostgreSQL).
const config = {
  dataDir: process.env.EARMARK_DATA_DIR ?? '.earmark',
  secret: process.env.EARMARK_WEBHOOK_SECRET,
  databaseUrl: process.env.DATABASE_URL,
};
const args = process.argv.slice(2);
if (args.length > 0) process.exit(await runCli(config, args));

const hub = await startHub({ ...config, port: Number(process.env.PORT ?? 8787), host: process.env.HOST });
console.log(`Earmark hub listening on ${hub.url}`);
console.log(`  webhook:  POST ${hub.url}/v1/webhook`);
console.log(`  items:    ${hub.url}/  (JSON: ${hub.url}/v1/items; bearer token, see docs/hub-api.md)`);
console.log(`  storage:  ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `${hub.dataDir}/db`}`);
console.log(`  secret:   ${hub.secret}${hub.secretCreated ? '  (new; kept in the data dir)' : ''}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void hub.stop().then(() => process.exit(0)));
}
