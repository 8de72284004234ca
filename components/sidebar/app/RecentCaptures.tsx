import { useRef, useState } from 'react';
import type { RecentEntry } from '@/lib/protocol/messages';
import { type ItemMode, RecentItem } from './RecentItem';
import { recentLabels } from './recent-labels';
import type { CaptureChange } from './sidebar-api';

interface Props {
  entries: RecentEntry[];
  /** Edits a capture's note or deletes it (a new revision); resolves false if that failed. */
  onRevise(id: string, change: CaptureChange): Promise<boolean>;
}

/** The agent's latest captures, each with its tag, one live status word, and Edit note / Delete. */
export function RecentCaptures({ entries, onRevise }: Props) {
  // One inline action at a time, so the Save/Cancel and Yes/No buttons are never ambiguous.
  const [active, setActive] = useState<{ id: string; mode: Exclude<ItemMode, null> } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const labels = recentLabels(entries);
  return (
    <section className="em-recent" aria-labelledby="em-recent-title">
      <h3 id="em-recent-title" className="em-group-title" ref={heading} tabIndex={-1}>
        Recent captures
      </h3>
      {entries.length === 0 ? <p className="em-empty">Nothing captured yet.</p> : null}
      <ul aria-label="Recent captures" className="em-recent-list">
        {entries.map((entry, index) => (
          <RecentItem
            key={entry.id}
            entry={entry}
            label={labels[index] ?? `capture ${index + 1}`}
            mode={active?.id === entry.id ? active.mode : null}
            onMode={(mode) => setActive(mode ? { id: entry.id, mode } : null)}
            onRevise={(change) => onRevise(entry.id, change)}
            onDeleted={() => {
              setActive(null);
              // The focused Yes button is gone with its item: keep keyboard users in the list.
              heading.current?.focus();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
