// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SiteToggle } from '../../components/popup/SiteToggle';
import { disabledSites } from '../../lib/sidebar/site-prefs';
import { TICKET_CONTEXT } from '../helpers/context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function render(): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    createRoot(host).render(<SiteToggle />);
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('popup site switch', () => {
  it('names the active CRM site and switches Earmark off and on there', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 } as never]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: TICKET_CONTEXT });
    const host = await render();
    const toggle = host.querySelector<HTMLInputElement>('input[role="switch"]');
    expect(host.textContent).toContain('Active on acme.zendesk.com');
    expect(toggle?.checked).toBe(true);
    await act(async () => toggle?.click());
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(await disabledSites.getValue()).toEqual(['acme.zendesk.com']);
    await act(async () => toggle?.click());
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(await disabledSites.getValue()).toEqual([]);
  });

  it('says so when Earmark is not on the active page', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 } as never]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    const host = await render();
    expect(host.textContent).toBe('Earmark is not active on this page.');
  });
});
