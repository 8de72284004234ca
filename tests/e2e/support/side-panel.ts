import type { CDPSession } from 'playwright-core';

// The browser's side panel is a CDP target of type `page` that Playwright's context.pages() does
// not list (browser-notes.md). It is driven over CDP here: found by URL, attached (non-flat, so
// one Playwright CDP session carries it), controls found by role and accessible name through the
// accessibility tree, and clicked with Input.dispatchMouseEvent, which gives trusted input.

/** A side panel attached over CDP. */
export interface SidePanelTarget {
  targetId: string;
  /** Evaluates an expression in the panel and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** The panel's visible text. */
  text(): Promise<string>;
  /** Clicks the control with this role and accessible name, with trusted mouse input. */
  click(role: string, name: string): Promise<void>;
  /** A PNG of what the panel shows, base64 (the panel is no Playwright page to screenshot). */
  screenshot(): Promise<string>;
  /** Clicks at this point of the panel's viewport, with trusted mouse input. */
  clickAt(x: number, y: number): Promise<void>;
}

/** Waits for a side panel page of this extension (other than those in `except`) and attaches to it. */
export async function attachSidePanel(
  cdp: CDPSession,
  extensionId: string,
  except: readonly SidePanelTarget[] = [],
): Promise<SidePanelTarget> {
  const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
  let targetId: string | undefined;
  for (const deadline = Date.now() + 10_000; !targetId && Date.now() < deadline; ) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const known = new Set(except.map((panel) => panel.targetId));
    targetId = targetInfos.find(
      (t) => t.type === 'page' && t.url.startsWith(panelUrl) && !known.has(t.targetId),
    )?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targetId) throw new Error('no side panel target appeared');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(new Error(reply.error.message));
    else waiting.resolve(reply.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });

  const evaluate = async <T>(expression: string) => {
    const { result, exceptionDetails } = await send<{
      result: { value?: unknown; objectId?: string };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) {
      const detail = exceptionDetails.exception?.description ?? '';
      throw new Error(`in the side panel: ${exceptionDetails.text} ${detail}`.trim());
    }
    return result.value as T;
  };

  const clickAt = async (x: number, y: number) => {
    const at = { x, y, button: 'left', clickCount: 1 };
    await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
    await send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  };

  return {
    targetId,
    evaluate,
    text: () => evaluate<string>('document.body.innerText'),
    async screenshot() {
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return data;
    },
    async click(role, name) {
      const { result } = await send<{ result: { objectId: string } }>('Runtime.evaluate', {
        expression: 'document',
      });
      const { nodes } = await send<{ nodes: Array<{ backendDOMNodeId?: number }> }>(
        'Accessibility.queryAXTree',
        { objectId: result.objectId, accessibleName: name, role },
      );
      const backendNodeId = nodes[0]?.backendDOMNodeId;
      if (backendNodeId === undefined) throw new Error(`no ${role} "${name}" in the side panel`);
      const { model } = await send<{ model: { content: number[] } }>('DOM.getBoxModel', { backendNodeId });
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await clickAt((x1 + x3) / 2, (y1 + y3) / 2);
    },
    clickAt,
  };
}

/** Closes the side panel of the active tab's window from the worker (the tests' tabs share one window). */
export async function closeSidePanel(worker: { evaluate(fn: () => Promise<void>): Promise<void> }) {
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: { query(q: { active: boolean }): Promise<Array<{ windowId: number }>> };
        sidePanel: { close(o: { windowId: number }): Promise<void> };
      };
    };
    const [tab] = await chrome.tabs.query({ active: true });
    if (!tab) throw new Error('no active tab');
    await chrome.sidePanel.close({ windowId: tab.windowId });
  });
}
