import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

const TICKET_PATH = /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?=\/|$)/;
/** Older portals route in the fragment: /support/<portal>/ShowHomePage.do#Cases/dv/<id>. */
const LEGACY_HASH = /^#Cases\/dv\/(\d+)(?:\/|$)/;
const TITLE_SUFFIX = /\s[|-]\s[^|-]*Zoho Desk[^|-]*$/i;

/** The detail view sits beside the ticket list; the list's rows use other markup, so no scoping is needed. */
const SUBJECT = ['[data-id="ticketSubject"]', '[data-test-id="ticket-subject"]', '.zd-ticketdetail-subject'];

/** Zoho Desk (all data centres): ticket id from /agent/<portal>/<dept>/tickets/details/<id>. */
export default defineAdapter({
  site: 'zohodesk',
  context(doc, url) {
    const modern = TICKET_PATH.exec(url.pathname);
    const legacyId = modern ? null : (LEGACY_HASH.exec(url.hash)?.[1] ?? null);
    const ticketId = modern?.[1] ?? legacyId;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!ticketId) return notATicket('zohodesk', url, pageTitle);
    const link = modern
      ? canonicalUrl(url, modern[0])
      : `${canonicalUrl(url, url.pathname)}#Cases/dv/${ticketId}`;
    return {
      site: 'zohodesk',
      url: link,
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
