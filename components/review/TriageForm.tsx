import { useId } from 'react';
import { capturedText, statusWord } from '@/lib/hub/review/labels';
import type { ItemDetail, ReviewStatus, TriageEntry } from '@/lib/hub/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { StatusField } from './StatusField';
import { useTriageSubmit } from './useTriageSubmit';

/** The status form of one item; the comment is what the agent sees in their sidebar. */
export function TriageForm(props: {
  detail: ItemDetail;
  onSave: (status: ReviewStatus, comment: string) => Promise<void>;
}) {
  const {
    status,
    setStatus,
    comment,
    setComment,
    busy,
    error,
    submit: save,
  } = useTriageSubmit(props.detail.status, props.onSave);
  const commentId = useId();

  return (
    <form className="em-triage" aria-label="Triage" onSubmit={save}>
      <StatusField label="Status" value={status} onChange={setStatus} />
      <div className="em-field em-field-wide">
        <label htmlFor={commentId}>Comment</label>
        <textarea
          id={commentId}
          rows={2}
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        Save triage
      </button>
      {error && <ErrorNotice what="Could not save the triage" error={error} onRetry={() => void save()} />}
    </form>
  );
}

function entryText(entry: TriageEntry): string {
  return `${statusWord(entry.status)} by ${entry.actorRole}, ${capturedText(entry.at)}`;
}

/** Every status change of the item, oldest first. */
export function TriageHistory({ history }: { history: TriageEntry[] }) {
  return (
    <ol className="em-history" aria-label="Triage history">
      {history.length === 0 && <li>Not triaged yet.</li>}
      {history.map((entry) => (
        <li key={`${entry.at}-${entry.status}-${entry.comment ?? ''}`}>
          <span>{entryText(entry)}</span>
          {entry.comment && <q>{entry.comment}</q>}
        </li>
      ))}
    </ol>
  );
}
