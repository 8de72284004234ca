// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SurfaceSwitch } from '../../components/shared/SurfaceSwitch';
import { showPanelButton } from '../../components/sidebar/launcher/panel-button';
import { startupPrefs, surfaceChoices, surfacePolicy } from '../../lib/sidebar/snapshot-store';
import { ANY_SITE, chooseSurface, surfaceSetting } from '../../lib/sidebar/surface-choice';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const withPanel = fakeBrowser as unknown as { sidePanel?: unknown };

async function render(host: string, label: string): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    createRoot(root).render(<SurfaceSwitch host={host} label={label} />);
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
  delete withPanel.sidePanel;
});

describe("the agent's choice of surface", () => {
  it('is remembered per site and for every site, and the launcher reads it at page load', async () => {
    await chooseSurface('acme.zendesk.com', 'sidePanel');
    expect((await startupPrefs('acme.zendesk.com')).surface).toBe('sidePanel');
    expect((await startupPrefs('other.example')).surface).toBe('overlay');
    await chooseSurface(ANY_SITE, 'sidePanel');
    await chooseSurface('acme.zendesk.com', 'overlay');
    expect((await startupPrefs('other.example')).surface).toBe('sidePanel');
    expect((await startupPrefs('acme.zendesk.com')).surface).toBe('overlay');
  });

  it('is refused where the policy locks the surface', async () => {
    await surfacePolicy.setValue({ surface: 'sidePanel', locked: true });
    await expect(chooseSurface('acme.zendesk.com', 'overlay')).rejects.toThrow('organization');
    expect(await surfaceChoices.getValue()).toEqual({});
    expect(await surfaceSetting('acme.zendesk.com')).toEqual({
      surface: 'sidePanel',
      locked: true,
      policySurface: 'sidePanel',
    });
  });

  it('is a switch named for the site that the agent turns on for the side panel', async () => {
    withPanel.sidePanel = {};
    const root = await render('acme.zendesk.com', 'Side panel on acme.zendesk.com');
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]');
    expect(root.textContent).toContain('Side panel on acme.zendesk.com');
    expect(toggle?.checked).toBe(false);
    await act(async () => toggle?.click());
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(await surfaceChoices.getValue()).toEqual({ 'acme.zendesk.com': 'sidePanel' });
    expect(toggle?.checked).toBe(true);
  });

  it('is shown locked where the policy sets it, and not at all where the browser has no side panel', async () => {
    await surfacePolicy.setValue({ surface: 'sidePanel', locked: true });
    expect((await render(ANY_SITE, 'Side panel on every site')).textContent).toBe('');
    withPanel.sidePanel = {};
    const root = await render(ANY_SITE, 'Side panel on every site');
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]');
    expect(toggle?.checked).toBe(true);
    expect(toggle?.disabled).toBe(true);
    expect(root.textContent).toContain('set by your organization');
  });
});

describe('the in-page button of a side-panel site', () => {
  it('is one button named "Open Earmark side panel", which a page script cannot click open', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const openPanel = vi.fn(async () => null);
    const remove = showPanelButton(container, { side: 'right', tabTop: 0.4 }, openPanel, () => {});
    const buttons = container.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Open Earmark side panel');
    buttons[0]?.click(); // untrusted, as a page script's would be
    expect(openPanel).not.toHaveBeenCalled();
    remove();
    expect(container.querySelector('button')).toBeNull();
  });
});
