/**
 * Match patterns of the CRM hosts Earmark knows out of the box (content scripts run there).
 * Kept as literals so the manifest build does not load adapter code; a unit test checks they
 * equal the union of the adapters' own patterns.
 */
export const BUILTIN_CRM_MATCHES = [
  'https://*.zendesk.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.freshdesk.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app.intercom.com/*',
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
  'https://*.service-now.com/*',
  'https://*.servicenowservices.com/*',
  'https://*.dynamics.com/*',
  'https://desk.zoho.com/*',
  'https://desk.zoho.eu/*',
  'https://desk.zoho.in/*',
  'https://desk.zoho.com.au/*',
  'https://desk.zoho.jp/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://*.gorgias.com/*',
  'https://*.kustomerapp.com/*',
] as const;

/** Loopback origins: demo pages and local receivers (Chrome match patterns ignore the port). */
export const LOOPBACK_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;
