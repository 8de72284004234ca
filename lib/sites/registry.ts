// The one list of the CRMs Earmark reads out of the box: site id, name and pages. It is plain data
// with no imports because the places that need it must not load adapter (DOM) code or zod: the
// item contract (lib/schema.ts, shared with server/), the manifest build (wxt.config.ts, in Node)
// and the background's context menus. How a CRM's page is read lives in
// lib/sites/adapters/<site id>.ts, which lib/sites/adapters/index.ts finds by that id.
// Adding a CRM: one entry here and its adapter file (docs/adding-a-crm.md).

/** What Earmark knows about a CRM without reading its pages: its name and where it lives. */
export interface SiteEntry {
  /** The name people know it by (the options page lists adapters by it). */
  label: string;
  /** Chrome match patterns of its pages: https, one host (a leading `*.` at most), any path. */
  matches: readonly string[];
}

/**
 * The built-in CRMs by site id. A URL goes to the first whose patterns match, so an entry with
 * narrower patterns must come before a broader one that also covers its pages.
 */
export const CRMS = {
  zendesk: { label: 'Zendesk', matches: ['https://*.zendesk.com/*'] },
  salesforce: {
    label: 'Salesforce',
    matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  },
  freshdesk: { label: 'Freshdesk', matches: ['https://*.freshdesk.com/*'] },
  hubspot: { label: 'HubSpot', matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] },
  intercom: {
    label: 'Intercom',
    matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  },
  servicenow: {
    label: 'ServiceNow',
    matches: ['https://*.service-now.com/*', 'https://*.servicenowservices.com/*'],
  },
  dynamics365: { label: 'Dynamics 365', matches: ['https://*.dynamics.com/*'] },
  zohodesk: {
    label: 'Zoho Desk',
    matches: [
      'https://desk.zoho.com/*',
      'https://desk.zoho.eu/*',
      'https://desk.zoho.in/*',
      'https://desk.zoho.com.au/*',
      'https://desk.zoho.jp/*',
    ],
  },
  helpscout: { label: 'Help Scout', matches: ['https://secure.helpscout.net/*'] },
  front: { label: 'Front', matches: ['https://app.frontapp.com/*'] },
  gorgias: { label: 'Gorgias', matches: ['https://*.gorgias.com/*'] },
  kustomer: { label: 'Kustomer', matches: ['https://*.kustomerapp.com/*'] },
} as const satisfies Record<string, SiteEntry>;

/** Site id of a built-in CRM. */
export type CrmId = keyof typeof CRMS;

/** Pages no built-in CRM covers (sites an admin adds): read for their title and URL only. */
export const GENERIC: SiteEntry = { label: 'Generic (page title and URL)', matches: ['<all_urls>'] };

/** Built-in CRM ids in registry order. */
export const CRM_IDS = Object.keys(CRMS) as CrmId[];

/** Every site id an item can carry (the item contract's `source.site`): the CRMs, then generic. */
export const SITE_IDS: readonly (CrmId | 'generic')[] = [...CRM_IDS, 'generic'];

/** A site id: a built-in CRM or generic. */
export type SiteId = (typeof SITE_IDS)[number];

/** The registry entry of a site id. */
export function siteEntry(site: SiteId): SiteEntry {
  return site === 'generic' ? GENERIC : CRMS[site];
}

/** Match patterns of every built-in CRM (the content script runs there). */
export const BUILTIN_CRM_MATCHES: readonly string[] = CRM_IDS.flatMap((id) => CRMS[id].matches);

/** Loopback origins: demo pages and local receivers (Chrome match patterns ignore the port). */
export const LOOPBACK_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;
