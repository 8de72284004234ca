import type { RecentEntry } from '../../protocol/messages';
import type { Review } from '../../store/db';

/** Adds a lead's triage to a "Recent captures" line; a capture nobody triaged stays as it was. */
export function withReview(entry: RecentEntry, review: Review | undefined): RecentEntry {
  if (!review) return entry;
  return {
    ...entry,
    review: {
      status: review.status,
      comment: review.comment,
      updatedAt: review.updatedAt,
      seen: review.unseen !== 1,
    },
  };
}
