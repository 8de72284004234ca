import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/**
 * /a/inbox/<app>/inbox/<view…>/conversation/<id> (current inbox) and
 * /a/apps/<app>/inbox/<view…>/conversations/<id> (older links, still redirected).
 */
const CONVERSATION_PATH = /^\/a\/(?:inbox|apps)\/[^/]+\/inbox\/(?:[^/]+\/)*?conversations?\/(\d+)(?=\/|$)/;
const TITLE_SUFFIX = /\s\|\s[^|]*Intercom[^|]*$/i;

/**
 * Only the open conversation's pane is read: the conversation list beside it repeats other
 * customers' names and subjects, so generic "title" selectors would pick the wrong one.
 */
const PANE = '[data-conversation-pane], .conversation__card, .inbox2__conversation-container';
const SUBJECT = ['[data-conversation-title]', '.inbox__card__header__title', '.conversation__title'];

/** Intercom inbox: conversation id from the URL, title from the open conversation. */
export default defineAdapter({
  site: 'intercom',
  context(doc, url) {
    const match = CONVERSATION_PATH.exec(url.pathname);
    const ticketId = match?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!match || !ticketId) return notATicket('intercom', url, pageTitle);
    const pane = doc.querySelector(PANE);
    return {
      site: 'intercom',
      url: canonicalUrl(url, match[0]),
      title: textOf(pane, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
