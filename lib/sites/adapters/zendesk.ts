import { canonicalUrl, textOf } from './dom';
import { cleanText, defineAdapter } from './types';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
/** Old classic (Lotus) links kept the route in the fragment: /agent/#/tickets/<n>. */
const TICKET_HASH = /^#\/tickets\/(\d+)(?:\/|$)/;

/**
 * Several tickets stay in the DOM as tabs, the background ones inside `.workspace` panes with
 * inline display:none; textOf skips those, so the focused ticket's subject wins.
 */
const SUBJECT = [
  'input[data-test-id="omni-header-subject"]',
  '[data-test-id="ticket-pane-subject"]',
  '.workspace .ticket_subject input[name="subject"]',
  '[data-test-id="header-tab"][aria-selected="true"] [data-test-id="header-tab-title"]',
];

/** "Views – Acme Support – Zendesk" → "Views": drops the product and account suffixes. */
function pageTitle(raw: string): string {
  const parts = raw.split(/\s[–-]\s/);
  if (parts.length > 1 && /zendesk/i.test(parts.at(-1) ?? '')) parts.pop();
  if (parts.length > 1) parts.pop();
  return parts.join(' – ');
}

/** Zendesk Support, Agent Workspace and classic: ticket id from the URL, subject of the focused tab. */
export default defineAdapter({
  site: 'zendesk',
  context(doc, url) {
    // The URL always names the focused tab, so it decides the id even when panes are stale.
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? TICKET_HASH.exec(url.hash)?.[1] ?? null;
    const title = textOf(doc, SUBJECT) ?? cleanText(pageTitle(doc.title ?? ''));
    const link = ticketId ? canonicalUrl(url, `/agent/tickets/${ticketId}`) : url.href;
    return { site: 'zendesk', url: link, title, ticketId };
  },
});
