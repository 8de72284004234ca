import { useCallback, useEffect, useRef, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import { capturedText, statusWord, tagLabel } from '@/lib/hub/review/labels';
import type { ItemDetail as Detail, HubItem, ReviewStatus } from '@/lib/hub/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { TriageForm, TriageHistory } from './TriageForm';

/** Only web links open: a ticket URL from the hub must never run script (javascript:, data:). */
function ticketHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The open item: quote, note, ticket link, triage form and history, read fresh from the hub. */
export function ItemDetail(props: {
  client: ReviewClient;
  id: string;
  onChanged: (h: HubItem) => void;
  onClose: () => void;
  /** Move focus to the detail (it was opened from the keyboard). */
  autoFocus?: boolean;
}) {
  const { client, id, onChanged } = props;
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<HubError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      setError(null);
      client.getItem(id, signal).then(setDetail, (thrown: unknown) => {
        const e = asHubError(thrown);
        if (e.kind !== 'aborted') setError(e);
      });
    },
    [client, id],
  );

  useEffect(() => {
    setDetail(null);
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // Mounted once per opened item (keyed by id), so this runs when an item opens.
  useEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, [props.autoFocus]);

  const save = async (status: ReviewStatus, comment: string) => {
    const next = await client.triage(id, status, comment);
    setDetail(next);
    onChanged(next);
  };

  const item = detail?.item;
  const href = ticketHref(item?.source.url ?? null);
  return (
    <section
      className="em-detail"
      aria-labelledby="em-detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div className="em-detail-head">
        <h2 id="em-detail-title" ref={heading} tabIndex={-1}>
          Item details
        </h2>
        <button type="button" onClick={props.onClose}>
          Close details
        </button>
      </div>
      {!detail && !error && <p>Loading item…</p>}
      {error && <ErrorNotice what="Could not load this item" error={error} onRetry={() => load()} />}
      {detail && item && (
        <>
          <p className="em-detail-tags">
            <strong>{tagLabel(detail)}</strong> · {statusWord(detail.status)}
            {item.deleted ? ' · undone by the agent' : ''}
          </p>
          <dl className="em-detail-facts">
            <dt>Captured</dt>
            <dd>{capturedText(item.capturedAt)}</dd>
            <dt>Agent</dt>
            <dd>
              {item.agent.name} ({item.agent.id}){item.agent.team ? `, ${item.agent.team}` : ''}
            </dd>
            <dt>Ticket</dt>
            <dd>
              {item.source.site}
              {item.source.ticketId ? ` #${item.source.ticketId}` : ''}
              {item.source.title ? `: ${item.source.title}` : ''}
            </dd>
          </dl>
          <h3>Quote</h3>
          {item.quote ? <blockquote>{item.quote}</blockquote> : <p className="em-muted">No quote.</p>}
          <h3>Note</h3>
          <p>{item.note ?? <span className="em-muted">No note.</span>}</p>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              Open ticket
            </a>
          ) : (
            <p className="em-muted">No ticket link was captured.</p>
          )}
          <h3>Triage</h3>
          <TriageForm key={`${detail.item.id}-${detail.history.length}`} detail={detail} onSave={save} />
          <h3>History</h3>
          <TriageHistory history={detail.history} />
        </>
      )}
    </section>
  );
}
