import type { Endpoint, TaxonomyTag } from '@/lib/config/settings';
import type { EndpointHealth } from '@/lib/protocol/messages';
import { HealthLine } from '../shared/EndpointList';
import { describeFormat, describeRouting, maskSecret } from './OptionsParts';

/** What a row can ask its editor to do; each is a click, so permission prompts stay possible. */
export interface RowActions {
  onEdit(endpoint: Endpoint): void;
  onTest(endpoint: Endpoint): void;
  onDelete(endpoint: Endpoint): void;
  onGrant(endpoint: Endpoint): void;
  onToggleEnabled(endpoint: Endpoint): void;
}

/**
 * One endpoint: name, URL, masked secret, routing and format. Editing controls are disabled when
 * the policy sets the endpoints; "Send test" stays, because it changes nothing.
 */
export function EndpointRow({
  endpoint,
  taxonomy,
  locked,
  access,
  health,
  busy,
  actions,
}: {
  endpoint: Endpoint;
  taxonomy: readonly TaxonomyTag[];
  locked: boolean;
  /** Host access for the endpoint's origin; undefined while unknown. */
  access: boolean | undefined;
  /** The worker's delivery state for it; undefined until known. */
  health: EndpointHealth | undefined;
  busy: boolean;
  actions: RowActions;
}) {
  const reason = locked ? 'Set by your organization' : undefined;
  const disabled = endpoint.enabled === false;
  return (
    <li className={`em-endpoint-card${disabled ? ' em-endpoint-off' : ''}`}>
      <div className="em-endpoint-head">
        <strong>{endpoint.name}</strong>
        <span className="em-chip">{describeFormat(endpoint)}</span>
        {disabled ? <span className="em-chip">disabled: its captures wait until it is enabled</span> : null}
      </div>
      <code className="em-endpoint-url">{endpoint.url}</code>
      <div className="em-endpoint-meta">
        secret {maskSecret(endpoint.secret)} · {describeRouting(endpoint, taxonomy)}
      </div>
      {health ? <HealthLine endpoint={health} /> : null}
      {access === false ? (
        <div role="alert">
          No access to this endpoint's site yet: deliveries wait until access is granted.{' '}
          <button type="button" onClick={() => actions.onGrant(endpoint)}>
            Grant access to {endpoint.name}
          </button>
        </div>
      ) : null}
      <div className="em-actions">
        <button type="button" disabled={busy} onClick={() => actions.onTest(endpoint)}>
          Send test to {endpoint.name}
        </button>
        <button type="button" disabled={locked} title={reason} onClick={() => actions.onEdit(endpoint)}>
          Edit {endpoint.name}
        </button>
        <button
          type="button"
          disabled={locked}
          title={reason}
          onClick={() => actions.onToggleEnabled(endpoint)}
        >
          {disabled ? 'Enable' : 'Disable'} {endpoint.name}
        </button>
        <button
          type="button"
          disabled={locked || busy}
          title={reason}
          onClick={() => actions.onDelete(endpoint)}
        >
          Delete {endpoint.name}
        </button>
      </div>
    </li>
  );
}
