/** Earmark's fixed Firefox add-on ID: policies.json (`3rdparty.Extensions`) and AMO name it. */
export const FIREFOX_ADDON_ID = 'earmark@earmark.dev';

/**
 * Oldest Firefox we declare: 140 (an ESR line) is the first that reads
 * `data_collection_permissions`; everything else we use (MV3 event pages, scripting,
 * optional_host_permissions, storage.managed from policies) is older.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/**
 * What leaves the browser, in Mozilla's categories (shown at install): captures carry the ticket's
 * URL, title and quoted text (customer messages), the agent's name and id, and the agent's note.
 * They go only to endpoints the organisation configures; docs/privacy.md says exactly what.
 */
export const FIREFOX_DATA_COLLECTION = [
  'browsingActivity',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'websiteContent',
] as const;

/** Manifest keys only Chromium-family browsers understand; Firefox warns about or rejects them. */
const CHROMIUM_ONLY_KEYS = ['key', 'minimum_chrome_version'] as const;

/** The slice of a manifest this adapts (WXT's generated manifest object). */
interface ManifestLike {
  [key: string]: unknown;
  browser_specific_settings?: Record<string, unknown>;
}

/**
 * Turns the shared manifest into Firefox's, in place: a fixed gecko id, the minimum version and the
 * data-collection declaration, and no Chromium-only keys (the `key` fixes Chrome's ID only).
 */
export function adaptManifestForFirefox(manifest: ManifestLike): void {
  for (const key of CHROMIUM_ONLY_KEYS) delete manifest[key];
  manifest.browser_specific_settings = {
    ...manifest.browser_specific_settings,
    gecko: {
      id: FIREFOX_ADDON_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: [...FIREFOX_DATA_COLLECTION] },
    },
  };
}
