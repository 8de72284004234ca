import { useId, useState } from 'react';
import { changeText } from '@/lib/hub/review/demand-data';
import type { DemandCauseChange } from '@/lib/hub/review/demand-schema';

/** A theme's sample: the customer's words when the capture has them, else the agent's note. */
function sampleText(sample: DemandCauseChange['themes'][number]['sample']): string | null {
  return sample?.quote?.trim() || sample?.note?.trim() || null;
}

function Cause({ cause, widest }: { cause: DemandCauseChange; widest: number }) {
  const [open, setOpen] = useState(false);
  const themesId = useId();
  const rising = cause.count > cause.previous;
  return (
    <li className="em-cause">
      <div className="em-cause-row">
        <button
          type="button"
          className="em-cause-toggle"
          aria-expanded={open}
          aria-controls={open ? themesId : undefined}
          onClick={() => setOpen((v) => !v)}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {cause.label}
        </button>
        <span className="em-cause-bar" aria-hidden="true">
          <span style={{ width: `${widest ? (100 * cause.count) / widest : 0}%` }} />
        </span>
        <span className="em-cause-count">{cause.count.toLocaleString('en-GB')}</span>
        <span className={`em-cause-change${rising ? ' em-rising' : ''}`}>
          {changeText(cause.count, cause.previous)}{' '}
          <span className="em-muted">(was {cause.previous.toLocaleString('en-GB')})</span>
        </span>
      </div>
      {open && (
        <div id={themesId} className="em-cause-themes">
          {cause.themes.length === 0 ? (
            <p className="em-muted">No themes in this period.</p>
          ) : (
            <ul aria-label={`Themes of ${cause.label}`}>
              {cause.themes.map((t) => {
                const text = sampleText(t.sample);
                return (
                  <li key={t.id}>
                    <span className="em-theme-title">{t.title || 'Untitled theme'}</span>{' '}
                    <span className="em-muted">
                      {t.count.toLocaleString('en-GB')} {t.count === 1 ? 'capture' : 'captures'}
                    </span>
                    {text && <q className="em-theme-quote">{text}</q>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * The failure-demand causes, most captures first, each with its change against the previous
 * period; a cause opens to its top themes, each with a recent capture's words.
 */
export function DemandCauses({ causes }: { causes: DemandCauseChange[] }) {
  const widest = Math.max(0, ...causes.map((c) => c.count));
  if (causes.length === 0) return <p>No failure demand in this period.</p>;
  return (
    <ol className="em-causes" aria-label="Failure-demand causes">
      {causes.map((c) => (
        <Cause key={c.id} cause={c} widest={widest} />
      ))}
    </ol>
  );
}
