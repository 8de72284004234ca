import type { HubError } from '@/lib/hub/errors';

/** A failed hub request: what failed, why, and a Retry button. */
export function ErrorNotice({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: HubError;
  onRetry: () => void;
}) {
  const hint =
    error.kind === 'token'
      ? ' Check the lead token in Earmark settings.'
      : error.kind === 'unreachable'
        ? ' Check that the hub is running and the URL in settings is right.'
        : '';
  return (
    <div className="em-error" role="alert">
      <p>
        {what}: {error.message}.{hint}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
