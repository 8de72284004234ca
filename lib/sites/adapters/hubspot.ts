import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** CRM ticket records: /contacts/<portal>/ticket/<id> and the newer /contacts/<portal>/record/0-5/<id>. */
const RECORD_PATH = /^\/contacts\/\d+\/(?:ticket|record\/0-5)\/(\d+)(?=\/|$)/;
/** Help desk: /help-desk/<portal>/view/<view>/ticket/<id>, with or without the view segment. */
const HELP_DESK_PATH = /^\/help-desk\/\d+\/(?:[^/]+\/)*?ticket\/(\d+)(?=\/|$)/;
const TITLE_SUFFIX = /\s\|\s[^|]*HubSpot[^|]*$/i;

const SUBJECT = [
  '[data-test-id="sticky-subject-header"]',
  '[data-selenium-test="highlightTitle"]',
  '[data-test-id="ticket-subject"]',
];

/** HubSpot Service Hub: ticket records and the help desk workspace on app(-eu1).hubspot.com. */
export default defineAdapter({
  site: 'hubspot',
  context(doc, url) {
    const match = RECORD_PATH.exec(url.pathname) ?? HELP_DESK_PATH.exec(url.pathname);
    const ticketId = match?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!match || !ticketId) return notATicket('hubspot', url, pageTitle);
    return {
      site: 'hubspot',
      url: canonicalUrl(url, match[0]),
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
