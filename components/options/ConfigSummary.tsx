import type { ReactNode } from 'react';
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

/** One section of the configuration, its heading saying when the organization's policy sets it. */
function ConfigSection(props: { id: string; title: string; locked: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>
        {props.title}
        <SetByOrganization show={props.locked} />
      </h3>
      {props.children}
    </section>
  );
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
      <ConfigSection id="agent-title" title="Agent" locked={locked('agent')}>
        <AgentEditor
          agent={config.agent}
          isSet={local.agent !== null || locked('agent')}
          locked={locked('agent')}
        />
      </ConfigSection>
      <ConfigSection id="endpoints-title" title="Endpoints" locked={locked('endpoints')}>
        <EndpointsEditor
          endpoints={config.endpoints}
          taxonomy={config.taxonomy}
          locked={locked('endpoints')}
          onChanged={reload}
        />
      </ConfigSection>
      <ConfigSection id="tags-title" title="Tags" locked={locked('taxonomy')}>
        <TaxonomyEditor
          taxonomy={config.taxonomy}
          isStarter={local.taxonomy === null}
          locked={locked('taxonomy')}
          onChanged={reload}
        />
      </ConfigSection>
    </div>
  );
}
