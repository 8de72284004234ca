import { LAST_SIDEBAR_CONFIG_KEY, SETTINGS_CHANGED_KEY } from '../storage-keys';

// Zod-free, so the eager launcher can watch for config changes as the sidebar app does.

/**
 * True for a storage change that can change what the sidebar is told of the configuration:
 * settings (announced by SETTINGS_CHANGED_KEY; the settings themselves are out of a content
 * script's reach), policy, or the background's rewrite of LAST_SIDEBAR_CONFIG_KEY (when the config it
 * answered while the policy read was slow turns out to differ from the effective one).
 */
export function isSidebarConfigChange(changes: Record<string, unknown>, area: string): boolean {
  return (
    area === 'managed' ||
    (area === 'local' && (SETTINGS_CHANGED_KEY in changes || LAST_SIDEBAR_CONFIG_KEY in changes))
  );
}
