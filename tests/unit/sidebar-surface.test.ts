import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';
import {
  sidePanelWindows,
  startupPrefs,
  surfaceChoices,
  surfacePolicy,
} from '../../lib/sidebar/snapshot-store';
import {
  ANY_SITE,
  asSurfacePolicy,
  asWindowIds,
  launcherAtStart,
  pageUi,
  siteSurface,
  startupPlan,
  usableSurface,
} from '../../lib/sidebar/surface';

const open = {
  enabled: true,
  layout: DEFAULT_LAYOUT,
  surface: 'overlay' as const,
  panelOpenSomewhere: false,
};

describe("the stub's choice of what to import at page load", () => {
  it('imports the overlay launcher at document_start only where the page shows the in-page sidebar', () => {
    expect(launcherAtStart(open)).toBe(true);
    expect(launcherAtStart({ ...open, layout: { ...DEFAULT_LAYOUT, collapsed: true } })).toBe(true);
    // A side-panel site shows only the panel's button; a site switched off shows nothing.
    expect(launcherAtStart({ ...open, surface: 'sidePanel' })).toBe(false);
    expect(launcherAtStart({ ...open, enabled: false })).toBe(false);
    // The panel may be open in this window: the worker's answer decides (imported then if needed).
    expect(launcherAtStart({ ...open, panelOpenSomewhere: true })).toBe(false);
  });
});

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

  it('never loads the app on a site whose surface is the side panel', () => {
    const panelSite = { ...open, surface: 'sidePanel' as const };
    expect(startupPlan(panelSite, false)).toEqual({ askPanel: false, preloadApp: false });
    expect(pageUi(true, 'sidePanel', false)).toBe('panel-button');
    expect(pageUi(true, 'sidePanel', true)).toBe('nothing');
  });

  it('shows the in-page sidebar only where the site is on and no panel is open in the window', () => {
    expect(pageUi(true, 'overlay', false)).toBe('sidebar');
    expect(pageUi(true, 'overlay', true)).toBe('nothing');
    expect(pageUi(false, 'overlay', false)).toBe('nothing');
    expect(pageUi(false, 'sidePanel', false)).toBe('nothing');
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

describe('the surface of a site', () => {
  const none = { surface: null, locked: false };

  it("is the overlay by default, the admin's default otherwise, and the agent's choice over both", () => {
    expect(siteSurface(none, {}, 'a.example')).toBe('overlay');
    expect(siteSurface({ surface: 'sidePanel', locked: false }, {}, 'a.example')).toBe('sidePanel');
    const choices = { [ANY_SITE]: 'sidePanel' as const, 'b.example': 'overlay' as const };
    expect(siteSurface(none, choices, 'a.example')).toBe('sidePanel'); // the agent's every-site choice
    expect(siteSurface({ surface: 'sidePanel', locked: false }, choices, 'b.example')).toBe('overlay');
  });

  it("is the policy's wherever the policy locks it, whatever the agent chose", () => {
    const choices = { [ANY_SITE]: 'overlay' as const, 'b.example': 'overlay' as const };
    expect(siteSurface({ surface: 'sidePanel', locked: true }, choices, 'b.example')).toBe('sidePanel');
    expect(siteSurface({ surface: null, locked: true }, { 'b.example': 'sidePanel' }, 'b.example')).toBe(
      'overlay',
    );
  });

  it('is the overlay where pages cannot open the side panel (Firefox), whatever is stored', () => {
    expect(usableSurface('sidePanel', false)).toBe('overlay');
    expect(usableSurface('overlay', false)).toBe('overlay');
    expect(usableSurface('sidePanel', true)).toBe('sidePanel');
  });

  it("comes from the worker's policy mirror and the agent's choices in the startup read", async () => {
    expect((await startupPrefs('b.example')).surface).toBe('overlay');
    await surfacePolicy.setValue({ surface: 'sidePanel', locked: false });
    expect((await startupPrefs('b.example')).surface).toBe('sidePanel');
    await surfaceChoices.setValue({ 'b.example': 'overlay' });
    expect((await startupPrefs('b.example')).surface).toBe('overlay');
    await surfacePolicy.setValue({ surface: 'sidePanel', locked: true });
    expect((await startupPrefs('b.example')).surface).toBe('sidePanel');
    // A corrupt mirror or choice counts as none.
    expect(asSurfacePolicy({ surface: 'floating', locked: 'yes' })).toEqual(none);
    await fakeBrowser.storage.local.set({ surfacePolicy: 'x', sidebarSurfaces: { 'b.example': 'left' } });
    expect((await startupPrefs('b.example')).surface).toBe('overlay');
  });
});
