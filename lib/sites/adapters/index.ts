import { MatchPattern } from 'wxt/utils/match-patterns';
import { dynamics365 } from './dynamics365';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { generic } from './generic';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { kustomer } from './kustomer';
import { salesforce } from './salesforce';
import { servicenow } from './servicenow';
import type { Adapter } from './types';
import { zendesk } from './zendesk';
import { zohodesk } from './zohodesk';

/** Built-in adapters, most specific first; generic is the fallback. */
export const ADAPTERS: readonly Adapter[] = [
  zendesk,
  salesforce,
  freshdesk,
  hubspot,
  intercom,
  servicenow,
  dynamics365,
  zohodesk,
  helpscout,
  front,
  gorgias,
  kustomer,
];

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
