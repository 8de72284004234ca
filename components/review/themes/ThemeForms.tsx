import { type FormEvent, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewStatus } from '@/lib/hub/review/schemas';
import { ErrorNotice } from '../ErrorNotice';
import { CommentField, Field } from '../Field';
import { StatusField } from '../StatusField';
import { useTriageSubmit } from '../useTriageSubmit';

/** Triage of every item of the theme at once; the comment reaches each agent's sidebar. */
export function ThemeTriageForm(props: { onSave: (status: ReviewStatus, comment: string) => Promise<void> }) {
  const triage = useTriageSubmit('reviewed', props.onSave);
  return (
    <form className="em-triage" aria-label="Theme triage" onSubmit={triage.submit}>
      <p className="em-muted">Sets every item of this theme, including any the filters hide.</p>
      <StatusField label="Theme status" value={triage.status} onChange={triage.setStatus} />
      <CommentField label="Theme comment" multiline value={triage.comment} onChange={triage.setComment} />
      <button type="submit" disabled={triage.busy}>
        Triage whole theme
      </button>
      {triage.failure && <ErrorNotice what="Could not triage the theme" {...triage.failure} />}
    </form>
  );
}

/** The lead's own title for the theme; an empty one gives back the theme's central note. */
export function RenameForm(props: { title: string; onRename: (title: string) => Promise<void> }) {
  const [title, setTitle] = useState(props.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onRename(title);
    } catch (thrown) {
      setError(asHubError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="em-theme-rename" aria-label="Rename theme" onSubmit={submit}>
      <Field label="Theme title" wide>
        {(id) => (
          <input
            id={id}
            type="text"
            maxLength={500}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        Rename theme
      </button>
      {error && <ErrorNotice what="Could not rename the theme" error={error} onRetry={() => void submit()} />}
    </form>
  );
}
