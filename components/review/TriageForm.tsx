import { capturedText, statusWord } from '@/lib/hub/review/labels';
import type { ItemDetail, ReviewStatus, TriageEntry } from '@/lib/hub/review/schemas';
import { ErrorNotice } from './ErrorNotice';
import { CommentField } from './Field';
import { StatusField } from './StatusField';
import { useTriageSubmit } from './useTriageSubmit';

/** The status form of one item; the comment is what the agent sees in their sidebar. */
export function TriageForm(props: {
  detail: ItemDetail;
  onSave: (status: ReviewStatus, comment: string) => Promise<void>;
}) {
  const triage = useTriageSubmit(props.detail.status, props.onSave);

  return (
    <form className="em-triage" aria-label="Triage" onSubmit={triage.submit}>
      <StatusField label="Status" value={triage.status} onChange={triage.setStatus} />
      <CommentField label="Comment" multiline value={triage.comment} onChange={triage.setComment} />
      <button type="submit" disabled={triage.busy}>
        Save triage
      </button>
      {triage.failure && <ErrorNotice what="Could not save the triage" {...triage.failure} />}
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
