import { canonicalUrl, notATicket, shownText, titleWithout } from './dom';
import { cleanText, defineAdapter } from './types';

const SYS_ID = /^[0-9a-f]{32}$/;
/** Workspaces: /now/workspace/agent/record/<table>/<sys_id>, /now/cwf/agent/record/…, /now/sow/record/…. */
const WORKSPACE_RECORD = /^\/now\/(?:[\w-]+\/)+?record\/(\w+)\/([0-9a-f]{32})(?=\/|$)/;
/** Next Experience wraps classic forms as /now/nav/ui/classic/params/target/<encoded form URL>. */
const NEXT_CLASSIC = /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/;
const CLASSIC_FORM = /^\/(\w+)\.do$/;
/** Task numbers: a table prefix and at least seven digits (INC0010023, CS0001042, RITM0012345). */
const RECORD_NUMBER = /\b[A-Z]{2,8}\d{7,}\b/;
const TITLE_SUFFIX = /\s\|\s[^|]*$/;

interface FormRecord {
  table: string;
  sysId: string;
  number: string | null;
  shortDescription: string | null;
}

/** A same-origin URL named inside another one (nav_to.do?uri=…); null for anything else. */
function innerUrl(target: string | null, base: URL): URL | null {
  if (!target) return null;
  try {
    const inner = new URL(target, base.origin);
    return inner.origin === base.origin ? inner : null;
  } catch {
    return null;
  }
}

/** Which classic form record a URL names: directly, via nav_to.do?uri=, or via the Next Experience wrapper. */
function formFromUrl(url: URL): { table: string; sysId: string } | null {
  let target: URL | null = url;
  if (url.pathname === '/nav_to.do') target = innerUrl(url.searchParams.get('uri'), url);
  const wrapped = NEXT_CLASSIC.exec(url.pathname)?.[1];
  if (wrapped) {
    try {
      target = innerUrl(decodeURIComponent(wrapped), url);
    } catch {
      target = null;
    }
  }
  const table = target && CLASSIC_FORM.exec(target.pathname)?.[1];
  const sysId = target?.searchParams.get('sys_id');
  return table && sysId && SYS_ID.test(sysId) ? { table, sysId } : null;
}

/**
 * The classic content frame's document. Page-controlled and possibly cross-origin or not yet
 * loaded, so every step is guarded and any failure means "no frame".
 */
function contentFrame(doc: Document): Document | null {
  try {
    return doc.querySelector<HTMLIFrameElement>('iframe#gsft_main')?.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The record a classic form shows, from the hidden fields every form carries. */
function formRecord(doc: Document | null): FormRecord | null {
  if (!doc) return null;
  const table = shownText(doc.querySelector('input[name="sys_target"]'));
  const sysId = shownText(doc.querySelector('input[name="sys_uniqueValue"]'));
  if (!table || !/^\w+$/.test(table) || !sysId || !SYS_ID.test(sysId)) return null;
  const field = (name: string) =>
    shownText(doc.getElementById(`${table}.${name}`)) ??
    shownText(doc.getElementById(`sys_readonly.${table}.${name}`));
  return {
    table,
    sysId,
    number: field('number'),
    shortDescription: field('short_description'),
  };
}

/** ServiceNow: workspace records and classic forms (also inside nav_to.do's gsft_main frame). */
export default defineAdapter({
  site: 'servicenow',
  context(doc, url) {
    const pageTitle = titleWithout(doc, TITLE_SUFFIX);
    const workspace = WORKSPACE_RECORD.exec(url.pathname);
    if (workspace?.[2]) {
      // Workspace forms live in shadow DOM a saved page cannot show; the tab title names the record.
      const number = RECORD_NUMBER.exec(pageTitle ?? '')?.[0] ?? null;
      const rest = cleanText(pageTitle?.replace(RECORD_NUMBER, '').replace(/^\s*[-–:|]\s*/, ''));
      const ticketId = number ?? workspace[2];
      return {
        site: 'servicenow',
        url: canonicalUrl(url, workspace[0]),
        title: rest ?? pageTitle,
        ticketId,
      };
    }
    const named = formFromUrl(url);
    const shown = formRecord(contentFrame(doc)) ?? formRecord(doc);
    // The URL changes first when the agent opens another record; a form still showing a
    // different one is mid-load, so its fields would describe the wrong ticket.
    const current = shown && (!named || named.sysId === shown.sysId) ? shown : null;
    const ref = named ?? current;
    if (!ref) return notATicket('servicenow', url, pageTitle);
    return {
      site: 'servicenow',
      url: canonicalUrl(url, `/${ref.table}.do`, { sys_id: ref.sysId }),
      title: current?.shortDescription ?? pageTitle,
      ticketId: current?.number ?? ref.sysId,
    };
  },
});
