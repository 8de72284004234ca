import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** Record ids are 15 characters (case-sensitive) or 18 (with a case-safe checksum). */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
/** /lightning/r/<Object>/<id>/view (or /related/…), and the short form /lightning/r/<id>/view. */
const LIGHTNING_RECORD = new RegExp(`^/lightning/r/(?:(\\w+)/)?(${RECORD_ID})(?:/|$)`);
/** Salesforce Classic record pages are just /<id>. */
const CLASSIC_RECORD = new RegExp(`^/(${RECORD_ID})/?$`);
const TITLE_SUFFIX = /\s\|\s(?:Salesforce|Lightning Experience)$/;

/** Console workspace and subtab links; each controls the panel that holds its record. */
const CONSOLE_TABS =
  '.tabBarItems [role="tab"][aria-controls], .oneConsoleTabItem [role="tab"][aria-controls]';
/** Console keeps every open tab's page in the DOM and marks only the focused one active. */
const ACTIVE_PANEL = 'section.tabContent.active, .oneConsoleTab.active, .oneContent.active';

const SUBJECT = [
  '[data-target-selection-name$=".Subject"] lightning-formatted-text',
  '[data-target-selection-name$=".Name"] lightning-formatted-text',
  'records-highlights2 [slot="primaryField"]',
];

function recordFromPath(path: string): { id: string; path: string } | null {
  const lightning = LIGHTNING_RECORD.exec(path);
  if (lightning?.[2]) {
    const object = lightning[1] ? `${lightning[1]}/` : '';
    return { id: lightning[2], path: `/lightning/r/${object}${lightning[2]}/view` };
  }
  const classic = CLASSIC_RECORD.exec(path);
  return classic?.[1] ? { id: classic[1], path: `/${classic[1]}` } : null;
}

/**
 * The panel of the focused console tab. The tab whose link names the URL's record wins (the
 * URL follows focus immediately), then the tab marked selected, then the panel marked active;
 * outside the console there is a single page and the whole document is the panel.
 */
function focusedPanel(doc: Document, recordId: string): ParentNode {
  const tabs = [...doc.querySelectorAll(CONSOLE_TABS)];
  const tab =
    tabs.find((t) => t.getAttribute('href')?.includes(recordId)) ??
    tabs.find((t) => t.getAttribute('aria-selected') === 'true');
  const panelId = tab?.getAttribute('aria-controls');
  const panel = panelId ? doc.getElementById(panelId) : null;
  return panel ?? doc.querySelector(ACTIVE_PANEL) ?? doc;
}

/** Salesforce Lightning (standard and Service Console) and Classic: record id and subject. */
export default defineAdapter({
  site: 'salesforce',
  context(doc, url) {
    const record = recordFromPath(url.pathname);
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!record) return notATicket('salesforce', url, pageTitle);
    const panel = focusedPanel(doc, record.id);
    return {
      site: 'salesforce',
      url: canonicalUrl(url, record.path),
      title: textOf(panel, SUBJECT) ?? pageTitle,
      ticketId: record.id,
    };
  },
});
