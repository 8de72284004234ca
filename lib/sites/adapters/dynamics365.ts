import { canonicalUrl, notATicket, textOf, titleWithout } from './dom';
import { defineAdapter } from './types';

/** Record ids are GUIDs, often wrapped in braces ({…} or %7B…%7D) in links. */
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const ENTITY_NAME = /^[a-z][a-z0-9_]{0,63}$/i;
const TITLE_SUFFIX = /\s[-|:]\s(?:[^-|:]*Dynamics 365[^-|:]*|Customer Service[^-|:]*)$/i;

/**
 * Multisession apps keep background sessions' forms in the DOM hidden inline; textOf skips
 * them. The case title field comes first because the header title carries a save-state suffix.
 */
const TITLE = [
  'input[data-id="title.fieldControl-text-box-text"]',
  '[data-id="header_title"]',
  'h1[data-id="form-header-title"]',
];

/** Dynamics 365 Customer Service (Unified Interface): record from main.aspx?pagetype=entityrecord&etn=…&id=…. */
export default defineAdapter({
  site: 'dynamics365',
  context(doc, url) {
    const params = url.searchParams;
    const entity = params.get('etn') ?? '';
    const id = GUID.exec(params.get('id') ?? '')?.[1]?.toLowerCase() ?? null;
    const pageType = params.get('pagetype');
    const isRecord = url.pathname.endsWith('/main.aspx') && (pageType ?? 'entityrecord') === 'entityrecord';
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    if (!isRecord || !id || !ENTITY_NAME.test(entity)) {
      return notATicket('dynamics365', url, pageTitle);
    }
    // Only the record's identity survives: appid, forms and navigation state are per-user noise.
    const link = canonicalUrl(url, url.pathname, { pagetype: 'entityrecord', etn: entity, id });
    return {
      site: 'dynamics365',
      url: link,
      title: textOf(doc, TITLE) ?? pageTitle,
      ticketId: id,
    };
  },
});
