import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../scripts/harness/launch';
import { captureMany, openExtensionPage, verifiedItems } from './support/extension';
import { type Receiver, startReceiver } from './support/receiver';
import { type Session, startSession } from './support/session';

let s: Session;
let second: Receiver;
let secret = '';
beforeAll(async () => {
  s = await startSession();
  second = await startReceiver();
});
afterAll(async () => {
  await second?.close();
  await s?.close();
});

/** The local settings exactly as stored, read from the worker (not through the page under test). */
function storedSettings(): Promise<unknown> {
  return readSettings(s.browser.worker);
}

/** Clicks and returns the text of the JSON file the click downloads. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const next: Promise<Download> = page.waitForEvent('download');
  await click();
  const download = await next;
  return readFileSync(await download.path(), 'utf8');
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

describe('options page editors', () => {
  it('adds an endpoint (secret shown only masked) and "Send test" reaches it signed', async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    await options.getByRole('button', { name: 'Add an endpoint' }).click();
    const form = options.getByRole('form', { name: 'New endpoint' });
    await form.getByRole('textbox', { name: 'Endpoint name' }).fill('Second receiver');
    await form.getByRole('textbox', { name: 'Endpoint ID' }).fill('second');
    await form.getByRole('textbox', { name: 'URL' }).fill(second.url);
    await form.getByRole('button', { name: 'Generate secret' }).click();
    secret = await form.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    // The admin copies the generated secret to the receiver before saving.
    // (Chrome grants no clipboard-read to an extension origin here: what is written is recorded.)
    await options.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      const copied: string[] = [];
      (window as { __copied?: string[] }).__copied = copied;
      clipboard.writeText = (text: string) => {
        copied.push(text);
        return write(text);
      };
    });
    await form.getByRole('button', { name: 'Copy secret' }).click();
    await expect.poll(() => form.getByText('Copied the secret.').count()).toBe(1);
    expect(await options.evaluate(() => (window as { __copied?: string[] }).__copied)).toEqual([secret]);
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const list = options.getByRole('list', { name: 'Endpoints', exact: true });
    await expect.poll(() => list.textContent()).toContain('Second receiver');
    expect(await list.textContent()).toContain(`secret whsec_…${secret.slice(-4)}`);
    expect(await options.content()).not.toContain(secret);

    await options.getByRole('button', { name: 'Send test to Second receiver' }).click();
    const ping = await second.waitFor((r) => r.body.includes('earmark.ping.v1'));
    const payload = new Webhook(secret).verify(ping.body, ping.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: 'earmark.ping.v1', sentAt: expect.any(String) });
    await expect
      .poll(() => status(options, 'Test to Second receiver').textContent())
      .toMatch(/HTTP 200 in \d+ ms\. Response: \{"ok":true\}/);
  });

  it('edits the taxonomy: add, move up, hotkey (a conflict is refused), then captures with the new tag', async () => {
    // An agent's CRM tab is open all along: its sidebar must follow the edits without a reload.
    const crm = await s.browser.context.newPage();
    await crm.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = crm.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Feature request', exact: true }).waitFor();
    await crm.evaluate(() => {
      (window as { __noReload?: boolean }).__noReload = true;
    });
    const options = await openExtensionPage(s.browser, 'options.html');
    const add = options.getByRole('form', { name: 'Add a tag' });
    await add.getByRole('textbox', { name: 'Tag label' }).fill('Refund request');
    await add.getByRole('combobox', { name: 'Category' }).fill('Customer insight');
    await add.getByRole('button', { name: 'Add tag' }).click();
    const group = options.getByRole('list', { name: 'Customer insight', exact: true });
    await expect.poll(() => group.textContent()).toContain('Refund request');
    const labels = async () =>
      (await group.getByRole('listitem').allTextContents()).map((t) => t.split(' (')[0]);
    const before = await labels();
    expect(before.at(-1)).toBe('Refund request');

    await options.getByRole('button', { name: 'Move Refund request up' }).click();
    await expect.poll(labels).toEqual([...before.slice(0, -2), 'Refund request', before.at(-2)]);

    await options.getByRole('button', { name: 'Edit Refund request' }).click();
    const edit = options.getByRole('form', { name: 'Edit Refund request' });
    await edit.getByRole('textbox', { name: 'Hotkey' }).fill('1');
    await edit.getByRole('button', { name: 'Save Refund request' }).click();
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'hotkey' }).textContent())
      .toContain('"1" is already used by "Feature request"');
    await edit.getByRole('textbox', { name: 'Hotkey' }).fill('r');
    await edit.getByRole('button', { name: 'Save Refund request' }).click();
    await expect.poll(() => group.textContent()).toContain('key R');
    const stored = (await storedSettings()) as { taxonomy: Array<{ id: string; hotkey?: string }> };
    expect(stored.taxonomy.find((t) => t.id === 'refund-request')?.hotkey).toBe('r');

    const newTag = sidebar.getByRole('button', { name: 'Refund request', exact: true });
    await expect.poll(() => newTag.getAttribute('aria-keyshortcuts')).toBe('r');
    const sidebarLabels = await sidebar
      .getByRole('group', { name: 'Customer insight', exact: true })
      .getByRole('button')
      .allTextContents();
    expect(sidebarLabels.findIndex((t) => t.startsWith('Refund request'))).toBe(before.length - 2); // moved up
    expect(await crm.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);

    const popup = await openExtensionPage(s.browser, 'popup.html');
    const [id] = await captureMany(popup, ['refund-request']);
    const request = await second.waitFor((r) => r.body.includes(id ?? 'missing'), 15_000);
    const [item] = verifiedItems([request], secret);
    expect(item?.tags).toEqual([
      { id: 'refund-request', label: 'Refund request', category: 'Customer insight' },
    ]);
  });

  it('exports without secrets, and refuses a broken import listing every error, changing nothing', async () => {
    const options = await openExtensionPage(s.browser, 'options.html');
    const exportButton = options.getByRole('button', { name: 'Export configuration' });
    const text = await downloaded(options, () => exportButton.click());
    expect(text).not.toContain('whsec_');
    const file = JSON.parse(text);
    expect(file.earmarkConfig).toBe(1);
    expect(file.settings.endpoints.map((e: { id: string; secret: unknown }) => [e.id, e.secret])).toEqual([
      ['receiver', null],
      ['second', null],
    ]);

    const before = await storedSettings();
    file.settings.endpoints[1].url = 'ftp://files.example.com/drop';
    file.settings.taxonomy[1].hotkey = file.settings.taxonomy[0].hotkey;
    file.settings.urlMode = 'everything';
    const input = options.getByLabel('Import configuration file');
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const problems = options.getByRole('list', { name: 'Import problems' });
    await expect.poll(() => problems.textContent()).toContain('settings.endpoints.1.url');
    expect(await problems.textContent()).toContain('settings.taxonomy.1.hotkey');
    expect(await problems.textContent()).toContain('settings.urlMode');
    expect(await options.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    expect(await storedSettings()).toEqual(before);

    // The untouched export imports back onto this browser: null secrets keep the stored ones.
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await options.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(() => status(options, 'Imported').count()).toBe(1);
    expect(await storedSettings()).toEqual(before);
  });

  it('refuses to delete an endpoint with queued captures unless they are exported first', async () => {
    await second.down();
    const popup = await openExtensionPage(s.browser, 'popup.html');
    const [id] = await captureMany(popup, ['refund-request']);
    const options = await openExtensionPage(s.browser, 'options.html');
    await options.getByRole('button', { name: 'Delete Second receiver' }).click();
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'still queued' }).textContent())
      .toContain('1 capture is still queued for Second receiver');
    const exportDelete = options.getByRole('button', {
      name: 'Export queued items and delete Second receiver',
    });
    const text = await downloaded(options, () => exportDelete.click());
    expect(JSON.parse(text).items.map((i: { id: string }) => i.id)).toEqual([id]);
    const list = options.getByRole('list', { name: 'Endpoints', exact: true });
    await expect.poll(() => list.textContent()).not.toContain('Second receiver');
    const stored = (await storedSettings()) as { endpoints: Array<{ id: string }> };
    expect(stored.endpoints.map((e) => e.id)).toEqual(['receiver']);
  });
});
