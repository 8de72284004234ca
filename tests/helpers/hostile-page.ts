import { expect } from 'vitest';
import type { Adapter, TicketContext } from '../../lib/sites/adapters';

// A hostile or broken CRM page, made from a saved fixture: huge text, injected tags, deep nesting,
// missing nodes. Used by every adapter's contract (tests/helpers/adapter-contract.ts).

/** Right-to-left overrides, zero-width and combining characters, with no "<" of its own. */
export const WEIRD = '\u202e\u200b\u200f\u2066Ticket \u0301\u0301 subject \ufeff\u200d\u00a0';
const MB = 1024 * 1024;

function hostileText(length: number): string {
  return WEIRD.repeat(Math.ceil(length / WEIRD.length)).slice(0, length);
}

/** Markup an attacker controls in a subject, a name or a comment. */
function injectMarkup(doc: Document, into: Element) {
  const script = doc.createElement('script');
  script.textContent = 'window.__earmarkPwned = 1';
  const img = doc.createElement('img');
  img.setAttribute('src', 'x');
  img.setAttribute('onerror', 'window.__earmarkPwned = 1');
  const bold = doc.createElement('b');
  bold.textContent = 'bold';
  into.append(script, img, bold);
}

/** Every leaf element (text only, no element children) gets huge hostile text plus injected tags. */
export function poison(doc: Document): Document {
  doc.title = hostileText(MB);
  const leaves = [...doc.querySelectorAll('body *')].filter(
    (e) => e.children.length === 0 && !['SCRIPT', 'STYLE'].includes(e.tagName),
  );
  leaves.forEach((leaf, index) => {
    const size = index < 5 ? MB : 20_000;
    if (leaf.tagName === 'INPUT' || leaf.tagName === 'TEXTAREA') {
      leaf.setAttribute('value', hostileText(size));
      (leaf as HTMLInputElement).value = hostileText(size);
    } else {
      leaf.textContent = hostileText(size);
      injectMarkup(doc, leaf);
    }
  });
  return doc;
}

/** The body wrapped in `depth` nested elements, with a hostile leaf at the bottom. */
export function nest(doc: Document, depth: number): Document {
  let inner: Element = doc.createElement('div');
  const root = inner;
  for (let i = 1; i < depth; i++) {
    const child = doc.createElement(i % 2 ? 'span' : 'div');
    inner.append(child);
    inner = child;
  }
  inner.append(...doc.body.childNodes);
  injectMarkup(doc, inner);
  doc.body.append(root);
  return doc;
}

/** Every other element removed: the nodes adapters look for may simply be missing. */
export function gut(doc: Document, keepEvery: number): Document {
  [...doc.querySelectorAll('body *')].forEach((e, i) => {
    if (i % keepEvery !== 0) e.remove();
  });
  return doc;
}

/** The fields a ticket context may carry: site, URL, title and ticket id (docs/privacy.md). */
export const CONTEXT_FIELDS = ['site', 'url', 'title', 'ticketId'];

/** A context of this adapter's site with bounded plain text only, and no field beyond CONTEXT_FIELDS. */
export function expectTextOnly(adapter: Adapter, ctx: TicketContext) {
  expect(ctx.site).toBe(adapter.site);
  expect(ctx.url).toBeTypeOf('string');
  expect(Object.keys(ctx).sort()).toEqual([...CONTEXT_FIELDS].sort());
  for (const field of ['title', 'ticketId'] as const) {
    const value = ctx[field];
    if (value === null) continue;
    expect(value, field).toBeTypeOf('string');
    expect(value.length, field).toBeLessThanOrEqual(300);
    expect(value, field).not.toMatch(/<\s*[a-z!/]/i); // no markup survives as markup
    expect(value, field).not.toContain('onerror');
  }
}

/** The adapter's context for a document and URL, asserting it does not throw. */
export function run(adapter: Adapter, doc: Document, url: string): TicketContext {
  let ctx: TicketContext | undefined;
  expect(() => {
    ctx = adapter.context(doc, new URL(url));
  }).not.toThrow();
  return ctx as TicketContext;
}
