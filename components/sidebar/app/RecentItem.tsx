import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { RecentEntry } from '@/lib/protocol/messages';
import { isUserInput, typedValue } from '../launcher/keys';
import { localClock, reviewText } from './recent-labels';
import type { CaptureChange } from './sidebar-api';

/** Which inline action an item shows, if any. */
export type ItemMode = 'edit' | 'delete' | null;

interface Props {
  entry: RecentEntry;
  /** Distinct label for this item (its time, e.g. "10:42"), used in its buttons' accessible names. */
  label: string;
  mode: ItemMode;
  onMode(mode: ItemMode): void;
  onRevise(change: CaptureChange): Promise<boolean>;
  /** Called once a delete went through (the item is about to leave the list). */
  onDeleted(): void;
}

/** One recent capture: tag, time, status word, note, and inline Edit note / Delete actions. */
export function RecentItem({ entry, label, mode, onMode, onRevise, onDeleted }: Props) {
  const tags = entry.tags.join(', ');
  const review = reviewText(entry);
  // From the capture, not useId(): the markup must depend on the data alone, so a snapshot of it
  // (lib/sidebar/snapshot.ts) matches what a fresh render of the same captures gives.
  const tagId = `em-recent-tags-${entry.id}`;
  const [draft, setDraft] = useState(entry.note ?? '');
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    // Focus follows the inline action, and comes back to "Edit note" when it closes.
    if (mode === 'edit') field.current?.focus();
    else if (mode === 'delete') noButton.current?.focus();
    else if (wasOpen.current) editButton.current?.focus();
    wasOpen.current = mode !== null;
  }, [mode]);

  const run = async (change: CaptureChange, event: { nativeEvent: Event }) => {
    // Edits and deletes are captures too: a page script's synthetic click or key must not make one.
    if (!isUserInput(event)) return;
    setBusy(true);
    const ok = await onRevise(change);
    setBusy(false);
    if (ok && change.kind === 'delete') onDeleted();
    else if (ok) onMode(null);
  };
  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void run({ kind: 'note', note: draft.trim() || null }, event);
    else if (event.key === 'Escape') onMode(null);
    else return;
    event.preventDefault();
    event.stopPropagation(); // Escape here cancels the edit; it must not also leave the sidebar
  };

  return (
    <li className="em-recent-item" title={entry.detail ?? undefined}>
      <div className="em-recent-line">
        <span className="em-recent-tag" id={tagId}>
          {tags}
        </span>
        <time className="em-recent-time" dateTime={entry.capturedAt}>
          {localClock(entry.capturedAt, false)}
        </time>
        <span className={`em-badge em-badge-${entry.status.replace(' ', '-').toLowerCase()}`}>
          {entry.status}
        </span>
        {review ? (
          <span className={`em-review em-review-${review.word.toLowerCase()}`} title="Your lead's review">
            {review.word}
          </span>
        ) : null}
      </div>
      {entry.note && mode !== 'edit' ? <p className="em-recent-note">{entry.note}</p> : null}
      {review?.comment ? (
        <p className="em-review-comment">
          <span className="em-review-by">Lead: </span>
          {review.comment}
        </p>
      ) : null}
      {mode === 'edit' ? (
        <div className="em-inline">
          <input
            ref={field}
            type="text"
            className="em-input"
            aria-label={`Edit note for ${tags}`}
            value={draft}
            maxLength={10_000}
            onChange={(e) => setDraft(typedValue(e, draft))}
            onKeyDown={onFieldKey}
          />
          <button
            type="button"
            disabled={busy}
            onClick={(e) => void run({ kind: 'note', note: draft.trim() || null }, e)}
          >
            Save
          </button>
          <button type="button" onClick={() => onMode(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {mode === 'delete' ? (
        <fieldset
          className="em-inline em-confirm"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            onMode(null);
          }}
        >
          <legend>Delete this capture?</legend>
          <button
            type="button"
            className="em-danger"
            disabled={busy}
            onClick={(e) => void run({ kind: 'delete' }, e)}
          >
            Yes
          </button>
          <button ref={noButton} type="button" onClick={() => onMode(null)}>
            No
          </button>
        </fieldset>
      ) : null}
      {mode === null ? (
        <div className="em-item-actions">
          <button
            ref={editButton}
            type="button"
            className="em-link"
            aria-label={`Edit note: ${label}`}
            aria-describedby={tagId}
            onClick={() => {
              setDraft(entry.note ?? '');
              onMode('edit');
            }}
          >
            Edit note
          </button>
          <button
            type="button"
            className="em-link"
            aria-label={`Delete: ${label}`}
            aria-describedby={tagId}
            onClick={() => onMode('delete')}
          >
            Delete
          </button>
        </div>
      ) : null}
    </li>
  );
}
