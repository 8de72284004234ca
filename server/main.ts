import { startHub } from './serve';

// `npm run hub`: serves until Ctrl-C. Env: PORT (8787), EARMARK_DATA_DIR (.earmark), EARMARK_WEBHOOK_SECRET.
const hub = await startHub({
  dataDir: process.env.EARMARK_DATA_DIR ?? '.earmark',
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST,
  secret: process.env.EARMARK_WEBHOOK_SECRET,
});
console.log(`Earmark hub listening on ${hub.url}`);
console.log(`  webhook:  POST ${hub.url}/v1/webhook`);
console.log(`  items:    ${hub.url}/  (JSON: ${hub.url}/v1/items)`);
console.log(`  data dir: ${hub.dataDir}`);
console.log(`  secret:   ${hub.secret}${hub.secretCreated ? '  (new; kept in the data dir)' : ''}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void hub.stop().then(() => process.exit(0)));
}
