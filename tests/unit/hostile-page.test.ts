// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, type Adapter, type TicketContext } from '../../lib/sites/adapters';
import { generic } from '../../lib/sites/adapters/generic';
import { zendesk } from '../../lib/sites/adapters/zendesk';
import pages from '../fixtures/adapter-pages.json';
import { emptyDocument, loadFixture } from '../helpers/dom';

function adapterOf(site: string): Adapter {
  const adapter = [...ADAPTERS, generic].find((a) => a.site === site);
  if (!adapter) throw new Error(`adapter-pages.json names no adapter "${site}"`);
  return adapter;
}

/** Each adapter with a saved page it understands and a ticket URL for it (from its own tests). */
const PAGES: Array<[Adapter, string, string]> = pages.map((p) => [adapterOf(p.site), p.fixture, p.url]);

/** Right-to-left overrides, zero-width and combining characters, with no "<" of its own. */
const WEIRD = '\u202e\u200b\u200f\u2066Ticket \u0301\u0301 subject \ufeff\u200d\u00a0';
const MB = 1024 * 1024;

function hostileText(length: number): string {
  return WEIRD.repeat(Math.ceil(length / WEIRD.length)).slice(0, length);
}

/** Markup an attacker controls in a subject, a customer name or a comment. */
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
function poison(doc: Document): Document {
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
function nest(doc: Document, depth: number): Document {
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
function gut(doc: Document, keepEvery: number): Document {
  [...doc.querySelectorAll('body *')].forEach((e, i) => {
    if (i % keepEvery !== 0) e.remove();
  });
  return doc;
}

function expectTextOnly(adapter: Adapter, ctx: TicketContext) {
  expect(ctx.site).toBe(adapter.site);
  expect(ctx.url).toBeTypeOf('string');
  for (const field of ['title', 'ticketId', 'customer'] as const) {
    const value = ctx[field];
    if (value === null) continue;
    expect(value, field).toBeTypeOf('string');
    expect(value.length, field).toBeLessThanOrEqual(300);
    expect(value, field).not.toMatch(/<\s*[a-z!/]/i); // no markup survives as markup
    expect(value, field).not.toContain('onerror');
  }
}

function run(adapter: Adapter, doc: Document, url: string): TicketContext {
  let ctx: TicketContext | undefined;
  expect(() => {
    ctx = adapter.context(doc, new URL(url));
  }).not.toThrow();
  return ctx as TicketContext;
}

describe('adapters on hostile pages', { timeout: 60_000 }, () => {
  it('covers every built-in adapter', () => {
    const covered = new Set(PAGES.map(([a]) => a.site));
    for (const adapter of ADAPTERS) expect(covered, adapter.site).toContain(adapter.site);
  });

  describe.each(PAGES)('%s on %s', (adapter, fixture, url) => {
    it('reads the clean page as text only', () => {
      expectTextOnly(adapter, run(adapter, loadFixture(fixture), url));
    });

    it('caps 1 MB titles and subjects, keeps injected <script>/<img onerror> as text', () => {
      const doc = poison(loadFixture(fixture));
      const ctx = run(adapter, doc, url);
      expectTextOnly(adapter, ctx);
      expect((globalThis as { __earmarkPwned?: number }).__earmarkPwned).toBeUndefined();
    });

    it('survives 2 000 levels of nesting', () => {
      expectTextOnly(adapter, run(adapter, nest(loadFixture(fixture), 2_000), url));
    });

    it('survives missing nodes', () => {
      for (const keep of [2, 3, 7])
        expectTextOnly(adapter, run(adapter, gut(loadFixture(fixture), keep), url));
      expectTextOnly(adapter, run(adapter, emptyDocument(), url));
    });
  });

  it('a page with injected tags and RTL text in the subject yields plain, bounded text', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>${WEIRD}<script>x</script></title></head><body>
        <input data-test-id="omni-header-subject" value="&lt;img src=x onerror=alert(1)&gt;${WEIRD.repeat(100)}">
        <div data-test-id="ticket-system-field-requester-select"><img src=x onerror="alert(1)"><script>alert(1)</script>Jane\u200b Doe</div>
      </body></html>`,
      'text/html',
    );
    const ctx = run(zendesk, doc, 'https://acme.zendesk.com/agent/tickets/1');
    // The value attribute is text: its "<" is a character, never parsed as a tag.
    expect(ctx.title?.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(ctx.title?.length).toBeLessThanOrEqual(300);
    expect(ctx.customer).toBe('alert(1)Jane\u200b Doe');
  });
});
