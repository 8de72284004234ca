import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSettings } from '../../scripts/harness/launch';
import { TEST_AGENT } from './support/extension';
import { type Session, startSession } from './support/session';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

describe('sidebar follows configuration changes', () => {
  it('shows an edited taxonomy in an open CRM tab without a reload', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Feature request', exact: true }).waitFor();
    await page.evaluate(() => {
      (window as { __noReload?: boolean }).__noReload = true;
    });
    await seedSettings(s.browser.worker, {
      endpoints: [s.endpoint],
      agent: TEST_AGENT,
      taxonomy: [
        { id: 'warranty-claim', label: 'Warranty claim', category: 'Customer insight', hotkey: 'w' },
      ],
    });
    await sidebar.getByRole('button', { name: 'Warranty claim', exact: true }).click();
    expect(await sidebar.getByRole('button', { name: 'Feature request', exact: true }).count()).toBe(0);
    await s.receiver.waitFor((r) => r.body.includes('warranty-claim'), 10_000);
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});
