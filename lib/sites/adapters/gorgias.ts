import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import type { Adapter } from './types';

const TICKET_PATH = /^\/app\/ticket\/(\d+)(?=\/|$)/;
const TITLE_SUFFIX = /\s[-|]\s[^-|]*Gorgias[^-|]*$/i;

/** Ticket header and customer infobar; the ticket list beside them uses other markup. */
const SUBJECT = ['[data-testid="ticket-subject"]', '.ticket-header input[name="subject"]', '.ticket-subject'];
const CUSTOMER = [
  '[data-testid="infobar-customer-name"]',
  '.infobar .customer-name',
  '[data-testid="customer-name"]',
];

/** Gorgias helpdesk: ticket id from /app/ticket/<id>, subject and customer from the ticket view. */
export const gorgias: Adapter = {
  site: 'gorgias',
  matches: ['https://*.gorgias.com/*'],
  context(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!ticketId) return notATicket('gorgias', url, pageTitle);
    return {
      site: 'gorgias',
      url: canonicalUrl(url, `/app/ticket/${ticketId}`),
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
      customer: textOf(doc, CUSTOMER),
    };
  },
};
