import { type Adapter, cleanText } from './types';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

/** "Views – Acme Support – Zendesk" → "Views": drops the product and account suffixes. */
function pageTitle(raw: string): string {
  const parts = raw.split(/\s[–-]\s/);
  if (parts.length > 1 && /zendesk/i.test(parts.at(-1) ?? '')) parts.pop();
  if (parts.length > 1) parts.pop();
  return parts.join(' – ');
}

/** Zendesk Support (Agent Workspace): ticket id from /agent/tickets/<n>, title from the subject. */
export const zendesk: Adapter = {
  site: 'zendesk',
  matches: ['https://*.zendesk.com/*'],
  context(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    const subject =
      doc.querySelector<HTMLInputElement>('input[data-test-id="omni-header-subject"]')?.value ??
      doc.querySelector('[data-test-id="ticket-pane-subject"]')?.textContent;
    const title = cleanText(subject) ?? cleanText(pageTitle(doc.title));
    const customer = cleanText(
      doc.querySelector('[data-test-id="ticket-system-field-requester-select"]')?.textContent,
    );
    return { site: 'zendesk', url: url.href, title, ticketId, customer };
  },
};
