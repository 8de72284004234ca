import { uuidv7 } from 'uuidv7';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { RECENT_LIMIT } from '@/components/sidebar/launcher/recent-limit';
import { createSignInHandlers, withSessionToken } from '@/lib/auth/handlers';
import { awaitingSignIn } from '@/lib/auth/hold';
import { createSessionKeeper } from '@/lib/auth/session-keeper';
import { readSession, writeSession } from '@/lib/auth/session-store';
import { handleCommand } from '@/lib/capture/commands';
import { openSidePanelFromMenu } from '@/lib/capture/context-menu';
import { createCaptureHandlers } from '@/lib/capture/handlers';
import { captureFromMenu, clearMenuFailureBadge, rebuildMenus } from '@/lib/capture/menu-actions';
import { createMenuFailureHandlers } from '@/lib/capture/menu-failure-handlers';
import { createMenuFailureLog } from '@/lib/capture/menu-failures';
import { recentBySite } from '@/lib/capture/recent';
import { isExtensionPage } from '@/lib/capture/site-scope';
import { UNKNOWN_AGENT } from '@/lib/config/settings';
import { memoizedLastSidebarConfig } from '@/lib/config/sidebar-config';
import {
  announceSettingsChange,
  createConfigCache,
  deliveryTuning,
  lastSidebarConfig,
  readLocalSettings,
  updateLocalSettings,
} from '@/lib/config/store';
import { flush } from '@/lib/delivery';
import { createAdminHandlers } from '@/lib/delivery/admin-handlers';
import { followEndpoints } from '@/lib/delivery/endpoint-changes';
import { createEndpointHandlers } from '@/lib/delivery/endpoint-handlers';
import { CAPTURE_COALESCE_MS, createFlushScheduler, FLUSH_ALARM } from '@/lib/delivery/flush-scheduler';
import { hasAccess } from '@/lib/http/host-access';
import { createLoopBack } from '@/lib/hub/status/loop-back';
import { reviewPollRecord } from '@/lib/hub/status/poll-record';
import { dispatch, type WorkerHandlers } from '@/lib/protocol/messages';
import { mayChangeSidebar } from '@/lib/protocol/read-only';
import { createSidebarDataPublisher } from '@/lib/sidebar/data-publisher';
import { clearSnapshots, snapshotHosts } from '@/lib/sidebar/snapshot-store';
import { type PanelApis, panelOpener } from '@/lib/sidepanel/panel-opener';
import { asWindowIds, createPanelWindows } from '@/lib/sidepanel/panel-windows';
import { syncAdminSites } from '@/lib/sites/registration';
import {
  keysOwnedBy,
  SETTINGS_CHANGED_KEY,
  SIDE_PANEL_WINDOWS_KEY,
  SIDEBAR_DATA_KEY,
  SIDEBAR_SNAPSHOTS_KEY,
  SIDEBAR_SURFACES_KEY,
  SURFACE_POLICY_KEY,
} from '@/lib/storage-keys';
import { claimOncePerSession } from '@/lib/store/claim';
import { type EarmarkDatabase, openEarmarkDB } from '@/lib/store/db';
import { createTallyHandlers } from '@/lib/tally/handler';

/**
 * storage.local keys no configuration depends on: what the sidebar writes, the data key published
 * here, and the surface bookkeeping (the windows showing the side panel, the policy's surface as
 * mirrored here, the agent's surface choices).
 */
const SIDEBAR_OWN_KEYS = new Set<string>([
  ...keysOwnedBy('launcher', 'app'),
  SIDEBAR_DATA_KEY,
  SIDE_PANEL_WINDOWS_KEY,
  SIDEBAR_SURFACES_KEY,
  SURFACE_POLICY_KEY,
  SIDEBAR_SURFACES_KEY,
]);

export default defineBackground(() => {
  // A new id per worker start: leases taken by an earlier, killed worker are void.
  const workerId = uuidv7();
  let database: Promise<EarmarkDatabase> | undefined;
  const db = () => {
    database ??= openEarmarkDB();
    return database;
  };
  const config = createConfigCache();
  void config.get(); // warm up: the first managed-storage read can be slow
  // The hub sign-in (lib/auth/): only this worker holds and refreshes its tokens.
  const keeper = createSessionKeeper({
    read: readSession,
    write: writeSession,
    onChanged: announceSettingsChange, // who is signed in is part of the configuration
    launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
    redirectUrl: () => browser.identity.getRedirectURL('sign-in'),
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
  });
  // The configuration in force (who signed in included, no tokens): what captures read, never
  // waiting for the hub. The hub's own requests (deliveries, loop back, tally, endpoint test) read
  // it with the sign-in's access token, refreshed first when due.
  const loadConfig = () => config.get();
  const withToken = { loadConfig: async () => withSessionToken(await config.get(), keeper) };
  // The sidebar's data keys (lib/sidebar/data-key.ts), one per site with a snapshot, published
  // after anything that may change them.
  const publisher = createSidebarDataPublisher({
    current: async () => {
      const [config, recent] = await Promise.all([
        handlers['sidebar-config']({ type: 'sidebar-config' }, undefined),
        snapshotHosts().then((hosts) => recentBySite(deps, RECENT_LIMIT, hosts)),
      ]);
      return { config, recent };
    },
    read: async () => (await browser.storage.local.get(SIDEBAR_DATA_KEY))[SIDEBAR_DATA_KEY],
    write: (keys) => browser.storage.local.set({ [SIDEBAR_DATA_KEY]: keys }),
    onError: (error) => console.error('Earmark: publishing the sidebar data key', error),
  });
  // Captures made before a required sign-in become the signed-in agent's (lib/store/claim.ts).
  const claimCaptures = claimOncePerSession(db, UNKNOWN_AGENT.id);
  const scheduler = createFlushScheduler(async () => {
    const current = await withToken.loadConfig();
    const { endpoints, hub } = current;
    const session = current.signedIn && hub?.signIn === 'required' ? await keeper.current() : null;
    if (session) await claimCaptures(session.sessionId, current.agent); // before any is sent
    const result = await flush({
      db: await db(),
      // A sign-in the policy requires holds every delivery; the captures stay queued.
      endpoints: awaitingSignIn(current) ? [] : endpoints,
      hub,
      fetch: (input, init) => fetch(input, init),
      now: Date.now,
      newBatchId: uuidv7,
      workerId,
      isOnline: () => navigator.onLine,
      retryScale: (await deliveryTuning.getValue()).retryScale,
    });
    publisher.changed(); // statuses moved (Sending, Sent, Failed)
    return result;
  });
  const deps = { db, loadConfig, now: Date.now };
  // Its pages may list every site's captures; a content script only its own site's.
  const extensionOrigin = browser.runtime.getURL('/');
  // The loop back: leads' triage of this agent's captures, polled from the hub (badge, sidebar).
  const loopBack = createLoopBack({
    ...deps,
    ...withToken,
    fetch: (input, init) => fetch(input, init),
    action: browser.action,
    alarms: browser.alarms,
    saveRecord: (record) => reviewPollRecord.setValue(record),
  });
  // Context-menu captures that failed, kept with their text until the agent deals with them (popup).
  const menuFailures = createMenuFailureLog();
  const captureHandlers = createCaptureHandlers({
    ...deps,
    newId: uuidv7,
    extensionOrigin,
    onQueued: () => scheduler.request(CAPTURE_COALESCE_MS),
    lastSidebarConfig: memoizedLastSidebarConfig({
      get: () => lastSidebarConfig.getValue(),
      set: (value) => lastSidebarConfig.setValue(value),
    }),
  });
  // The browser's side panel (Chrome, Edge): while it is open in a window, its tabs show no sidebar.
  const sidePanel = browser.sidePanel as typeof browser.sidePanel | undefined; // none in Firefox
  const panelWindows = createPanelWindows({
    load: async () =>
      asWindowIds((await browser.storage.local.get(SIDE_PANEL_WINDOWS_KEY))[SIDE_PANEL_WINDOWS_KEY]),
    save: (windowIds) => browser.storage.local.set({ [SIDE_PANEL_WINDOWS_KEY]: windowIds }),
    tabsIn: async (windowId) =>
      (await browser.tabs.query({ windowId })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    tell: (tabId, type) => browser.tabs.sendMessage(tabId, { type }),
    open: async (options) => {
      if (!sidePanel) throw new Error('this browser has no side panel');
      await sidePanel.open(options);
    },
  });
  sidePanel?.onOpened?.addListener(({ windowId }) => void panelWindows.opened(windowId));
  sidePanel?.onClosed?.addListener(({ windowId }) => void panelWindows.closed(windowId));
  browser.windows.onRemoved.addListener((windowId) => void panelWindows.closed(windowId).catch(() => {}));
  // Every message the worker receives (its spec's receiver in lib/protocol/messages.ts): a missing
  // one fails typecheck.
  const handlers = {
    ...loopBack.handlers,
    ...createSignInHandlers({ keeper, loadConfig }),
    ...captureHandlers,
    ...panelWindows.handlers,
    ...createAdminHandlers({ ...deps, onQueued: () => scheduler.request() }),
    // The options page's queue reads and writes: only this worker opens the database.
    ...createEndpointHandlers({ ...deps, ...withToken, fetch: (input, init) => fetch(input, init) }),
    // The popup's "This week" tally: the hub's with the agent token, else this device's.
    ...createTallyHandlers({ ...deps, ...withToken, fetch: (input, init) => fetch(input, init) }),
    // The popup's failed context-menu captures: a retry is the same capture sent again.
    ...createMenuFailureHandlers({
      log: menuFailures,
      capture: captureHandlers.capture,
      clearBadge: (tabId) => clearMenuFailureBadge(browser, tabId),
    }),
  } satisfies WorkerHandlers;

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    const origin = isExtensionPage(sender, extensionOrigin) ? 'extension-page' : 'content-script';
    void dispatch(handlers, message, sender, origin).then((reply) => {
      sendResponse(reply);
      if (mayChangeSidebar(message)) publisher.changed();
    });
    return true;
  });

  // Timers die with the worker: the alarm is the backstop that wakes it to retry.
  void browser.alarms.get(FLUSH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 0.5 });
  });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === FLUSH_ALARM) scheduler.request();
    void loopBack.onAlarm(alarm.name).then(() => publisher.changed()); // leads' reviews
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  // An alarm cannot be fired on demand in tests; they call the same handler here.
  (globalThis as { earmarkAlarm?: typeof onAlarm }).earmarkAlarm = onAlarm;
  // Menus and admin-added sites follow the configuration (taxonomy, sites, granted hosts).
  const applyConfig = async () => {
    const current = await loadConfig();
    // The launcher reads the policy's surface in its one startup read (not the managed area);
    // written only when it changed, since every open CRM page hears each write.
    const mirrored = (await browser.storage.local.get(SURFACE_POLICY_KEY))[SURFACE_POLICY_KEY];
    if (JSON.stringify(mirrored) !== JSON.stringify(current.surface)) {
      await browser.storage.local.set({ [SURFACE_POLICY_KEY]: current.surface });
    }
    await rebuildMenus(browser, current);
    await syncAdminSites(current.sites, {
      contains: (matches) => hasAccess({ matches }),
      registered: () => browser.scripting.getRegisteredContentScripts(),
      register: (script) => browser.scripting.registerContentScripts([script]),
      unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    });
  };
  const reapply = () =>
    void applyConfig().catch((e: unknown) => console.error('Earmark: applying config', e));
  reapply();
  browser.permissions.onAdded.addListener(reapply);
  browser.permissions.onRemoved.addListener(reapply);
  const onMenuClick = async (click: Parameters<typeof captureFromMenu>[2], tab?: { id?: number }) => {
    await captureFromMenu(browser, handlers, click, tab?.id, {
      log: menuFailures,
      newId: uuidv7,
      now: Date.now,
      tagLabel: async (tagId) => (await loadConfig()).taxonomy.find((t) => t.id === tagId)?.label ?? null,
    });
    publisher.changed();
  };
  // Chrome's side panel or Firefox's sidebar, opened synchronously in the menu click or command.
  const opener = panelOpener(browser as PanelApis);
  const openPanel = opener ? (options: { windowId: number }) => opener(options.windowId) : undefined;
  const logError = (error: unknown) => console.error('Earmark:', error);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!openSidePanelFromMenu(info, tab, openPanel, logError)) void onMenuClick(info, tab);
  });
  // The native menu cannot be clicked in headless tests; they call the same handler here.
  (globalThis as { earmarkMenuClick?: typeof onMenuClick }).earmarkMenuClick = onMenuClick;
  // The harness (demo and e2e tests) seeds and reads settings here, as the options page would:
  // they live in the extension's IndexedDB, which only extension contexts can open.
  (globalThis as { earmarkSettings?: unknown }).earmarkSettings = {
    read: readLocalSettings,
    write: (value: unknown) => updateLocalSettings(() => value as never),
  };

  // The queue follows the endpoints in force: captures waiting for one get rows, rows of a removed
  // one are parked as dead letters (and come back if it does).
  const followConfiguredEndpoints = () =>
    void followEndpoints(deps, () => {
      scheduler.request();
      publisher.changed();
    });
  followConfiguredEndpoints(); // settings or policy may have changed while no worker ran

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    // A site's first snapshot (or one dropped): publish the data keys for the sites that keep one.
    if (area === 'local' && SIDEBAR_SNAPSHOTS_KEY in changes) publisher.changed();
    // What the sidebar itself writes (its snapshots, and the key published here) changes no config.
    if (area === 'local' && Object.keys(changes).every((key) => SIDEBAR_OWN_KEYS.has(key))) return;
    config.invalidate();
    publisher.changed();
    scheduler.request();
    if (area === 'managed' || SETTINGS_CHANGED_KEY in changes) {
      followConfiguredEndpoints(); // endpoints change only with the settings or the policy
      reapply();
      void loopBack.onConfigChanged();
    }
  });
  browser.commands.onCommand.addListener(
    (command, tab) => void handleCommand(command, browser.tabs, tab, openPanel).catch(logError),
  );
  self.addEventListener('online', () => scheduler.request());

  // Listening for startup and install makes Chrome start this worker when the browser starts or
  // the extension is updated, so a queue left from the last session is sent without waiting for
  // the alarm. Every worker start (any event) then flushes whatever is due.
  // The side panels of the last session (or of the Earmark just reloaded) are closed.
  browser.runtime.onStartup.addListener(() => {
    void panelWindows.reset();
    scheduler.request();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void panelWindows.reset();
    // Snapshots written before an update are stale anyway (the build is in their key), and before
    // this version they could list other sites' captures: none survives an update.
    if (reason === 'update') void clearSnapshots().catch((e: unknown) => console.error('Earmark:', e));
    scheduler.request();
  });
  scheduler.request();
  void loopBack.onStart();
  publisher.changed(); // leases of a killed worker have run out; settings may have changed meanwhile
});
