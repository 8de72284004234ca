import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { LocalSettings } from '../lib/config/settings';
import { DEMO_TEAM } from '../server/demo-data';
import type { RunningHub } from '../server/serve';
import type { HubItem } from '../server/store';
import { DEMO_BROWSER_AGENT, DEMO_SIZE, type DemoHub, startDemoHub } from './demo-hub';
import { ensureChromium } from './harness/chromium';
import { startCrmServer } from './harness/crm-server';
import { launchWithExtension, seedSettings } from './harness/launch';
import { ROOT } from './harness/paths';
import { showReviewInsights, showReviewPage } from './review-check';

// `npm start`: hub with a seeded demo team + built extension + a browser on a demo Zendesk ticket,
// synced to that hub, and the review page showing the team's captures as its lead sees them.
// Flags: --once (exit after the sample capture), --no-build, --headless.
const args = new Set(process.argv.slice(2));
const DEMO_TICKET = 'https://acme.zendesk.com/agent/tickets/4821';
const say = (line = '') => console.log(line);

function build(): void {
  say('Building the extension (wxt build)…');
  const result = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The extension build failed (see above).');
}

async function waitForItem(
  hub: RunningHub,
  leadToken: string,
  match: (h: HubItem) => boolean,
  timeoutMs = 15_000,
): Promise<HubItem> {
  const deadline = Date.now() + timeoutMs;
  const headers = { authorization: `Bearer ${leadToken}` };
  while (Date.now() < deadline) {
    const response = await fetch(`${hub.url}/v1/items?limit=50`, { headers });
    const { items } = (await response.json()) as { items: HubItem[] };
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
  say(`Starting the hub and seeding the demo team "${DEMO_TEAM}"…`);
  const demo = await startDemoHub(dataDir, Number(process.env.PORT ?? 8787), say);
  const { hub, team } = demo;
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
      { id: 'demo-hub', name: 'Earmark hub (demo)', url: `${hub.url}/v1/webhook`, secret: team.secret },
    ],
    agent: DEMO_BROWSER_AGENT,
    taxonomy: null,
    hub: { url: hub.url, agentToken: team.agentToken, leadToken: team.leadToken },
  };
  await seedSettings(browser.worker, settings);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_TICKET);

  const shutdown = async () => {
    await browser.close({ keepProfile: true }).catch(() => {});
    await crm.close();
    await hub.stop();
  };

  const reviewUrl = `chrome-extension://${browser.extensionId}/review.html`;
  say();
  say(`Hub:            ${hub.url}/  (JSON: ${hub.url}/v1/items)`);
  say(`Demo ticket:    ${DEMO_TICKET}  (served locally, mapped in this browser only)`);
  say(`Review page:    ${reviewUrl}`);
  say(`Extension ID:   ${browser.extensionId}`);
  say(`Demo team:      ${describeTeam(demo)}`);
  // The secret stays out of the output (terminals and CI logs keep it): the browser got it in its settings.
  say(
    `Webhook secret: team ${DEMO_TEAM}'s, in the hub's database and this browser's endpoint settings (not printed)`,
  );
  say(`Lead token:     ${team.leadToken}`);
  say(`Agent token:    ${team.agentToken}  (${DEMO_BROWSER_AGENT.name}, the agent in this browser)`);

  if (headless) {
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    const note = `Customer asks for scheduled CSV exports (demo ${new Date().toISOString()})`;
    await sidebar.getByRole('textbox', { name: 'Note' }).fill(note);
    await sidebar.getByRole('button', { name: 'Feature request' }).click();
    await sidebar.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
    const stored = await waitForItem(hub, team.leadToken, (h) => h.item.note === note);
    say();
    say('No display here, so the browser ran headless: it clicked "Feature request" in the real sidebar');
    say('on the demo ticket, and the hub received and verified this signed item:');
    say(JSON.stringify(stored.item, null, 2));
    const reviewPage = await browser.context.newPage();
    const shown = await showReviewPage(reviewPage, reviewUrl, note);
    say();
    say(
      `Review page: showing ${shown.toLocaleString('en')} items for team ${DEMO_TEAM} (lead view), the sample capture among them.`,
    );
    const insights = await showReviewInsights(reviewPage);
    say(`Themes view: ${insights.themesStatus} The largest: "${insights.topTheme}"`);
    say(`Failure demand: ${insights.demandHeadline}`);
  } else {
    const review = await browser.context.newPage();
    await review.goto(reviewUrl);
    await page.bringToFront();
    say();
    say('Click a tag in the Earmark sidebar on the demo ticket; the review tab (the lead view of team');
    say(
      `${DEMO_TEAM}) lists it within a second or two, next to the demo team's earlier captures; its Themes tab`,
    );
    say('groups them into themes, and its Failure demand section shows the share and the causes by week.');
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

function describeTeam({ team, seeded }: DemoHub): string {
  if (!seeded) return `${team.team.name} (kept from an earlier run in this data dir; delete it to reseed)`;
  const { reviewed, actioned, declined } = seeded.triaged;
  return (
    `${team.team.name}: ${seeded.items} captures over ${DEMO_SIZE.weeks} weeks seeded through the signed webhook; ` +
    `${reviewed} reviewed, ${actioned} actioned, ${declined} declined by the lead`
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
