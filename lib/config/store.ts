import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DELIVERY_TUNING_KEY, LAST_SIDEBAR_CONFIG_KEY, SETTINGS_KEY, storageItemKey } from '../storage-keys';
import { type EffectiveConfig, mergeConfig, parsePolicy } from './policy';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TAXONOMY,
  type LocalSettings,
  LocalSettingsSchema,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
} from './settings';

/**
 * Local settings, versioned. Lives in storage.local, read only by the background and
 * extension pages: endpoint secrets are never handed to content scripts.
 */
export const localSettings = storage.defineItem<LocalSettings>(storageItemKey(SETTINGS_KEY), {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** The last config the sidebar was told (no secrets), answered while the policy read is slow. */
export const lastSidebarConfig = storage.defineItem<unknown>(storageItemKey(LAST_SIDEBAR_CONFIG_KEY));

/**
 * Delivery tuning for tests and demos: `retryScale` shrinks the retry schedule (1 = the real one).
 * Not part of the settings model or the options page.
 */
export const deliveryTuning = storage.defineItem<{ retryScale: number }>(
  storageItemKey(DELIVERY_TUNING_KEY),
  {
    fallback: { retryScale: 1 },
  },
);

/** Reads local settings, falling back to defaults (without overwriting) if they are corrupt. */
export async function readLocalSettings(): Promise<LocalSettings> {
  const parsed = LocalSettingsSchema.safeParse(await localSettings.getValue());
  if (!parsed.success) console.error('Earmark: stored settings are invalid; using defaults', parsed.error);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Reads the admin policy; a browser without managed storage simply has none. */
export async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed.get()) as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
}

/** The configuration in force now: defaults ← local settings ← managed policy. */
export async function loadConfig(): Promise<EffectiveConfig> {
  const [local, policy] = await Promise.all([readLocalSettings(), readPolicy()]);
  return mergeConfig(local, parsePolicy(policy), DEFAULT_TAXONOMY);
}

/**
 * The effective config, read once and kept until settings or policy change. Chrome can take
 * seconds to answer the first managed-storage read after a start, so the worker starts the read
 * at once and captures never pay for it twice.
 */
export function createConfigCache(load: () => Promise<EffectiveConfig> = loadConfig) {
  let current: Promise<EffectiveConfig> | null = null;
  return {
    get(): Promise<EffectiveConfig> {
      current ??= load().catch((error: unknown) => {
        current = null;
        throw error;
      });
      return current;
    },
    invalidate(): void {
      current = null;
    },
  };
}

/** Applies a change to the local settings, validated as a whole before anything is written. */
export async function updateLocalSettings(
  change: (current: LocalSettings) => LocalSettings,
): Promise<LocalSettings> {
  const next = LocalSettingsSchema.parse(change(await readLocalSettings()));
  await localSettings.setValue(next);
  return next;
}
