import type { ReactNode } from 'react';
import type { Endpoint, TaxonomyTag } from '@/lib/config/settings';
import type { Agent } from '@/lib/schema';

/** "whsec_…a1b2": enough to tell secrets apart, never the secret itself. */
export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}

/** "Ada Agent (agent-7), Tier 1": how the agent is shown everywhere on this page. */
export function describeAgent(agent: Agent): string {
  return `${agent.name} (${agent.id})${agent.team ? `, ${agent.team}` : ''}`;
}

/** "all tags", or the routed tags by label (ids the taxonomy no longer has, by id). */
export function describeRouting(endpoint: Endpoint, taxonomy: readonly TaxonomyTag[]): string {
  if (!endpoint.tags) return 'all tags';
  const labels = endpoint.tags.map((id) => taxonomy.find((t) => t.id === id)?.label ?? id);
  return `tags: ${labels.join(', ')}`;
}

/** "Earmark JSON, signed", or the chat format saying it is not signed. */
export function describeFormat(endpoint: Endpoint): string {
  const format = endpoint.format ?? 'json';
  return format === 'json' ? 'Earmark JSON, signed' : `${format === 'slack' ? 'Slack' : 'Teams'}, not signed`;
}

/** The "Set by your organization" badge after a section heading when the policy sets that key. */
export function SetByOrganization({ show }: { show: boolean }) {
  // The leading space keeps the heading's accessible name "Agent Set by…", not "AgentSet by…".
  return show ? <span className="em-badge"> Set by your organization</span> : null;
}

/**
 * Wraps a section's controls: when locked, one disabled fieldset makes every control read-only
 * and names the reason, which assistive technology reads with each control.
 */
export function LockableControls({
  locked,
  id,
  label,
  children,
}: {
  locked: boolean;
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <fieldset disabled={locked} aria-label={label} aria-describedby={locked ? id : undefined}>
      {locked ? (
        <p id={id}>
          Set by your organization: this is managed by policy and can only be changed there (see
          chrome://policy). The controls below are read-only.
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
