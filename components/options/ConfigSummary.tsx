import type { EffectiveConfig } from '@/lib/config/policy';
import type { LocalSettings } from '@/lib/config/settings';
import { loadConfig, readLocalSettings } from '@/lib/config/store';
import { useStorageValue } from '../shared/useStorageValue';
import { AgentEditor } from './AgentEditor';
import { EndpointsEditor } from './EndpointsEditor';
import { SetByOrganization } from './OptionsParts';
import { TaxonomyEditor } from './TaxonomyEditor';

/** What the editors show: the configuration in force and the local settings they change. */
interface OptionsConfig {
  config: EffectiveConfig;
  local: LocalSettings;
}

/** One key of the configuration an organization's policy can lock. */
export type ConfigKey = EffectiveConfig['lockedKeys'][number];

/** Reads the configuration in force and the local settings behind it. */
async function readOptionsConfig(): Promise<OptionsConfig> {
  const [config, local] = await Promise.all([loadConfig(), readLocalSettings()]);
  return { config, local };
}

/**
 * The configuration in force (agent, endpoints, tags), each section editable unless the
 * organization's policy sets it; then it is shown read-only with the reason.
 */
export function ConfigSummary() {
  // Policy and settings changes (also from another tab or the policy file) apply live.
  const { value: current, reload } = useStorageValue(readOptionsConfig);
  if (!current) return <p>Loading…</p>;
  const { config, local } = current;
  const locked = (key: ConfigKey) => config.lockedKeys.includes(key);
  return (
    <div>
      <section aria-labelledby="agent-title">
        <h3 id="agent-title">
          Agent
          <SetByOrganization show={locked('agent')} />
        </h3>
        <AgentEditor
          agent={config.agent}
          isSet={local.agent !== null || locked('agent')}
          locked={locked('agent')}
        />
      </section>
      <section aria-labelledby="endpoints-title">
        <h3 id="endpoints-title">
          Endpoints
          <SetByOrganization show={locked('endpoints')} />
        </h3>
        <EndpointsEditor
          endpoints={config.endpoints}
          taxonomy={config.taxonomy}
          locked={locked('endpoints')}
          onChanged={reload}
        />
      </section>
      <section aria-labelledby="tags-title">
        <h3 id="tags-title">
          Tags
          <SetByOrganization show={locked('taxonomy')} />
        </h3>
        <TaxonomyEditor
          taxonomy={config.taxonomy}
          isStarter={local.taxonomy === null}
          locked={locked('taxonomy')}
          onChanged={reload}
        />
      </section>
    </div>
  );
}
