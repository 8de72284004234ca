import type { HandlersFor } from '../../protocol/messages';
import type { EarmarkDatabase } from '../../store/db';
import type { ReviewPoller } from './poller';
import { markSeen, unseenActioned } from './reviews';

/** What the loop-back message handlers depend on. */
export interface ReviewHandlerDeps {
  db: () => Promise<EarmarkDatabase>;
  poller: ReviewPoller;
  /** Shows the new unseen count (the toolbar badge). */
  onSeen: (unseen: number) => Promise<void>;
}

/** The loop-back messages this module answers. */
export type ReviewHandlers = HandlersFor<'reviews-refresh' | 'reviews-unseen' | 'reviews-seen'>;

/** Handlers for the sidebar's and popup's loop-back messages (content scripts may send these). */
export function createReviewHandlers(deps: ReviewHandlerDeps): ReviewHandlers {
  return {
    async 'reviews-refresh'() {
      const result = await deps.poller.request('sidebar');
      return { polled: result?.record != null, changed: result?.changed ?? 0 };
    },

    async 'reviews-unseen'() {
      return { entries: await unseenActioned(await deps.db()) };
    },

    async 'reviews-seen'(request) {
      const unseen = await markSeen(await deps.db(), request.ids);
      await deps.onSeen(unseen);
      return { unseen };
    },
  };
}
