import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** A customer's timeline with one conversation open: /app/customers/<customerId>/event/<conversationId>. */
const CUSTOMER_EVENT = /^\/app\/customers\/([a-zA-Z0-9]+)\/event\/([a-zA-Z0-9]+)(?=\/|$)/;
const CONVERSATION = /^\/app\/conversations\/([a-zA-Z0-9]+)(?=\/|$)/;
const TITLE_SUFFIX = /\s[-|]\s[^-|]*Kustomer[^-|]*$/i;

/**
 * The timeline lists every conversation of the customer, so the name is read only from the
 * item carrying the URL's conversation id.
 */
const SUBJECT = ['[data-kt="conversationName"]', '.conversation-header__name'];

/** Kustomer: conversation id from the customer timeline or conversation route, and its name. */
export default defineAdapter({
  site: 'kustomer',
  context(doc, url) {
    const event = CUSTOMER_EVENT.exec(url.pathname);
    const match = event ?? CONVERSATION.exec(url.pathname);
    const ticketId = (event ? event[2] : match?.[1]) ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!match || !ticketId) return notATicket('kustomer', url, pageTitle);
    const items = [...doc.querySelectorAll('[data-conversation-id]')];
    // With a timeline but no item for this id, the conversation has not rendered yet: any
    // other item's name would be the wrong ticket, so fall back to the page title.
    const scope = items.length
      ? items.find((el) => el.getAttribute('data-conversation-id') === ticketId)
      : doc;
    return {
      site: 'kustomer',
      url: canonicalUrl(url, match[0]),
      title: textOf(scope, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
