import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../scripts/harness/launch';
import { captureMany, openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

describe('options page', () => {
  it('shows delivery health and tests a URL against built-in CRMs and added sites', async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    await expect
      .poll(() => options.getByRole('list', { name: 'Sync endpoints' }).textContent())
      .toContain('Test receiver');
    const test = options.getByRole('textbox', { name: 'Test this URL' });
    await test.fill('https://acme.zendesk.com/agent/tickets/12');
    await expect
      .poll(() => options.getByText(/The sidebar appears here/).textContent())
      .toContain('zendesk adapter');
    await test.fill('https://intranet.example.org/');
    await expect.poll(() => options.getByText(/The sidebar does not appear here/).count()).toBe(1);
  });

  it('refuses an invalid site pattern with the reason, storing nothing', async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    await options.getByRole('textbox', { name: 'Match pattern' }).fill('http://insecure.example.com/*');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect
      .poll(() => options.getByRole('region', { name: 'Sites' }).getByRole('status').textContent())
      .toMatch(/match: must be a match pattern/);
    const stored = (await readSettings(s.browser.worker)).sites;
    expect(stored).toEqual([]);
  });

  it("shows an endpoint field's problem next to that field, saving nothing", async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    await options.getByRole('button', { name: 'Add an endpoint' }).click();
    const form = options.getByRole('form', { name: 'New endpoint' });
    await form.getByRole('textbox', { name: 'Endpoint name' }).fill('Files');
    const url = form.getByRole('textbox', { name: 'URL' });
    await url.fill('ftp://files.example.com/drop');
    await form.getByRole('button', { name: 'Generate secret' }).click();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    const described = await url.evaluate(
      (input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(described).toBe('must be an https URL (plain http only for localhost)');
    expect(
      await form.getByRole('textbox', { name: 'Endpoint name' }).getAttribute('aria-invalid'),
    ).toBeNull();
    expect((await readSettings(s.browser.worker)).endpoints.map((e) => e.id)).toEqual(['receiver']);
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The agent's fields too: an empty name is shown at the name, the ID and team left alone.
    const agent = options.getByRole('group', { name: 'Agent details' });
    await agent.getByRole('textbox', { name: 'Agent name' }).fill('');
    await agent.getByRole('button', { name: 'Save agent' }).click();
    await expect
      .poll(() => agent.getByRole('textbox', { name: 'Agent name' }).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await agent.getByRole('textbox', { name: 'Agent ID' }).getAttribute('aria-invalid')).toBeNull();
    expect((await readSettings(s.browser.worker)).agent?.name).toBe('Ada Agent');
  });

  it('disabling an endpoint holds its captures; enabling it sends them', async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    await options.getByRole('button', { name: 'Disable Test receiver' }).click();
    await expect
      .poll(() => options.getByRole('list', { name: 'Sync endpoints' }).textContent())
      .toContain('Paused: Disabled in the settings');
    const popup = await openExtensionPage(s.browser, 'popup.html');
    const before = s.receiver.requests.length;
    const [id] = await captureMany(popup, ['bug']);
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/^1 capture waiting/);
    expect(s.receiver.requests.length).toBe(before);
    await options.getByRole('button', { name: 'Enable Test receiver' }).click();
    await s.receiver.waitFor((r) => r.body.includes(id ?? 'missing'), 15_000);
  });
});
