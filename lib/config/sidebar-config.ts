import { awaitingSignIn } from '../auth/hold';
import { PROTOCOL, type ReplyOf } from '../protocol/messages';
import type { EffectiveConfig } from './policy';

/** What the sidebar is told of the configuration. */
export type SidebarConfig = ReplyOf<'sidebar-config'>;

/** How long the sidebar waits for the effective config before the last one known will do. */
export const FRESH_CONFIG_WAIT_MS = 400;

/** Where the last sidebar config is kept (storage.local in the background). */
export interface LastSidebarConfig {
  get(): Promise<unknown>;
  set(config: SidebarConfig): Promise<void>;
}

/**
 * Keeps what the store holds in memory: only this worker writes it, and every sidebar that opens
 * asks for the config, so the comparison before a write need not read storage each time.
 */
export function memoizedLastSidebarConfig(store: LastSidebarConfig): LastSidebarConfig {
  let known: Promise<unknown> | null = null;
  return {
    get: () => {
      known ??= store.get().catch((error: unknown) => {
        known = null;
        throw error;
      });
      return known;
    },
    set: async (config) => {
      await store.set(config);
      known = Promise.resolve(config);
    },
  };
}

/** Only what a content script may see of the effective config: never endpoints or secrets. */
export function sidebarView(config: EffectiveConfig): SidebarConfig {
  const view: SidebarConfig = {
    taxonomy: config.taxonomy,
    agentName: config.agent.name,
    sites: config.sites,
  };
  if (awaitingSignIn(config) && config.hub) view.signInTo = new URL(config.hub.url).host;
  return view;
}

/** The remembered config if it is still a valid reply (an older version may have written it). */
async function remembered(last: LastSidebarConfig): Promise<SidebarConfig | null> {
  const parsed = PROTOCOL['sidebar-config'].reply.safeParse(await last.get().catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

/**
 * The sidebar's config: the effective one, or, while reading that is slow, the last one answered.
 * Chrome can take seconds to answer the first managed-storage (policy) read after a start, and an
 * agent's restored CRM tabs would show no tags until then. The effective config is still read and
 * remembered; when it differs, the write to storage.local is what makes open sidebars reload it.
 */
export async function sidebarConfig(
  fresh: Promise<SidebarConfig>,
  last: LastSidebarConfig,
  waitMs = FRESH_CONFIG_WAIT_MS,
): Promise<SidebarConfig> {
  void fresh
    .then(async (config) => {
      const previous = await remembered(last);
      if (JSON.stringify(previous) !== JSON.stringify(config)) await last.set(config);
    })
    .catch((error: unknown) => console.error('Earmark: could not remember the sidebar config', error));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  try {
    const first = await Promise.race([fresh, slow]);
    if (first) return first;
  } finally {
    clearTimeout(timer);
  }
  return (await remembered(last)) ?? fresh;
}
