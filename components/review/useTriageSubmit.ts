import { type FormEvent, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewStatus } from '@/lib/hub/review/schemas';

/**
 * The state of a triage form (one item or the bulk bar): a status and comment, sent once at a
 * time; the comment is cleared after a save, and a failure is kept for the error notice's Retry.
 */
export function useTriageSubmit(
  initialStatus: ReviewStatus,
  send: (status: ReviewStatus, comment: string) => Promise<void>,
) {
  const [status, setStatus] = useState<ReviewStatus>(initialStatus);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send(status, comment);
      setComment('');
    } catch (thrown) {
      setError(asHubError(thrown));
    } finally {
      setBusy(false);
    }
  };

  // What the error notice shows: the error, and a Retry that sends the same status and comment.
  const failure = error ? { error, onRetry: () => void submit() } : null;
  return { status, setStatus, comment, setComment, busy, failure, submit };
}
