import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

const TICKET_PATH = /^\/app\/ticket\/(\d+)(?=\/|$)/;
const TITLE_SUFFIX = /\s[-|]\s[^-|]*Gorgias[^-|]*$/i;

/** The ticket header; the ticket list beside it uses other markup. */
const SUBJECT = ['[data-testid="ticket-subject"]', '.ticket-header input[name="subject"]', '.ticket-subject'];

/** Gorgias helpdesk: ticket id from /app/ticket/<id>, subject from the ticket view. */
export default defineAdapter({
  site: 'gorgias',
  context(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!ticketId) return notATicket('gorgias', url, pageTitle);
    return {
      site: 'gorgias',
      url: canonicalUrl(url, `/app/ticket/${ticketId}`),
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
