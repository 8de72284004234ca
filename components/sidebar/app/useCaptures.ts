import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import type { RecentEntry, ReplyOf } from '@/lib/protocol/messages';
import { savedText } from '@/lib/sidebar/saved-text';
import type { FirstData } from './first-data';
import type { CaptureChange, SidebarApi } from './sidebar-api';

/** How long the "Saved" notice and its Undo button stay. */
export const UNDO_WINDOW_MS = 10_000;
const POLL_MS = 1500;
const SLOW_POLL_MS = 15_000;
const RECENT_PENDING = new Set(['Queued', 'Sending']);

/** The latest outcome shown under the note: a saved capture (undoable) or an error. */
export type Notice = { kind: 'saved'; text: string; id: string } | { kind: 'error'; text: string } | null;

/** Everything the sidebar shows about captures, and the actions on them. */
export interface Captures {
  /** The config last answered (null until it is in): what the sidebar's markup depends on. */
  config: ReplyOf<'sidebar-config'> | null;
  taxonomy: TaxonomyTag[] | null;
  loadError: string | null;
  note: string;
  setNote(note: string): void;
  notice: Notice;
  recent: RecentEntry[];
  capture(tag: TaxonomyTag, quote: string | null): Promise<void>;
  undo(id: string): Promise<void>;
  /** Edits or deletes a capture; resolves false (with an error notice) when that failed. */
  revise(id: string, change: CaptureChange): Promise<boolean>;
}

/** A review as the agent saw it: a new comment on the same capture is news again. */
function reviewKey(entry: RecentEntry): string {
  return `${entry.id} ${entry.review?.status} ${entry.review?.comment} ${entry.review?.updatedAt}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether two answers list the same captures in the same states (then nothing re-renders). */
function sameEntries(a: RecentEntry[], b: RecentEntry[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Capture state kept above the open/collapsed switch, so a half-typed note or a pending Undo
 * survives collapsing the sidebar. Recent captures are polled only while the sidebar is open.
 * `first` is what the first render already has (see waitForFirstData); without it, both load here.
 */
export function useCaptures(
  api: SidebarApi,
  open: boolean,
  first?: FirstData,
  early: { note: string; captures: Promise<unknown>[] } = { note: '', captures: [] },
): Captures {
  const firstData = useRef(first);
  const [config, setConfig] = useState<ReplyOf<'sidebar-config'> | null>(() =>
    first?.config.state === 'ok' ? first.config.value : null,
  );
  const [loadError, setLoadError] = useState<string | null>(() =>
    first?.config.state === 'failed' ? message(first.config.error) : null,
  );
  const [note, setNote] = useState(early.note);
  const [notice, setNotice] = useState<Notice>(null);
  const [recent, setRecent] = useState<RecentEntry[]>(() =>
    first?.recent.state === 'ok' ? first.recent.value : [],
  );

  // An unchanged answer (the usual poll) keeps the same state, so the sidebar does not re-render.
  const showRecent = useCallback(
    (next: RecentEntry[]) => setRecent((prev) => (sameEntries(prev, next) ? prev : next)),
    [],
  );
  const refresh = useCallback(() => api.recent().then(showRecent, () => {}), [api, showRecent]);

  // A layout effect, not a passive one: what is still loading when the sidebar mounts (the launcher
  // asked while the page was parsing) renders before the first paint if it arrives by then.
  useLayoutEffect(() => {
    const show = (config: ReturnType<SidebarApi['config']>) =>
      config.then(
        (c) => {
          setConfig(c);
          setLoadError(null);
        },
        (e: unknown) => setLoadError(message(e)),
      );
    const given = firstData.current;
    firstData.current = undefined; // a later run (a new api) loads afresh
    if (!given) {
      void show(api.config());
      void refresh();
    } else {
      if (given.config.state === 'pending') void show(given.config.promise);
      if (given.recent.state === 'pending') given.recent.promise.then(showRecent, () => {});
    }
    const load = () => void show(api.config());
    // An admin's taxonomy edit or a policy change shows up without reloading the CRM page.
    return api.onConfigChanged(load);
  }, [api, refresh, showRecent]);
  useEffect(() => {
    // Poll fast only while something is on its way, slowly while something needs a person
    // (an admin may fix it elsewhere), and not at all when everything is sent.
    if (!open) return;
    const pending = recent.some((e) => RECENT_PENDING.has(e.status));
    const stuck = recent.some((e) => e.status === 'Failed' || e.status === 'Needs attention');
    if (!pending && !stuck) return;
    // A loop of its own, not one timer per render: an unchanged answer keeps the same state and
    // re-renders nothing, so a timer set per render would stop polling at the first such answer
    // (a capture left showing Queued after it was sent). A changed answer re-runs this effect.
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(
        () => void refresh().finally(() => live && next()),
        pending ? POLL_MS : SLOW_POLL_MS,
      );
    };
    next();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, recent, refresh]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  useEffect(() => {
    // Opening the sidebar asks the hub what leads did with the agent's captures (debounced there).
    if (!open) return;
    let live = true;
    api.refreshReviews().then(
      (changed) => {
        if (changed && live) void refresh();
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [open, api, refresh]);
  const reported = useRef(new Set<string>());
  useEffect(() => {
    // Shown in the open sidebar counts as seen: the toolbar badge for these captures goes away.
    if (!open) return;
    const unseen = recent.filter((e) => e.review && !e.review.seen);
    const fresh = unseen.filter((e) => !reported.current.has(reviewKey(e)));
    if (fresh.length === 0) return;
    for (const e of fresh) reported.current.add(reviewKey(e));
    api.reviewsSeen(fresh.map((e) => e.id)).catch(() => {});
  }, [open, recent, api]);
  useEffect(() => {
    if (notice?.kind !== 'saved') return;
    const timer = setTimeout(() => setNotice(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Captures the launcher sent from the painted sidebar before this app was there: shown like ours.
  const earlyCaptures = useRef(early.captures);
  useEffect(() => {
    for (const reply of earlyCaptures.current.splice(0)) {
      api.adoptCapture(reply).then(
        (saved) => {
          setNote('');
          setNotice({ kind: 'saved', text: savedText(saved.tagLabel, saved.routed), id: saved.id });
          void refresh();
        },
        (error: unknown) => setNotice({ kind: 'error', text: `Not saved: ${message(error)}` }),
      );
    }
  }, [api, refresh]);

  const capture = async (tag: TaxonomyTag, quote: string | null) => {
    try {
      const saved = await api.capture(tag.id, note.trim() || null, quote);
      setNote('');
      setNotice({ kind: 'saved', text: savedText(saved.tagLabel, saved.routed), id: saved.id });
    } catch (error) {
      setNotice({ kind: 'error', text: `Not saved: ${message(error)}` });
    }
    void refresh();
  };

  const undo = async (id: string) => {
    try {
      await api.undo(id);
      setNotice(null);
    } catch (error) {
      setNotice({ kind: 'error', text: `Undo failed: ${message(error)}` });
    }
    void refresh();
  };

  const revise = async (id: string, change: CaptureChange) => {
    let ok = true;
    try {
      await api.revise(id, change);
      // A deleted capture can no longer be undone from the notice.
      if (change.kind === 'delete') setNotice((n) => (n?.kind === 'saved' && n.id === id ? null : n));
    } catch (error) {
      ok = false;
      const what = change.kind === 'delete' ? 'Delete' : 'Edit';
      setNotice({ kind: 'error', text: `${what} failed: ${message(error)}` });
    }
    await refresh(); // so a deleted capture has left the list before focus moves on
    return ok;
  };

  const taxonomy = config?.taxonomy ?? null;
  return { config, taxonomy, loadError, note, setNote, notice, recent, capture, undo, revise };
}
