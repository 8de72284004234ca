import { cleanText, defineAdapter } from './types';

/** Any page an admin adds: the page title and URL, no ticket id. */
export default defineAdapter({
  site: 'generic',
  context(doc, url) {
    return { site: 'generic', url: url.href, title: cleanText(doc.title), ticketId: null };
  },
});
