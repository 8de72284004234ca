import { useState } from 'react';
import { Confirm } from './Confirm';

interface Props {
  count: number;
  /** Why they were parked, with how many each reason stands for (from the oldest 1,000). */
  reasons: ReadonlyArray<{ reason: string; count: number }>;
  onRetry(): Promise<void>;
  onExport(): Promise<void>;
  onDiscard(): Promise<void>;
}

/** Captures that could not be delivered: retry them, export them as JSON, or discard them (confirmed). */
export function DeadLetters({ count, reasons, onRetry, onExport, onDiscard }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (count === 0) return null;
  const listed = reasons.reduce((sum, r) => sum + r.count, 0);
  return (
    <section aria-labelledby="em-dead-title" className="em-dead">
      <h2 id="em-dead-title">Not delivered</h2>
      <p>
        {count} {count === 1 ? 'delivery' : 'deliveries'} could not be made and{' '}
        {count === 1 ? 'waits' : 'wait'} for you.
      </p>
      <ul aria-label="Why not delivered">
        {reasons.map((r) => (
          <li key={r.reason}>
            {r.reason} ({r.count})
          </li>
        ))}
        {listed < count ? <li>and {count - listed} more</li> : null}
      </ul>
      <div className="em-actions">
        <button type="button" onClick={() => void onRetry()}>
          Retry failed
        </button>
        <button type="button" onClick={() => void onExport()}>
          Export failed as JSON
        </button>
        {confirming ? (
          <Confirm
            name="Confirm discard"
            consequence={`Discard ${count} for good? ${count === 1 ? 'It is' : 'They are'} not delivered anywhere; export first to keep a copy.`}
            confirm="Yes, discard"
            onConfirm={() => {
              setConfirming(false);
              void onDiscard();
            }}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Discard failed
          </button>
        )}
      </div>
    </section>
  );
}
