import { useId } from 'react';
import type { ReviewStatus } from '@/lib/hub/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { StatusField } from './StatusField';
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
  const commentId = useId();

  return (
    <form className="em-bulk" aria-label="Bulk triage" onSubmit={apply}>
      <strong>{props.count.toLocaleString('en-GB')} selected</strong>
      <StatusField label="Bulk status" value={status} onChange={setStatus} />
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
