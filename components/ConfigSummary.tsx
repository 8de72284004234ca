import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { EffectiveConfig } from '@/lib/policy';
import { loadConfig } from '@/lib/settings-store';

/** "whsec_…a1b2": enough to tell secrets apart, never the secret itself. */
export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}

function Locked({ show }: { show: boolean }) {
  return show ? <span className="em-locked"> (Set by your organization)</span> : null;
}

/** The configuration in force (agent, endpoints, tags), marking what the organization's policy sets. */
export function ConfigSummary() {
  const [config, setConfig] = useState<EffectiveConfig | null>(null);
  useEffect(() => {
    const load = () => void loadConfig().then(setConfig);
    load();
    // Policy and settings changes apply live.
    browser.storage.onChanged.addListener(load);
    return () => browser.storage.onChanged.removeListener(load);
  }, []);
  if (!config) return <p>Loading…</p>;
  const locked = (key: EffectiveConfig['lockedKeys'][number]) => config.lockedKeys.includes(key);
  return (
    <div>
      <h3>
        Agent
        <Locked show={locked('agent')} />
      </h3>
      <p>
        {config.agent.name} ({config.agent.id}){config.agent.team ? `, ${config.agent.team}` : ''}
      </p>
      <h3>
        Endpoints
        <Locked show={locked('endpoints')} />
      </h3>
      <ul aria-label="Endpoints">
        {config.endpoints.map((e) => (
          <li key={e.id}>
            {e.name}: {e.url} — secret {maskSecret(e.secret)}
            {e.tags ? ` — tags: ${e.tags.join(', ')}` : ' — all tags'}
          </li>
        ))}
      </ul>
      <h3>
        Tags
        <Locked show={locked('taxonomy')} />
      </h3>
      <ul aria-label="Tags">
        {config.taxonomy.map((t) => (
          <li key={t.id}>
            {t.label} ({t.category}){t.hotkey ? `, key ${t.hotkey}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
