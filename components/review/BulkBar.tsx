import { type FormEvent, useId, useState } from 'react';
import { asHubError, type HubError } from '@/lib/review/errors';
import { statusWord } from '@/lib/review/labels';
import { REVIEW_STATUSES, type ReviewStatus } from '@/lib/review/schemas';
import { ErrorNotice } from './ErrorNotice';

/** Triage for the selected rows: one status and comment applied to all of them. */
export function BulkBar(props: {
  count: number;
  onApply: (status: ReviewStatus, comment: string) => Promise<void>;
  onClear: () => void;
}) {
  const [status, setStatus] = useState<ReviewStatus>('reviewed');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);
  const statusId = useId();
  const commentId = useId();

  const apply = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onApply(status, comment);
      setComment('');
    } catch (thrown) {
      setError(asHubError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="em-bulk" aria-label="Bulk triage" onSubmit={apply}>
      <strong>{props.count.toLocaleString('en-GB')} selected</strong>
      <div className="em-field">
        <label htmlFor={statusId}>Bulk status</label>
        <select
          id={statusId}
          value={status}
          onChange={(e) => setStatus(REVIEW_STATUSES.find((s) => s === e.target.value) ?? 'reviewed')}
        >
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusWord(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="em-field em-field-wide">
        <label htmlFor={commentId}>Bulk comment</label>
        <input
          id={commentId}
          type="text"
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        Apply to selected
      </button>
      <button type="button" onClick={props.onClear} disabled={busy}>
        Clear selection
      </button>
      {error && (
        <ErrorNotice what="Could not triage the selected items" error={error} onRetry={() => void apply()} />
      )}
    </form>
  );
}
