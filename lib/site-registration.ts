import type { SiteRule } from './config';

/** Id of the dynamically registered content script that covers admin-added sites. */
export const ADMIN_SITES_SCRIPT_ID = 'earmark-admin-sites';
/** The content script bundle WXT builds (same one the manifest declares for built-in CRMs). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** The parts of chrome.scripting and chrome.permissions that registration uses. */
export interface RegistrationApis {
  contains(origins: string[]): Promise<boolean>;
  registered(): Promise<Array<{ id: string; matches?: string[] }>>;
  register(script: {
    id: string;
    matches: string[];
    js: string[];
    runAt: 'document_idle';
    persistAcrossSessions: boolean;
  }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** Where each admin-added site stands: covered, or waiting for the admin to grant access. */
export interface SiteAccess {
  match: string;
  adapter: SiteRule['adapter'];
  granted: boolean;
}

/**
 * Registers the content script on every admin-added site whose host access is granted, and
 * reports the others so the options page can offer "Grant access". Idempotent.
 */
export async function syncAdminSites(sites: SiteRule[], apis: RegistrationApis): Promise<SiteAccess[]> {
  const access = await Promise.all(
    sites.map(async (site) => ({ ...site, granted: await apis.contains([site.match]).catch(() => false) })),
  );
  const matches = [...new Set(access.filter((a) => a.granted).map((a) => a.match))].sort();
  const current = (await apis.registered()).find((s) => s.id === ADMIN_SITES_SCRIPT_ID);
  const same = current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(matches);
  if (same) return access;
  if (current) await apis.unregister([ADMIN_SITES_SCRIPT_ID]);
  if (matches.length > 0) {
    await apis.register({
      id: ADMIN_SITES_SCRIPT_ID,
      matches,
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  return access;
}
