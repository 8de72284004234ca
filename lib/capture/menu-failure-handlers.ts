import type { Handler, HandlersFor, MenuFailureView } from '../protocol/messages';
import type { MenuFailure, MenuFailureLog } from './menu-failures';

/** What the popup's handlers for failed menu captures depend on. */
export interface MenuFailureHandlerDeps {
  log: MenuFailureLog;
  /** The worker's own capture handler: a retry is the same capture, sent again. */
  capture: Handler<'capture'>;
  /** Takes the "!" off a tab's toolbar icon once none of its failures is left. */
  clearBadge: (tabId: number) => Promise<void>;
}

/** The popup's messages about failed context-menu captures. */
export type MenuFailureHandlers = HandlersFor<'menu-failures' | 'menu-failure'>;

/** A kept failure as the popup shows it (the capture request stays in the worker). */
function view(failure: MenuFailure): MenuFailureView {
  return {
    id: failure.id,
    at: failure.at,
    tagLabel: failure.tagLabel ?? failure.tagId,
    error: failure.error,
    text: failure.text,
    pageUrl: failure.pageUrl,
    retryable: failure.request !== null,
  };
}

/** Handlers listing, retrying and dismissing failed menu captures (the dispatcher: pages only). */
export function createMenuFailureHandlers(deps: MenuFailureHandlerDeps): MenuFailureHandlers {
  const forget = async (failure: MenuFailure) => {
    const left = await deps.log.remove(failure.id);
    const tabId = failure.tabId;
    if (tabId !== null && !left.some((f) => f.tabId === tabId)) {
      await deps.clearBadge(tabId).catch(() => {}); // the tab may be closed by now
    }
    return left.map(view);
  };
  return {
    async 'menu-failures'() {
      return { failures: (await deps.log.list()).map(view) };
    },

    async 'menu-failure'(request) {
      const failure = (await deps.log.list()).find((f) => f.id === request.id);
      if (!failure) throw new Error('that failed capture is no longer kept');
      if (request.action === 'dismiss') return { failures: await forget(failure), saved: null };
      if (!failure.request) throw new Error(`there is nothing to try again: ${failure.error}`);
      try {
        // No sender: the capture is filed under its page's host, as the menu's own capture was.
        const saved = await deps.capture(failure.request, undefined);
        return { failures: await forget(failure), saved };
      } catch (error) {
        await deps.log.update({ ...failure, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
}
