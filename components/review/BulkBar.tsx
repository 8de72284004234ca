import { useId } from 'react';
import { statusWord } from '@/lib/review/labels';
import { REVIEW_STATUSES, type ReviewStatus } from '@/lib/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { useTriageSubmit } from './useTriageSubmit';

/** Triage for the selected rows: one status and comment applied to all of them. */
export function BulkBar(props: {
  count: number;
  onApply: (status: ReviewStatus, comment: string) => Promise<void>;
  onClear: () => void;
}) {
  const {
    status,
    setStatus,
    comment,
    setComment,
    busy,
    error,
    submit: apply,
  } = useTriageSubmit('reviewed', props.onApply);
  const statusId = useId();
  const commentId = useId();

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
