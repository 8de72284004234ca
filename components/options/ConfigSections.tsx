import type { EffectiveConfig } from '@/lib/config/policy';
import type { LocalSettings } from '@/lib/config/settings';
import { loadConfig, readLocalSettings } from '@/lib/config/store';
import { useStorageValue } from '../shared/useStorageValue';
import { AgentEditor } from './AgentEditor';
import { EndpointsEditor } from './EndpointsEditor';
import { SettingsSection } from './SettingsSection';
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

const LOADING = <p>Loading…</p>;

/**
 * The configuration in force as three sections (endpoints, tags, agent), each editable unless the
 * organization's policy sets it; then it is shown read-only with the reason. The sections are there
 * from the first paint (the navigation links to them), their contents once the settings are read.
 */
export function ConfigSections() {
  // Policy and settings changes (also from another tab or the policy file) apply live.
  const { value: current, reload } = useStorageValue(readOptionsConfig);
  const locked = (key: ConfigKey) => current?.config.lockedKeys.includes(key) ?? false;
  return (
    <>
      <SettingsSection
        id="endpoints"
        title="Endpoints"
        locked={locked('endpoints')}
        summary="Where captures are sent: signed webhooks to your hub or systems, or a Slack or Teams channel."
      >
        {current ? (
          <EndpointsEditor
            endpoints={current.config.endpoints}
            taxonomy={current.config.taxonomy}
            locked={locked('endpoints')}
            onChanged={reload}
          />
        ) : (
          LOADING
        )}
      </SettingsSection>
      <SettingsSection
        id="tags"
        title="Tags"
        locked={locked('taxonomy')}
        summary="The buttons agents tag with, grouped by category, in the order and with the keys the sidebar shows."
      >
        {current ? (
          <TaxonomyEditor
            taxonomy={current.config.taxonomy}
            retired={current.local.retiredTags ?? []}
            isStarter={current.local.taxonomy === null}
            locked={locked('taxonomy')}
            onChanged={reload}
          />
        ) : (
          LOADING
        )}
      </SettingsSection>
      <SettingsSection
        id="agent"
        title="Agent"
        locked={locked('agent')}
        summary="Who the captures made in this browser are from, as your team lead sees them."
      >
        {current ? (
          <AgentEditor
            agent={current.config.agent}
            isSet={current.local.agent !== null || locked('agent')}
            locked={locked('agent')}
            bySignIn={current.config.signedIn !== null}
          />
        ) : (
          LOADING
        )}
      </SettingsSection>
    </>
  );
}
