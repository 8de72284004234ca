import type { SiteRule } from '../config/settings';

/** Id of the dynamically registered content script that covers admin-added sites. */
export const ADMIN_SITES_SCRIPT_ID = 'earmark-admin-sites';
/** The content script bundle WXT builds (same one the manifest declares for built-in CRMs). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** As the manifest's content script: the launcher starts loading an open sidebar during the parse. */
const RUN_AT = 'document_start';

/** The parts of chrome.scripting and chrome.permissions that registration uses. */
export interface RegistrationApis {
  contains(origins: string[]): Promise<boolean>;
  registered(): Promise<Array<{ id: string; matches?: string[]; runAt?: string }>>;
  register(script: {
    id: string;
    matches: string[];
    js: string[];
    runAt: typeof RUN_AT;
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
  // A registration from an older version (run at document_idle) is replaced too.
  const same =
    current &&
    current.runAt === RUN_AT &&
    JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(matches);
  if (same) return access;
  if (current) await apis.unregister([ADMIN_SITES_SCRIPT_ID]);
  if (matches.length > 0) {
    await apis.register({
      id: ADMIN_SITES_SCRIPT_ID,
      matches,
      js: [CONTENT_SCRIPT_FILE],
      runAt: RUN_AT,
      persistAcrossSessions: true,
    });
  }
  return access;
}
