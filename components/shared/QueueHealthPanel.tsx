import { sendToBackground } from '@/lib/protocol/client';
import { DeadLetters } from './DeadLetters';
import { deliverySummary } from './delivery-summary';
import { datedName, downloadJson } from './download';
import { EndpointList } from './EndpointList';
import { useQueueHealth } from './useQueueHealth';

/** Queue size, per-endpoint delivery state, policy problems and dead letters; refreshes while open. */
export function QueueHealthPanel() {
  const { health, error, refresh } = useQueueHealth();
  const deadLetters = async (action: 'retry' | 'export' | 'discard') => {
    const reply = await sendToBackground('dead-letters', { action });
    if (action === 'export') downloadJson(datedName('earmark-not-delivered'), reply.letters ?? []);
    await refresh();
  };

  if (error) return <p role="alert">Earmark's background is not answering: {error}</p>;
  if (!health) return <p>Loading…</p>;
  const summary = deliverySummary(health);
  return (
    <div className="em-health">
      <div className="em-health-summary">
        <p role="status">{summary.status}</p>
        <p>{summary.lastDelivery}</p>
      </div>
      {health.unroutedItems > 0 ? (
        <p>
          {health.unroutedItems} {health.unroutedItems === 1 ? 'capture is' : 'captures are'} saved and
          waiting for an endpoint: no endpoint takes {health.unroutedItems === 1 ? 'its tag' : 'their tags'}.
          They are sent once one does.
        </p>
      ) : null}
      {health.nearCap ? (
        <p role="alert">
          The queue is nearly full ({health.pendingItems} of {health.cap}). New captures will be refused at
          the limit: check the endpoints below.
        </p>
      ) : null}
      <EndpointList
        endpoints={health.endpoints}
        onResume={(endpointId) => void sendToBackground('endpoint-resume', { endpointId }).then(refresh)}
      />
      <DeadLetters
        count={health.parkedRows}
        reasons={health.parkedReasons}
        onRetry={() => deadLetters('retry')}
        onExport={() => deadLetters('export')}
        onDiscard={() => deadLetters('discard')}
      />
      {health.problems.length > 0 ? (
        <section aria-labelledby="em-problems-title">
          <h2 id="em-problems-title">Policy problems</h2>
          <ul aria-label="Policy problems">
            {health.problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
