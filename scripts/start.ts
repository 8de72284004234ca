import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { LocalSettings } from '../lib/config/settings';
import { DEMO_TEAM } from '../server/demo-data';
import type { RunningHub } from '../server/serve';
import type { HubItem } from '../server/store';
import { DEMO_BROWSER_AGENT, DEMO_SIZE, type DemoHub, startDemoHub } from './demo-hub';
import { DEMO_PEOPLE, startDemoHubWithSignIn } from './demo-sign-in';
import { ensureChromium } from './harness/chromium';
import { startCrmServer } from './harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from './harness/launch';
import { ROOT } from './harness/paths';
import { signInThrough } from './harness/sign-in-window';
import { showReviewInsights, showReviewPage } from './review-check';

// `npm start`: hub with a seeded demo team + built extension + a browser on a demo Zendesk ticket,
// synced to that hub, and the review page showing the team's captures as its lead sees them.
// Flags: --once (exit after the sample capture), --no-build, --headless, --sign-in (people sign in
// through the hub at a development identity provider instead of the demo's tokens).
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

/** Signs `login` in from the toolbar popup (opened in a tab), through the IdP's sign-in window. */
async function signInFromPopup(browser: ExtensionBrowser, issuer: string, hubUrl: string, login: string) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const button = popup.getByRole('button', { name: `Sign in to ${new URL(hubUrl).host}` });
  await signInThrough(browser, button, issuer, login);
  await popup.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
  await popup.close();
}

/** Signs out from the toolbar popup (opened in a tab). */
async function signOutFromPopup(browser: ExtensionBrowser) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await popup.getByRole('button', { name: /^Sign in to / }).waitFor({ timeout: 15_000 });
  await popup.close();
}

async function main(): Promise<void> {
  const chromePath = ensureChromium(say);
  if (!args.has('--no-build')) build();
  const dataDir = resolve(process.env.EARMARK_DATA_DIR ?? join(ROOT, '.earmark'));
  const port = Number(process.env.PORT ?? 8787);
  say(`Starting the hub and seeding the demo team "${DEMO_TEAM}"…`);
  const { demo, signIn } = args.has('--sign-in')
    ? await startDemoHubWithSignIn(dataDir, port, say)
    : { demo: await startDemoHub(dataDir, port, say), signIn: null };
  if (signIn) say(`Development identity provider (any password works): ${signIn.idp.issuer}`);
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
    // With sign-in, nobody's token is typed: who signs in is who captures (and reviews).
    hub: signIn
      ? { url: hub.url, signIn: 'required' }
      : { url: hub.url, agentToken: team.agentToken, leadToken: team.leadToken },
  };
  await seedSettings(browser.worker, settings);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(DEMO_TICKET);

  const shutdown = async () => {
    await browser.close({ keepProfile: true }).catch(() => {});
    await crm.close();
    await hub.stop();
    await signIn?.idp.close();
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
  const tokenUser = signIn
    ? 'for scripts: this browser signs in instead'
    : `${DEMO_BROWSER_AGENT.name}, the agent in this browser`;
  say(`Agent token:    ${team.agentToken}  (${tokenUser})`);

  if (headless) {
    if (signIn) await signInFromPopup(browser, signIn.idp.issuer, hub.url, 'ana');
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
    if (signIn) {
      say();
      say(`${DEMO_PEOPLE.ana.name} signed in from the popup at the development IdP: the capture carries`);
      say(`her identity${stored.agentVerified ? ', verified by the hub' : ''}. Then she signed out and`);
      await signOutFromPopup(browser);
      await signInFromPopup(browser, signIn.idp.issuer, hub.url, 'lee');
      say(`${DEMO_PEOPLE.lee.name} signed in as the lead, for the review page below.`);
    }
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
    if (signIn) {
      say();
      say(
        `Sign-in is required: click "Sign in to ${new URL(hub.url).host}" in the sidebar or the toolbar popup and`,
      );
      say('sign in as "ana" (an agent) or "lee" (the lead) with any password; captures made before wait.');
    }
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
