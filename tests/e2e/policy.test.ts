import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../lib/config/secret';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/harness/launch';
import { captureMany, openExtensionPage, verifiedItems } from './support/extension';
import { policyFile } from './support/policy-file';
import { type Receiver, startReceiver } from './support/receiver';

// Chromium reads /etc/chromium/policies/managed/*.json at start and re-reads a rewritten file within
// seconds, firing storage.onChanged for "managed". The file is removed after the run.
const file = policyFile();
const secret = generateSecret();
const agent = { id: 'pol-42', name: 'Pat Policy', team: 'Tier 2' };
const taxonomy = [
  { id: 'billing-dispute', label: 'Billing dispute', category: 'Money' },
  { id: 'cancellation', label: 'Cancellation', category: 'Money' },
];
let crm: CrmServer;
let receiver: Receiver;
let browser: ExtensionBrowser;

const endpoint = () => ({ id: 'org-hub', name: 'Org hub', url: receiver.url, secret });

describe.skipIf(file === null)('managed policy', () => {
  beforeAll(async () => {
    crm = await startCrmServer();
    receiver = await startReceiver();
    file?.write({ endpoints: [endpoint()], agent, taxonomy });
    browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  });
  afterAll(async () => {
    file?.remove();
    await browser?.close();
    await receiver?.close();
    await crm?.close();
  });

  it('uses the policy endpoint, agent and taxonomy for a capture that reaches the receiver', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Billing dispute' }).click();
    expect(await sidebar.getByRole('button', { name: 'Feature request' }).count()).toBe(0); // replaced
    const request = await receiver.waitFor((r) => r.body.includes('billing-dispute'), 15_000);
    const [item] = verifiedItems([request], secret);
    expect(item).toMatchObject({ agent, tags: [{ id: 'billing-dispute', category: 'Money' }] });
  });

  it('shows policy-set configuration as locked in the options page', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    for (const heading of ['Agent', 'Endpoints', 'Tags']) {
      await expect
        .poll(() => options.getByRole('heading', { name: heading }).textContent())
        .toContain('Set by your organization');
    }
    await expect.poll(() => options.getByRole('main').textContent()).toContain('Pat Policy (pol-42), Tier 2');
    const endpoints = await options.getByRole('list', { name: 'Endpoints', exact: true }).textContent();
    expect(endpoints).toContain(`secret whsec_…${secret.slice(-4)}`);
    expect(endpoints).not.toContain(secret);
  });

  it('applies a rewritten policy live', async () => {
    file?.write({
      endpoints: [endpoint()],
      agent: { ...agent, name: 'Pat Renamed' },
      taxonomy: [{ id: 'refund-request', label: 'Refund request', category: 'Money' }],
    });
    const options = await openExtensionPage(browser, 'options.html');
    await expect
      .poll(() => options.getByRole('main').textContent(), { timeout: 20_000 })
      .toContain('Pat Renamed');
    const popup = await openExtensionPage(browser, 'popup.html');
    await captureMany(popup, ['refund-request']);
    const request = await receiver.waitFor((r) => r.body.includes('refund-request'), 15_000);
    expect(verifiedItems([request], secret)[0]?.agent.name).toBe('Pat Renamed');
    await expect(captureMany(popup, ['billing-dispute'])).rejects.toThrow(/unknown tag "billing-dispute"/);
  });

  it('an invalid endpoint and a duplicate tag: valid parts apply, errors shown by path, nothing lost', async () => {
    file?.write({
      endpoints: [endpoint(), { id: 'bad', name: 'Bad', url: 'ftp://files.example.com/drop', secret }],
      agent,
      taxonomy: [
        { id: 'refund-request', label: 'Refund request', category: 'Money' },
        { id: 'refund-request', label: 'Refund again', category: 'Money' },
      ],
    });
    const popup = await openExtensionPage(browser, 'popup.html');
    const problems = popup.getByRole('list', { name: 'Policy problems' });
    await expect.poll(() => problems.textContent(), { timeout: 20_000 }).toContain('endpoints.1.url');
    expect(await problems.textContent()).toContain('duplicate id "refund-request"');
    const [id] = await captureMany(popup, ['refund-request']);
    await receiver.waitFor((r) => r.body.includes(id ?? 'missing'), 15_000);
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('All captures delivered.');
  });
});
