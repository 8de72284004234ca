import { ADAPTERS, adapterFor, matchesPattern, type SiteAdapterRule } from './adapters';

/** What Earmark would do on a URL: whether the sidebar appears, and which adapter reads it. */
export interface SiteCheck {
  covered: boolean;
  adapter: string;
  reason: string;
}

/** The live "test this URL" check of the options page. */
export function checkUrl(raw: string, sites: readonly SiteAdapterRule[]): SiteCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { covered: false, adapter: 'none', reason: 'Not a valid URL' };
  }
  const builtIn = ADAPTERS.find((a) => a.matches.some((m) => matchesPattern(m, url)));
  if (builtIn) return { covered: true, adapter: builtIn.site, reason: `Built-in ${builtIn.site} page` };
  const rule = sites.find((s) => matchesPattern(s.match, url));
  if (rule) return { covered: true, adapter: adapterFor(url, sites).site, reason: `Matches ${rule.match}` };
  return { covered: false, adapter: 'none', reason: 'No built-in CRM or added site matches this URL' };
}
