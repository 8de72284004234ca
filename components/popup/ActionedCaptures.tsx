import { useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/protocol/client';
import type { ReplyOf } from '@/lib/protocol/messages';

type Entry = ReplyOf<'reviews-unseen'>['entries'][number];

/**
 * What the toolbar badge counted: actioned captures the agent has not seen, with the lead's
 * comment. Opening the popup counts as seeing them, so they are marked seen once listed.
 */
export function ActionedCaptures() {
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    void (async () => {
      try {
        const { entries: unseen } = await sendToBackground('reviews-unseen', {});
        setEntries(unseen);
      } finally {
        await sendToBackground('reviews-seen', { ids: 'all' }).catch(() => {});
      }
    })().catch(() => {});
  }, []);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="em-actioned-heading" className="em-actioned">
      <h2 id="em-actioned-heading">Actioned by your lead</h2>
      <ul aria-labelledby="em-actioned-heading">
        {entries.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.tags.join(', ') || 'Capture'}</strong>
            {entry.note ? <span>: {entry.note}</span> : null}
            {entry.comment ? <q>{entry.comment}</q> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
