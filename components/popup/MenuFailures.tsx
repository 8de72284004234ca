import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/protocol/client';
import type { MenuFailureView } from '@/lib/protocol/messages';
import { savedText } from '@/lib/sidebar/saved-text';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One failed menu capture: why, the text as selected (to copy), and what the agent can do. */
function FailureItem({
  failure,
  onAction,
}: {
  failure: MenuFailureView;
  onAction(action: 'retry' | 'dismiss'): void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = (text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <li>
      <p>
        Not saved as <strong>{failure.tagLabel}</strong>: {failure.error}
      </p>
      {failure.text !== null ? (
        <label className="em-menu-text">
          Selected text
          <textarea readOnly rows={3} value={failure.text} />
        </label>
      ) : null}
      {failure.retryable ? (
        <button type="button" onClick={() => onAction('retry')}>
          Try again
        </button>
      ) : null}
      {failure.text !== null ? (
        <button type="button" onClick={() => copy(failure.text ?? '')}>
          {copied ? 'Copied' : 'Copy text'}
        </button>
      ) : null}
      <button type="button" onClick={() => onAction('dismiss')}>
        Dismiss
      </button>
    </li>
  );
}

/**
 * Context-menu captures that were not saved (the toolbar icon shows "!" meanwhile), kept with the
 * selected text until the agent tries again or dismisses them.
 */
export function MenuFailures() {
  const [failures, setFailures] = useState<MenuFailureView[]>([]);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(
    () =>
      sendToBackground('menu-failures', {}).then(
        (reply) => setFailures(reply.failures),
        () => {},
      ),
    [],
  );
  useEffect(() => void load(), [load]);
  const act = async (id: string, action: 'retry' | 'dismiss') => {
    try {
      const reply = await sendToBackground('menu-failure', { id, action });
      setFailures(reply.failures);
      setOutcome(
        reply.saved ? { ok: true, text: savedText(reply.saved.tagLabel, reply.saved.routed) } : null,
      );
    } catch (error) {
      setOutcome({ ok: false, text: `Still not saved: ${message(error)}` });
      await load();
    }
  };
  if (failures.length === 0 && !outcome) return null;
  return (
    <section aria-labelledby="em-menu-failed-title" className="em-menu-failed">
      <h2 id="em-menu-failed-title">Selections not saved</h2>
      {outcome ? <p role={outcome.ok ? undefined : 'alert'}>{outcome.text}</p> : null}
      {failures.length > 0 ? (
        <ul aria-labelledby="em-menu-failed-title">
          {failures.map((failure) => (
            <FailureItem
              key={failure.id}
              failure={failure}
              onAction={(action) => void act(failure.id, action)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
