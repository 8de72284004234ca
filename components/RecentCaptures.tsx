import type { RecentEntry } from '@/lib/messages';

/** The agent's latest captures, each with its tag and one live status word. */
export function RecentCaptures({ entries }: { entries: RecentEntry[] }) {
  return (
    <section className="em-recent" aria-labelledby="em-recent-title">
      <h3 id="em-recent-title" className="em-group-title">
        Recent captures
      </h3>
      {entries.length === 0 ? <p className="em-empty">Nothing captured yet.</p> : null}
      <ul aria-label="Recent captures" className="em-recent-list">
        {entries.map((entry) => (
          <li key={entry.id} className="em-recent-item" title={entry.detail ?? undefined}>
            <span className="em-recent-tag">{entry.tags.join(', ')}</span>
            <span className={`em-badge em-badge-${entry.status.replace(' ', '-').toLowerCase()}`}>
              {entry.status}
            </span>
            {entry.note ? <span className="em-recent-note">{entry.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
