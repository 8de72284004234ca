// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OpenSidePanel } from '../../components/popup/OpenSidePanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const withPanel = fakeBrowser as unknown as {
  sidePanel?: { open(options: unknown): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

async function render(): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    createRoot(host).render(<OpenSidePanel />);
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
  delete withPanel.sidePanel;
  delete withPanel.sidebarAction;
  vi.restoreAllMocks();
});

describe('popup: open in side panel', () => {
  it("opens the browser's side panel for the popup's window, within the click", async () => {
    const open = vi.fn(async () => {});
    withPanel.sidePanel = { open };
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 42 } as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const host = await render();
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Open in side panel');
    expect(button).toBeDefined();
    button?.click();
    // Called synchronously in the click handler: the browser opens its panel only during the gesture.
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(close).toHaveBeenCalled();
  });

  it("opens Firefox's sidebar within the click", async () => {
    const open = vi.fn(async () => {});
    withPanel.sidebarAction = { open };
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 42 } as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const host = await render();
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Open in side panel');
    expect(button).toBeDefined();
    button?.click();
    expect(open).toHaveBeenCalledOnce(); // synchronously: Firefox opens its sidebar only in the gesture
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(close).toHaveBeenCalled();
  });

  it('offers nothing where the browser has neither a side panel nor a sidebar', async () => {
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 42 } as never);
    const host = await render();
    expect(host.textContent).toBe('');
  });
});
