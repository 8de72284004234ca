// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  holdStartMessage,
  holdStartMessageWhereSafe,
  WXT_START_MESSAGE,
} from '../../components/sidebar/launcher/script-context';

/** Types of the messages the page's window receives. */
async function pageMessages(run: () => void): Promise<string[]> {
  const seen: string[] = [];
  const listener = (event: MessageEvent) => seen.push(String((event.data as { type?: unknown })?.type));
  window.addEventListener('message', listener);
  run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  window.removeEventListener('message', listener);
  return seen;
}

describe("the content script's start announcement", () => {
  it('posts nothing to the page, and an earlier instance still stands down when a new one starts', async () => {
    const earlier = new ContentScriptContext('content');
    const invalidated = vi.fn();
    earlier.onInvalidated(invalidated);
    await new Promise((resolve) => setTimeout(resolve, 50)); // its own message is delivered before we listen
    let later: ContentScriptContext | null = null;
    const seen = await pageMessages(() => {
      const release = holdStartMessage(window);
      later = new ContentScriptContext('content');
      release();
    });
    expect(seen.filter((type) => type.endsWith(WXT_START_MESSAGE))).toEqual([]);
    expect(invalidated).toHaveBeenCalledOnce();
    expect(earlier.signal.aborted).toBe(true);
    expect((later as ContentScriptContext | null)?.signal.aborted).toBe(false);
  });

  it("passes other messages on, and after release leaves the window's own postMessage", async () => {
    const original = window.postMessage;
    const seen = await pageMessages(() => {
      const release = holdStartMessage(window);
      window.postMessage({ type: 'page-own' }, '*');
      release();
      window.postMessage({ type: `x${WXT_START_MESSAGE}` }, '*');
    });
    expect(seen).toEqual(['page-own', `x${WXT_START_MESSAGE}`]);
    expect(window.postMessage).toBe(original);
  });

  it("leaves Firefox's window (an Xray wrapper in a content script) and Node alone", () => {
    const original = window.postMessage;
    const release = holdStartMessageWhereSafe(window, true);
    expect(window.postMessage).toBe(original);
    release();
    expect(() => holdStartMessageWhereSafe(undefined, false)()).not.toThrow();
    const held = holdStartMessageWhereSafe(window, false);
    expect(window.postMessage).not.toBe(original);
    held();
    expect(window.postMessage).toBe(original);
  });
});
