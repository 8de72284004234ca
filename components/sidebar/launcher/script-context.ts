// WXT's content-script context announces each new content script twice when it starts: a
// CustomEvent on the document, which the previous instance (left behind by an extension update or
// reload) listens for and stands down on, and a window.postMessage, kept for WXT versions older
// than that event. Earmark's scripts all come from one WXT, so the message reaches only the CRM
// page: every page script sees it, with the extension's id in its type, and posting it cost the
// page's main thread about 2 ms per load on the bench machine (as much as compiling the launcher).
// WXT creates the context before the script's main() runs and offers no option to skip it, so the
// launcher holds that one message back in its own isolated world (the page's window is untouched).

/** The end of the type of WXT's start message (the start is the extension id and entrypoint). */
export const WXT_START_MESSAGE = ':wxt:content-script-started';

/**
 * Until the returned release() is called, this world's `win.postMessage` drops WXT's start
 * message and passes every other message on unchanged.
 */
export function holdStartMessage(win: Window): () => void {
  const post = win.postMessage;
  const own = Object.hasOwn(win, 'postMessage'); // in Chromium it is inherited from Window.prototype
  const hold = function (this: Window, message: unknown, ...rest: unknown[]) {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.endsWith(WXT_START_MESSAGE)) return;
    return (post as (...args: unknown[]) => void).apply(this, [message, ...rest]);
  };
  win.postMessage = hold as Window['postMessage'];
  return () => {
    if (win.postMessage !== hold) return;
    if (own) win.postMessage = post;
    else delete (win as { postMessage?: unknown }).postMessage;
  };
}

/**
 * The hold where it is safe: in Chromium's isolated world. Not in Node (WXT imports the script at
 * build time) and not in Firefox, whose content scripts see the page's window through an Xray
 * wrapper: replacing postMessage there kept the content script from starting at all (no sidebar,
 * tests/e2e/firefox.test.ts), and the cost it saves was measured in Chromium only.
 */
export function holdStartMessageWhereSafe(win: Window | undefined, firefox: boolean): () => void {
  return win === undefined || firefox ? () => {} : holdStartMessage(win);
}
