import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { identityOf, readSession } from '../auth/session-store';
import {
  DELIVERY_TUNING_KEY,
  LAST_SIDEBAR_CONFIG_KEY,
  LEGACY_SETTINGS_KEY,
  SETTINGS_CHANGED_KEY,
  storageItemKey,
} from '../storage-keys';
import { type EffectiveConfig, mergeConfig, parsePolicy } from './policy';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TAXONOMY,
  type LocalSettings,
  LocalSettingsSchema,
  SETTINGS_VERSION,
  upgradeSettings,
} from './settings';
import {
  changeSettingsRecord,
  importLegacySettings,
  readSettingsRecord,
  type VersionedRecord,
} from './settings-db';

// Local settings (endpoint secrets and hub tokens included) live in the extension's IndexedDB
// (lib/config/settings-db.ts), which content scripts cannot open. Only the worker and the
// extension's pages import this module; the import rules keep it out of the sidebar bundles.

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

/** The settings an older build left in storage.local, with the version WXT recorded for them. */
async function readLegacySettings(): Promise<VersionedRecord | null> {
  const meta = `${LEGACY_SETTINGS_KEY}$`;
  const stored = await browser.storage.local.get([LEGACY_SETTINGS_KEY, meta]);
  if (stored[LEGACY_SETTINGS_KEY] === undefined) return null;
  const version = (stored[meta] as { v?: unknown } | undefined)?.v;
  return { version: typeof version === 'number' ? version : 1, value: stored[LEGACY_SETTINGS_KEY] };
}

/**
 * Imports settings an older build kept in storage.local; after the first import only a marker is
 * read (lib/config/settings-db.ts), so every settings read and write can afford to call this.
 */
export async function ensureLegacySettingsImported(): Promise<void> {
  const imported = await importLegacySettings(readLegacySettings, () =>
    browser.storage.local.remove([LEGACY_SETTINGS_KEY, `${LEGACY_SETTINGS_KEY}$`]),
  );
  if (imported) await announceSettingsChange();
}

/**
 * Tells every part of the extension that local settings (or who is signed in) changed; the value
 * itself is no secret.
 */
export function announceSettingsChange(): Promise<void> {
  return browser.storage.local.set({ [SETTINGS_CHANGED_KEY]: crypto.randomUUID() });
}

/** A stored record as settings: upgraded to the current version, or defaults if it is corrupt. */
function settingsOf(record: VersionedRecord | null): LocalSettings {
  if (!record) return DEFAULT_SETTINGS;
  const parsed = LocalSettingsSchema.safeParse(upgradeSettings(record.version, record.value));
  if (!parsed.success) console.error('Earmark: stored settings are invalid; using defaults', parsed.error);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Reads local settings, falling back to defaults (without overwriting) if they are corrupt. */
export async function readLocalSettings(): Promise<LocalSettings> {
  await ensureLegacySettingsImported();
  return settingsOf(await readSettingsRecord());
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
  const [local, policy, session] = await Promise.all([readLocalSettings(), readPolicy(), readSession()]);
  return mergeConfig(local, parsePolicy(policy), DEFAULT_TAXONOMY, identityOf(session));
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

/**
 * Applies a change to the local settings, validated as a whole before anything is written, in one
 * transaction with the read (two pages saving at once keep both edits).
 */
export async function updateLocalSettings(
  change: (current: LocalSettings) => LocalSettings,
): Promise<LocalSettings> {
  await ensureLegacySettingsImported();
  let next: LocalSettings = DEFAULT_SETTINGS;
  await changeSettingsRecord((record) => {
    next = LocalSettingsSchema.parse(change(settingsOf(record)));
    return { version: SETTINGS_VERSION, value: next };
  });
  await announceSettingsChange();
  return next;
}
