/** Match patterns of the CRM hosts Earmark knows out of the box (content scripts run there). */
export const BUILTIN_CRM_MATCHES = ['https://*.zendesk.com/*'] as const;

/** Loopback origins: demo pages and local receivers (Chrome match patterns ignore the port). */
export const LOOPBACK_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;
