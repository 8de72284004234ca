import type { EndpointHealth } from '@/lib/protocol/messages';
import { ago } from './format-time';

/**
 * An endpoint's state as a chip word, then the detail: together one sentence ("Paused: Gone",
 * "Retrying since 2 min ago: HTTP 503", "Healthy, last delivery 1 min ago"). The separator is read,
 * not shown, since the chip already sets the word apart.
 */
export function describeHealth(endpoint: EndpointHealth): {
  state: string;
  separator: string;
  detail: string;
} {
  const reason = endpoint.reason ?? '';
  if (endpoint.status === 'paused')
    return { state: 'Paused', separator: ':', detail: reason || 'needs attention' };
  if (endpoint.status === 'retrying') {
    return endpoint.since
      ? { state: 'Retrying', separator: '', detail: `since ${ago(endpoint.since)}: ${reason}` }
      : { state: 'Retrying', separator: ':', detail: reason };
  }
  return endpoint.lastSuccessAt
    ? { state: 'Healthy', separator: ',', detail: `last delivery ${ago(endpoint.lastSuccessAt)}` }
    : { state: 'Healthy', separator: '', detail: '' };
}

/** The health chip and its detail ("Paused: Gone"), read as one sentence. */
export function HealthLine({ endpoint }: { endpoint: EndpointHealth }) {
  const health = describeHealth(endpoint);
  return (
    <div className="em-endpoint-health">
      <span className={`em-chip em-chip-${endpoint.status}`}>{health.state}</span>
      {health.separator ? <span className="em-visually-hidden">{health.separator}</span> : null}
      {health.detail ? <span> {health.detail}</span> : null}
    </div>
  );
}

/**
 * Each sync endpoint with its health chip (healthy, retrying since…, paused with the reason) and a
 * way to resume a paused one. The chip and its detail read as one sentence ("Paused: Gone").
 */
export function EndpointList({
  endpoints,
  onResume,
}: {
  endpoints: EndpointHealth[];
  onResume(id: string): void;
}) {
  if (endpoints.length === 0) {
    return (
      <p className="em-empty">
        No endpoint yet: captures are kept on this computer until one is added. Add one in the settings, or
        ask your admin for a policy.
      </p>
    );
  }
  return (
    <ul aria-label="Sync endpoints" className="em-endpoints">
      {endpoints.map((endpoint) => {
        return (
          <li key={endpoint.id} className={`em-endpoint em-endpoint-${endpoint.status}`}>
            <div className="em-endpoint-line">
              <strong>{endpoint.name}</strong>
              {endpoint.format !== 'json' ? <span> ({endpoint.format}, not signed)</span> : null}
              {endpoint.status === 'paused' ? (
                <button type="button" onClick={() => onResume(endpoint.id)}>
                  Resume {endpoint.name}
                </button>
              ) : null}
            </div>
            <HealthLine endpoint={endpoint} />
          </li>
        );
      })}
    </ul>
  );
}
