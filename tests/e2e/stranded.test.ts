import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureMany, configure, openExtensionPage } from './support/extension';
import { openWithSidebar } from './support/pages';
import { type Session, startSession } from './support/session';

// Captures whose endpoint is not there: none configured yet (the capture waits for one), or one
// that was removed from the settings (its queued captures become dead letters an admin can act on).
// Endpoints are changed in the settings here; a policy change reaches the worker the same way
// (storage.onChanged), and tests/e2e/policy.test.ts covers policies themselves.

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(() => s?.close());

describe('captures whose endpoint is missing', () => {
  it('with no endpoint: "Saved, waiting for an endpoint", then delivered once one is added', async () => {
    await configure(s.browser.worker, [], 0.02);
    const { sidebar } = await openWithSidebar(s.browser, 'https://acme.zendesk.com/agent/tickets/4821');
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('asked for a CSV export');
    await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect
      .poll(() => sidebar.getByRole('status').textContent(), { timeout: 5_000 })
      .toBe('Saved, waiting for an endpoint: Bug');
    const popup = await openExtensionPage(s.browser, 'popup.html');
    await expect
      .poll(() => popup.getByText('1 capture is saved and waiting for an endpoint', { exact: false }).count())
      .toBe(1);
    expect(s.receiver.requests).toHaveLength(0);

    await configure(s.browser.worker, [s.endpoint], 0.02); // the admin adds an endpoint
    await expect
      .poll(() => s.received().map((item) => [item.tags[0]?.id, item.note]), { timeout: 15_000 })
      .toEqual([['bug', 'asked for a CSV export']]);
    await expect.poll(() => popup.getByText('waiting for an endpoint', { exact: false }).count()).toBe(0);
  });

  it("a removed endpoint's queued captures are dead letters with the reason, exported and discarded", async () => {
    // Disabled, the endpoint keeps its captures queued; then it is removed from the settings.
    await configure(s.browser.worker, [{ ...s.endpoint, enabled: false }], 0.02);
    const options = await openExtensionPage(s.browser, 'options.html');
    const [id] = await captureMany(options, ['praise']);
    await configure(s.browser.worker, [], 0.02);

    const why = options.getByRole('list', { name: 'Why not delivered' });
    await expect
      .poll(() => why.textContent(), { timeout: 10_000 })
      .toBe('Its endpoint "receiver" was removed from the settings or by policy (1)');
    expect(await options.getByRole('heading', { name: 'Not delivered' }).count()).toBe(1);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export failed as JSON' }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as Array<{
      endpointId: string;
      reason: string;
      item: { id: string };
    }>;
    expect(exported).toEqual([
      expect.objectContaining({ endpointId: 'receiver', reason: expect.stringContaining('was removed') }),
    ]);
    expect(exported[0]?.item.id).toBe(id);

    await options.getByRole('button', { name: 'Discard failed' }).click();
    await options
      .getByRole('group', { name: 'Confirm discard' })
      .getByRole('button', { name: 'Yes, discard' })
      .click();
    await expect.poll(() => options.getByRole('heading', { name: 'Not delivered' }).count()).toBe(0);
    await expect
      .poll(() => options.getByRole('status').first().textContent())
      .toBe('All captures delivered.');
    expect(s.received().map((item) => item.id)).not.toContain(id);
  });
});
