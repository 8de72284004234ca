import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** /conversation/<id>/<number>: the id is internal, the number is what agents and customers quote. */
const CONVERSATION_PATH = /^\/conversation\/(\d+)(?:\/(\d+))?(?=\/|$)/;
const TITLE_SUFFIX = /\s[-|]\s[^-|]*Help Scout[^-|]*$/i;

const SUBJECT = [
  '[aria-label="Conversation Subject"]',
  '[data-cy="ConversationSubject"]',
  '.c-conversation-subject',
];
const NUMBER = ['[data-cy="ConversationNumber"]', '.c-conversation-number'];

/** The visible "#1234" badge as a bare number, or null. */
function visibleNumber(doc: Document): string | null {
  return /\d+/.exec(textOf(doc, NUMBER) ?? '')?.[0] ?? null;
}

/** Help Scout: conversation number (visible, else internal id) and subject. */
export default defineAdapter({
  site: 'helpscout',
  context(doc, url) {
    const match = CONVERSATION_PATH.exec(url.pathname);
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    const id = match?.[1];
    if (!match || !id) return notATicket('helpscout', url, pageTitle);
    // The number in the URL is the one on screen and is never stale after in-app navigation;
    // the badge is only consulted for the rare link that carries the id alone.
    const number = match[2] ?? visibleNumber(doc);
    return {
      site: 'helpscout',
      url: canonicalUrl(url, match[0]),
      title: textOf(doc, SUBJECT) ?? pageTitle,
      ticketId: number ?? id,
    };
  },
});
