import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaxonomyTag } from '@/lib/config';
import type { RecentEntry } from '@/lib/messages';
import { RecentCaptures } from './RecentCaptures';
import type { SidebarApi } from './sidebar-api';
import { TagButtons } from './TagButtons';

const UNDO_WINDOW_MS = 10_000;
const POLL_MS = 1500;
const SLOW_POLL_MS = 15_000;
const RECENT_PENDING = new Set(['Queued', 'Sending']);

interface Props {
  api: SidebarApi;
  /** Text selected on the page, read when a capture starts. */
  readSelection(): string | null;
  /** Subscribes to toggle requests (keyboard command); returns the unsubscribe function. */
  onToggle(listener: () => void): () => void;
  initiallyOpen?: boolean;
}

type Notice = { kind: 'saved'; text: string; id: string } | { kind: 'error'; text: string } | null;

/** The Earmark sidebar: tag buttons, a note, the last capture's status and recent captures. */
export function Sidebar({ api, readSelection, onToggle, initiallyOpen = true }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [taxonomy, setTaxonomy] = useState<TaxonomyTag[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const selection = useRef<string | null>(null);

  const refresh = useCallback(() => api.recent().then(setRecent, () => {}), [api]);

  useEffect(() => onToggle(() => setOpen((o) => !o)), [onToggle]);
  useEffect(() => {
    api.config().then(
      (c) => setTaxonomy(c.taxonomy),
      (e: unknown) => setLoadError(String(e instanceof Error ? e.message : e)),
    );
    void refresh();
  }, [api, refresh]);
  useEffect(() => {
    // Poll fast only while something is on its way, slowly while something needs a person
    // (an admin may fix it elsewhere), and not at all when everything is sent.
    if (!open) return;
    const pending = recent.some((e) => RECENT_PENDING.has(e.status));
    const stuck = recent.some((e) => e.status === 'Failed' || e.status === 'Needs attention');
    if (!pending && !stuck) return;
    const timer = setTimeout(refresh, pending ? POLL_MS : SLOW_POLL_MS);
    return () => clearTimeout(timer);
  }, [open, recent, refresh]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  useEffect(() => {
    if (notice?.kind !== 'saved') return;
    const timer = setTimeout(() => setNotice(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const capture = async (tag: TaxonomyTag) => {
    const quote = selection.current ?? readSelection();
    selection.current = null;
    try {
      const saved = await api.capture(tag.id, note.trim() || null, quote);
      setNote('');
      setNotice({ kind: 'saved', text: `Saved: ${saved.tagLabel}`, id: saved.id });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    void refresh();
  };

  const undo = async (id: string) => {
    try {
      await api.undo(id);
      setNotice(null);
    } catch (error) {
      setNotice({ kind: 'error', text: `Undo failed: ${String(error)}` });
    }
    void refresh();
  };

  if (!open) {
    return (
      <button type="button" className="em-launcher" onClick={() => setOpen(true)}>
        Open Earmark
      </button>
    );
  }

  return (
    <aside className="em-sidebar" aria-label="Earmark">
      <header className="em-header">
        <h2 className="em-title">Earmark</h2>
        <button
          type="button"
          className="em-close"
          aria-label="Collapse Earmark"
          onClick={() => setOpen(false)}
        >
          ›
        </button>
      </header>
      <div className="em-body">
        {loadError ? <p role="alert">Earmark is unavailable: {loadError}</p> : null}
        {taxonomy ? (
          <TagButtons
            taxonomy={taxonomy}
            onCapture={capture}
            onBeforeCapture={() => {
              selection.current = readSelection();
            }}
          />
        ) : null}
        <label className="em-note">
          <span>Note</span>
          <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="em-notice">
          <div role="status">{notice?.kind === 'saved' ? notice.text : ''}</div>
          {notice?.kind === 'saved' ? (
            <button type="button" className="em-undo" onClick={() => undo(notice.id)}>
              Undo
            </button>
          ) : null}
          {notice?.kind === 'error' ? <div role="alert">{notice.text}</div> : null}
        </div>
        <RecentCaptures entries={recent} />
      </div>
    </aside>
  );
}
