import type { Browser } from 'puppeteer-core';

// Firefox's sidebar (sidebar_action) from a test. WebDriver BiDi lists tabs only: the sidebar's
// extension page is a browser inside the browser window's chrome, which no BiDi command can target.
// With system access (`--remote-allow-system-access`), `browsingContext.getTree` with
// `"moz:scope": "chrome"` gives the browser window's own context, where a script runs with chrome
// privileges: it reads the sidebar's state (SidebarController) and the panel's accessibility tree,
// which the parent process holds for every page, so a control is found by its role and name. A
// click is a mouse event synthesized in the window at the control's place: trusted, like the agent's.

/** A control of the panel page as accessibility reports it, its box in the window's CSS pixels. */
export interface PanelAccessible {
  role: string;
  name: string;
  /** The text of its subtree (the words a status or a list shows). */
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the sidebar shows now: open or not, and which sidebar (an add-on's is `<id>-sidebar-action`). */
export interface SidebarState {
  open: boolean;
  id: string | null;
  url: string | null;
}

/** Firefox's id for an add-on's sidebar: the add-on id with non-alphanumerics as `_`. */
export const sidebarIdFor = (addonId: string) =>
  `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

type BiDiConnection = { send(method: string, params: object): Promise<{ result: unknown }> };

// Runs in the browser window (chrome privileges): the sidebar's state and the panel page's URL.
const READ_STATE = `(() => {
  const panel = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
  return JSON.stringify({
    open: SidebarController.isOpen,
    id: SidebarController.currentID || null,
    url: panel?.currentURI?.spec ?? null,
  });
})()`;

// Runs in the browser window: the panel page's accessibility tree, flattened (text leaves folded
// into their parents' text). Asking for the service turns accessibility on; the tree follows.
const READ_ACCESSIBLES = `(() => {
  const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  const panel = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
  const root = panel && service.getAccessibleFor(panel);
  const out = [];
  const visit = (node) => {
    let text = '';
    for (let child = node.firstChild; child; child = child.nextSibling) text += visit(child);
    const role = service.getStringRole(node.role);
    if (role === 'text leaf') return node.name ?? '';
    const x = {}, y = {}, w = {}, h = {};
    node.getBoundsInCSSPixels(x, y, w, h);
    out.push({
      role, name: node.name ?? '', text,
      x: x.value - window.mozInnerScreenX, y: y.value - window.mozInnerScreenY,
      width: w.value, height: h.value,
    });
    return text;
  };
  if (root) visit(root);
  return JSON.stringify(out);
})()`;

/** The browser window's chrome context and the sidebar's panel in it. */
export interface FirefoxSidebar {
  state(): Promise<SidebarState>;
  /** The panel page's accessibles (empty while the sidebar shows nothing). */
  accessibles(): Promise<PanelAccessible[]>;
  /** Clicks the middle of an accessible with a mouse event synthesized in the window (trusted). */
  click(target: PanelAccessible): Promise<void>;
  /** Closes the sidebar, as its close button does. */
  close(): Promise<void>;
}

/** The first browser window's sidebar, through the window's chrome context. */
export async function firefoxSidebar(browser: Browser): Promise<FirefoxSidebar> {
  const connection = (browser as unknown as { connection: BiDiConnection }).connection;
  const send = async (method: string, params: object) => (await connection.send(method, params)).result;
  const tree = (await send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as {
    contexts: Array<{ context: string; url: string }>;
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error(`no browser window among the chrome contexts: ${JSON.stringify(tree)}`);
  const evaluate = async (expression: string): Promise<string> => {
    const reply = (await send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })) as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    if (reply.type !== 'success') throw new Error(`chrome script failed: ${reply.exceptionDetails?.text}`);
    return String(reply.result?.value);
  };
  return {
    state: async () => JSON.parse(await evaluate(READ_STATE)) as SidebarState,
    accessibles: async () => JSON.parse(await evaluate(READ_ACCESSIBLES)) as PanelAccessible[],
    async close() {
      await evaluate(`(() => { SidebarController.hide(); return 'hidden'; })()`);
    },
    async click(target) {
      const x = Math.round(target.x + target.width / 2);
      const y = Math.round(target.y + target.height / 2);
      // WebDriver input refuses the chrome context; the remote agent's own mouse synthesis (what
      // its input actions use in a page) goes through the window like the agent's mouse, so the
      // panel page receives a trusted click.
      await evaluate(`(async () => {
        const { event } = ChromeUtils.importESModule('chrome://remote/content/shared/webdriver/Event.sys.mjs');
        await event.synthesizeMouseAtPoint(${x}, ${y}, { type: 'mousemove' }, window);
        await event.synthesizeMouseAtPoint(${x}, ${y}, {}, window); // mousedown and mouseup
        return 'clicked';
      })()`);
    },
  };
}
