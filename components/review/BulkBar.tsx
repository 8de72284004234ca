import type { ReviewStatus } from '@/lib/hub/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { CommentField } from './Field';
import { StatusField } from './StatusField';
import { useTriageSubmit } from './useTriageSubmit';

/** Triage for the selected rows: one status and comment applied to all of them. */
export function BulkBar(props: {
  count: number;
  onApply: (status: ReviewStatus, comment: string) => Promise<void>;
  onClear: () => void;
}) {
  const triage = useTriageSubmit('reviewed', props.onApply);

  return (
    <form className="em-bulk" aria-label="Bulk triage" onSubmit={triage.submit}>
      <strong>{props.count.toLocaleString('en-GB')} selected</strong>
      <StatusField label="Bulk status" value={triage.status} onChange={triage.setStatus} />
      <CommentField label="Bulk comment" value={triage.comment} onChange={triage.setComment} />
      <button type="submit" disabled={triage.busy}>
        Apply to selected
      </button>
      <button type="button" onClick={props.onClear} disabled={triage.busy}>
        Clear selection
      </button>
      {triage.failure && <ErrorNotice what="Could not triage the selected items" {...triage.failure} />}
    </form>
  );
}
