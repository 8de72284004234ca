// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, type Adapter, type TicketContext } from '../../lib/sites/adapters';
import { dynamics365 } from '../../lib/sites/adapters/dynamics365';
import { freshdesk } from '../../lib/sites/adapters/freshdesk';
import { front } from '../../lib/sites/adapters/front';
import { generic } from '../../lib/sites/adapters/generic';
import { gorgias } from '../../lib/sites/adapters/gorgias';
import { helpscout } from '../../lib/sites/adapters/helpscout';
import { hubspot } from '../../lib/sites/adapters/hubspot';
import { intercom } from '../../lib/sites/adapters/intercom';
import { kustomer } from '../../lib/sites/adapters/kustomer';
import { salesforce } from '../../lib/sites/adapters/salesforce';
import { servicenow } from '../../lib/sites/adapters/servicenow';
import { zendesk } from '../../lib/sites/adapters/zendesk';
import { zohodesk } from '../../lib/sites/adapters/zohodesk';
import { emptyDocument, loadFixture } from '../helpers/dom';

/** Each adapter with a saved page it understands and a ticket URL for it (from its own tests). */
const PAGES: Array<[Adapter, string, string]> = [
  [zendesk, 'zendesk-ticket.html', 'https://acme.zendesk.com/agent/tickets/4821'],
  [zendesk, 'zendesk-classic-tabs.html', 'https://acme.zendesk.com/agent/tickets/4822'],
  [
    salesforce,
    'salesforce-console.html',
    'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view',
  ],
  [freshdesk, 'freshdesk-ticket.html', 'https://acme.freshdesk.com/a/tickets/1042'],
  [hubspot, 'hubspot-ticket.html', 'https://app.hubspot.com/contacts/2139471/record/0-5/8812345'],
  [hubspot, 'hubspot-help-desk.html', 'https://app.hubspot.com/help-desk/2139471/view/3301/ticket/9901234'],
  [
    intercom,
    'intercom-conversation.html',
    'https://app.intercom.com/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345',
  ],
  [
    servicenow,
    'servicenow-incident.html',
    'https://acme.service-now.com/incident.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
  ],
  [
    dynamics365,
    'dynamics365-case.html',
    'https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  ],
  [
    zohodesk,
    'zohodesk-ticket.html',
    'https://desk.zoho.com/agent/acmelogistics/customer-care/tickets/details/361581000001234567/conversation',
  ],
  [helpscout, 'helpscout-conversation.html', 'https://secure.helpscout.net/conversation/2712345678/3187'],
  [front, 'front-conversation.html', 'https://app.frontapp.com/open/cnv_1x8kq2f'],
  [gorgias, 'gorgias-ticket.html', 'https://acme.gorgias.com/app/ticket/48213911'],
  [
    kustomer,
    'kustomer-timeline.html',
    'https://acme.kustomerapp.com/app/customers/65e0b3f1c2a4d5e6f7a8b9c0/event/6603d9b7e4b0f1e2d3c4b5a6',
  ],
  [generic, 'freshdesk-ticket.html', 'https://crm.example.com/tickets/1'],
];

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
