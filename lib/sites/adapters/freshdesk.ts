import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

const TICKET_PATH = /^\/a\/tickets\/(\d+)(?:\/|$)/;
/** "Billing export is empty : Acme Support" → the part before the helpdesk name. */
const TITLE_SUFFIX = /\s:\s[^:]*$/;

/** The ticket header comes first so the ticket list or merge dialogs never supply the title. */
const SUBJECT = [
  '.ticket-details-header .ticket-subject-heading',
  '[data-test-id="ticket-subject"]',
  '.ticket-subject-heading',
];

/** Freshdesk agent portal: ticket number from /a/tickets/<n>, subject from the ticket view. */
export default defineAdapter({
  site: 'freshdesk',
  context(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!ticketId) return notATicket('freshdesk', url, pageTitle);
    return {
      site: 'freshdesk',
      url: canonicalUrl(url, `/a/tickets/${ticketId}`),
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
