import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './support/session';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

async function setDisabled(hosts: string[]): Promise<void> {
  await s.browser.worker.evaluate(async (value) => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome;
    await api.storage.local.set({ disabledSites: value }); // what the popup's switch writes
  }, hosts);
}

describe('per-site switch', () => {
  it('removes the sidebar from an open tab when switched off, and brings it back', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.waitFor();
    await setDisabled(['acme.zendesk.com']);
    await expect.poll(() => sidebar.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open Earmark' }).count()).toBe(0);
    await setDisabled([]);
    await expect.poll(() => sidebar.count()).toBe(1);
  });
});
