import type { EndpointHealth } from '@/lib/protocol/messages';
import { ago } from './format-time';

function describe(endpoint: EndpointHealth): string {
  if (endpoint.status === 'paused') return `Paused: ${endpoint.reason ?? 'needs attention'}`;
  if (endpoint.status === 'retrying') {
    const since = endpoint.since ? ` since ${ago(endpoint.since)}` : '';
    return `Retrying${since}: ${endpoint.reason ?? ''}`;
  }
  return endpoint.lastSuccessAt ? `Healthy, last delivery ${ago(endpoint.lastSuccessAt)}` : 'Healthy';
}

/** Each sync endpoint with its delivery state, and a way to resume a paused one. */
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
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className={`em-endpoint em-endpoint-${endpoint.status}`}>
          <strong>{endpoint.name}</strong>
          {endpoint.format !== 'json' ? <span> ({endpoint.format}, not signed)</span> : null}
          <div>{describe(endpoint)}</div>
          {endpoint.status === 'paused' ? (
            <button type="button" onClick={() => onResume(endpoint.id)}>
              Resume {endpoint.name}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
