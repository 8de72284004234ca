import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';
import { sidePanelWindows, startupPrefs } from '../../lib/sidebar/snapshot-store';
import { asWindowIds, showsOverlay, startupPlan } from '../../lib/sidebar/surface';

const open = { enabled: true, layout: DEFAULT_LAYOUT, panelOpenSomewhere: false };

describe("the launcher's choice of surface at page load", () => {
  it('asks the worker nothing while no side panel is open anywhere, and preloads an open sidebar', () => {
    expect(startupPlan(open, false)).toEqual({ askPanel: false, preloadApp: true });
    // A current snapshot is painted, a collapsed site shows its tab, a site switched off nothing:
    // none of them loads the app early, and none asks the worker either.
    expect(startupPlan(open, true)).toEqual({ askPanel: false, preloadApp: false });
    expect(startupPlan({ ...open, layout: { ...DEFAULT_LAYOUT, collapsed: true } }, false)).toEqual({
      askPanel: false,
      preloadApp: false,
    });
    expect(startupPlan({ ...open, enabled: false }, false)).toEqual({ askPanel: false, preloadApp: false });
  });

  it('while a panel is open somewhere, asks whether it is this window and loads no app meanwhile', () => {
    const somewhere = { ...open, panelOpenSomewhere: true };
    expect(startupPlan(somewhere, false)).toEqual({ askPanel: true, preloadApp: false });
    // A site switched off asks too: the agent may switch it on while the panel shows Earmark here.
    expect(startupPlan({ ...somewhere, enabled: false }, false)).toEqual({
      askPanel: true,
      preloadApp: false,
    });
  });

  it('shows the in-page sidebar only where the site is on and no panel is open in the window', () => {
    expect(showsOverlay(true, false)).toBe(true);
    expect(showsOverlay(true, true)).toBe(false);
    expect(showsOverlay(false, false)).toBe(false);
  });

  it("reads the worker's side panel windows in the launcher's one startup read", async () => {
    expect((await startupPrefs('acme.zendesk.com')).panelOpenSomewhere).toBe(false);
    await sidePanelWindows.setValue([3]);
    expect((await startupPrefs('acme.zendesk.com')).panelOpenSomewhere).toBe(true);
    await fakeBrowser.storage.local.set({ sidePanelWindows: ['3', null] }); // not window ids
    expect((await startupPrefs('acme.zendesk.com')).panelOpenSomewhere).toBe(false);
    expect(asWindowIds([1, 2.5, 'x', 4])).toEqual([1, 4]);
  });
});
