import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** Shareable links: /open/cnv_<id>. */
const OPEN_PATH = /^\/open\/(cnv_[a-z0-9]+)(?=\/|$)/i;
/** In an inbox the conversation follows the folder state: /inboxes/…/unassigned/<id>, …/open/<id>. */
const INBOX_PATH =
  /^\/inboxes\/(?:[^/]+\/)*?(?:open|unassigned|assigned|archived|snoozed|trash|spam|all)\/(cnv_[a-z0-9]+|\d+)(?=\/|$)/i;
const TITLE_SUFFIX = /\s[-|]\s(?:Front)$/;

/**
 * Front's class names are generated (styled-components) with a stable component prefix and a
 * changing hash, so these match on the prefix only.
 */
const SUBJECT = [
  '[class*="conversationSubjectWrapper__StyledSubject"]',
  '[data-testid="conversation-subject"]',
];

/** Front: conversation id from /open/<cnv_…> or an inbox path; subject of the open conversation. */
export default defineAdapter({
  site: 'front',
  context(doc, url) {
    const match = OPEN_PATH.exec(url.pathname) ?? INBOX_PATH.exec(url.pathname);
    const ticketId = match?.[1] ?? null;
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!match || !ticketId) return notATicket('front', url, pageTitle);
    // cnv_ ids have a stable /open/ link; numeric inbox ids only mean something under their path.
    const link = ticketId.startsWith('cnv_')
      ? canonicalUrl(url, `/open/${ticketId}`)
      : canonicalUrl(url, match[0]);
    return {
      site: 'front',
      url: link,
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId,
    };
  },
});
