import { type Adapter, cleanText } from './types';

/** Any page an admin adds: the page title and URL, no ticket id. */
export const generic: Adapter = {
  site: 'generic',
  matches: ['<all_urls>'],
  context(doc, url) {
    return { site: 'generic', url: url.href, title: cleanText(doc.title), ticketId: null, customer: null };
  },
};
