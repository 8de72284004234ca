import type { EarmarkDatabase, Review } from '../../store/db';

/** One status line as the hub's `GET /v1/agent/status` answers it (already parsed). */
export interface HubStatus {
  id: string;
  status: 'new' | 'reviewed' | 'actioned' | 'declined';
  comment: string | null;
  updatedAt: string | null;
}

/** What storing one poll's answers changed. */
export interface ReviewChanges {
  /** Reviews added, changed or removed. */
  changed: number;
  /** Items whose status became "actioned" with this poll. */
  newlyActioned: string[];
}

function sameReview(a: Review, b: HubStatus): boolean {
  return a.status === b.status && a.comment === b.comment && a.updatedAt === b.updatedAt;
}

/**
 * Stores the hub's statuses in one transaction. "new" (a lead reset the triage) removes the review.
 * An actioned capture becomes unseen when it is newly actioned or its comment changed: the agent
 * has something new to look at. Items the hub did not mention keep what they had.
 */
export async function applyStatuses(db: EarmarkDatabase, statuses: HubStatus[]): Promise<ReviewChanges> {
  const tx = db.transaction('reviews', 'readwrite');
  const result: ReviewChanges = { changed: 0, newlyActioned: [] };
  for (const s of statuses) {
    const before = await tx.store.get(s.id);
    if (s.status === 'new') {
      if (before) {
        await tx.store.delete(s.id);
        result.changed++;
      }
      continue;
    }
    if (before && sameReview(before, s)) continue;
    const review: Review = { itemId: s.id, status: s.status, comment: s.comment, updatedAt: s.updatedAt };
    if (s.status === 'actioned') {
      const news = before?.status !== 'actioned' || before.comment !== s.comment || before.unseen === 1;
      if (news) review.unseen = 1;
      if (before?.status !== 'actioned') result.newlyActioned.push(s.id);
    }
    await tx.store.put(review);
    result.changed++;
  }
  await tx.done;
  return result;
}

/** The stored reviews of these items, by item id (items without one are absent). */
export async function reviewsFor(db: EarmarkDatabase, ids: readonly string[]): Promise<Map<string, Review>> {
  const tx = db.transaction('reviews');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(found.filter((r): r is Review => r !== undefined).map((r) => [r.itemId, r]));
}

/** Marks these items' reviews seen, or every review for 'all'; returns how many stay unseen. */
export async function markSeen(db: EarmarkDatabase, ids: readonly string[] | 'all'): Promise<number> {
  const tx = db.transaction('reviews', 'readwrite');
  const unseen = await tx.store.index('by-unseen').getAll();
  const wanted = ids === 'all' ? null : new Set(ids);
  for (const review of unseen) {
    if (wanted && !wanted.has(review.itemId)) continue;
    const { unseen: _unseen, ...seen } = review;
    await tx.store.put(seen);
  }
  const left = await tx.store.index('by-unseen').count();
  await tx.done;
  return left;
}

/** Actioned captures the agent has not seen yet (the badge count). */
export async function unseenCount(db: EarmarkDatabase): Promise<number> {
  return db.countFromIndex('reviews', 'by-unseen');
}

/** One actioned capture the agent has not seen: what the popup lists under the badge. */
export interface UnseenActioned {
  id: string;
  tags: string[];
  note: string | null;
  comment: string | null;
  updatedAt: string | null;
}

/** Most unseen actioned captures listed at once (the badge still counts them all). */
export const UNSEEN_LIST_LIMIT = 20;
const NOTE_EXCERPT_CHARS = 140;

/** The unseen actioned captures, newest review first, with their tags and a note excerpt. */
export async function unseenActioned(db: EarmarkDatabase): Promise<UnseenActioned[]> {
  const tx = db.transaction(['reviews', 'items']);
  const reviews = await tx.objectStore('reviews').index('by-unseen').getAll();
  reviews.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  const listed = reviews.slice(0, UNSEEN_LIST_LIMIT);
  const items = await Promise.all(listed.map((r) => tx.objectStore('items').get(r.itemId)));
  await tx.done;
  return listed.map((review, index) => {
    const item = items[index]?.item;
    const text = item?.note ?? item?.quote ?? null;
    return {
      id: review.itemId,
      tags: item?.tags.map((tag) => tag.label) ?? [],
      note: text && text.length > NOTE_EXCERPT_CHARS ? `${text.slice(0, NOTE_EXCERPT_CHARS - 1)}…` : text,
      comment: review.comment,
      updatedAt: review.updatedAt,
    };
  });
}
