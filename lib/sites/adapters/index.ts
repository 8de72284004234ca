import { MatchPattern } from 'wxt/utils/match-patterns';
import { CRM_IDS } from '../registry';
import generic from './generic';
import type { Adapter } from './types';

// Every built-in CRM's reader is lib/sites/adapters/<site id>.ts, whose default export is its
// adapter; the registry (lib/sites/registry.ts) says which ids exist and in which order, so adding
// a CRM needs no edit here. Bundled eagerly, as explicit imports would be: the content script needs
// every reader at click time. The shared helpers are not adapters; tests/unit/adapters/registry.test.ts
// checks that every id has its file and every file its id.
const READERS = import.meta.glob<Adapter>(['./*.ts', '!./dom.ts', '!./types.ts', '!./index.ts'], {
  eager: true,
  import: 'default',
});

/** Built-in adapters in registry order (most specific first); generic is the fallback. */
export const ADAPTERS: readonly Adapter[] = CRM_IDS.flatMap((id) => READERS[`./${id}.ts`] ?? []);

/** An admin-added site: pages matching `match` are read by the adapter named `adapter`. */
export interface SiteAdapterRule {
  match: string;
  adapter: Adapter['site'];
}

/** Whether a match pattern covers a URL; an invalid pattern matches nothing rather than throwing. */
export function matchesPattern(pattern: string, url: URL): boolean {
  try {
    return new MatchPattern(pattern).includes(url.href); // a string: URL objects need a DOM `Location`
  } catch {
    return false; // an invalid admin pattern matches nothing rather than breaking the page
  }
}

/**
 * The adapter for a URL: the first built-in one whose pattern matches, then the adapter an admin
 * named for a matching site (e.g. Zendesk on a custom domain), else generic.
 */
export function adapterFor(url: URL, sites: readonly SiteAdapterRule[] = []): Adapter {
  const builtIn = ADAPTERS.find((a) => a.matches.some((m) => matchesPattern(m, url)));
  if (builtIn) return builtIn;
  const rule = sites.find((s) => matchesPattern(s.match, url));
  return (rule && ADAPTERS.find((a) => a.site === rule.adapter)) ?? generic;
}

export type { Adapter, TicketContext } from './types';
