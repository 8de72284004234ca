import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { LocalSettings } from '../lib/config';
import { type RunningHub, startHub } from '../server/serve';
import type { HubItem } from '../server/store';
import { ensureChromium } from './harness/chromium';
import { startCrmServer } from './harness/crm-server';
import { launchWithExtension, seedSettings } from './harness/launch';
import { ROOT } from './harness/paths';

// `npm start`: hub + built extension + a browser on a demo Zendesk ticket, synced to that hub.
// Flags: --once (exit after the sample capture), --no-build, --headless.
const args = new Set(process.argv.slice(2));
const DEMO_TICKET = 'https://acme.zendesk.com/agent/tickets/4821';
const say = (line = '') => console.log(line);

function build(): void {
  say('Building the extension (wxt build)…');
  const result = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The extension build failed (see above).');
}

async function openHub(dataDir: string): Promise<RunningHub> {
  const port = Number(process.env.PORT ?? 8787);
  try {
    return await startHub({ dataDir, port, secret: process.env.EARMARK_WEBHOOK_SECRET, demo: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    say(`Port ${port} is busy; the hub takes a free port instead.`);
    return startHub({ dataDir, port: 0, secret: process.env.EARMARK_WEBHOOK_SECRET, demo: true });
  }
}

async function waitForItem(
  hub: RunningHub,
  match: (h: HubItem) => boolean,
  timeoutMs = 15_000,
): Promise<HubItem> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { items } = (await (await fetch(`${hub.url}/v1/items?limit=50`)).json()) as { items: HubItem[] };
    const hit = items.find(match);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The sample item did not reach the hub within ${timeoutMs / 1000} s.`);
}

async function main(): Promise<void> {
  const chromePath = ensureChromium(say);
  if (!args.has('--no-build')) build();
  const dataDir = resolve(process.env.EARMARK_DATA_DIR ?? join(ROOT, '.earmark'));
  const hub = await openHub(dataDir);
  const crm = await startCrmServer();
  const headless =
    args.has('--headless') ||
    process.env.CI === 'true' ||
    (process.platform === 'linux' && !process.env.DISPLAY);
  say(`Starting ${chromePath}${headless ? ' headless (no display found)' : ''}…`);
  const browser = await launchWithExtension({
    hostResolverRules: crm.hostResolverRules,
    headless,
    userDataDir: join(dataDir, 'browser-profile'),
  });
  const settings: Partial<LocalSettings> = {
    endpoints: [
      { id: 'demo-hub', name: 'Earmark hub (demo)', url: `${hub.url}/v1/webhook`, secret: hub.secret },
    ],
    agent: { id: 'demo-agent', name: 'Demo Agent', team: 'Tier 1' },
    taxonomy: null,
  };
  await seedSettings(browser.worker, settings);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_TICKET);

  const shutdown = async () => {
    await browser.close({ keepProfile: true }).catch(() => {});
    await crm.close();
    await hub.stop();
  };

  say();
  say(`Hub:            ${hub.url}/  (JSON: ${hub.url}/v1/items)`);
  say(`Demo ticket:    ${DEMO_TICKET}  (served locally, mapped in this browser only)`);
  say(`Extension ID:   ${browser.extensionId}`);
  say(`Webhook secret: ${hub.secret}`);

  if (headless) {
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    const note = `Customer asks for scheduled CSV exports (demo ${new Date().toISOString()})`;
    await sidebar.getByRole('textbox', { name: 'Note' }).fill(note);
    await sidebar.getByRole('button', { name: 'Feature request' }).click();
    await sidebar.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
    const stored = await waitForItem(hub, (h) => h.item.note === note);
    say();
    say('No display here, so the browser ran headless: it clicked "Feature request" in the real sidebar');
    say('on the demo ticket, and the hub received and verified this signed item:');
    say(JSON.stringify(stored.item, null, 2));
  } else {
    const hubPage = await browser.context.newPage();
    await hubPage.goto(`${hub.url}/`);
    await page.bringToFront();
    say();
    say(
      'Click a tag in the Earmark sidebar on the demo ticket; the hub tab shows it within a second or two.',
    );
  }

  if (args.has('--once')) {
    await shutdown();
    return;
  }
  say();
  say('The hub keeps running. Press Ctrl-C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
