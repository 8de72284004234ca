import { describe, expect, it } from 'vitest';
import { type Adapter, adapterFor } from '../../lib/sites/adapters';
import { emptyDocument, loadFixture } from './dom';
import { expectTextOnly, gut, nest, poison, run } from './hostile-page';

/** A saved page an adapter understands (tests/fixtures/<fixture>) and a ticket URL it was saved from. */
export interface ContractPage {
  fixture: string;
  url: string;
}

/** Documents no CRM serves: an adapter must still answer, with capped text. */
const ODD_DOCUMENTS: [string, () => Document][] = [
  ['empty', () => new DOMParser().parseFromString('', 'text/html')],
  ['XML', () => new DOMParser().parseFromString('<root><title>x</title></root>', 'application/xml')],
  [
    'hostile',
    () =>
      new DOMParser().parseFromString(
        `<title>${'t'.repeat(5000)}</title><iframe id="gsft_main"></iframe><input name="sys_target" value="../x">
         <ul class="tabBarItems"><li><a role="tab" aria-controls="" aria-selected="true" href="/"></a></li></ul><div hidden><p>${'x'.repeat(5000)}</p></div>`,
        'text/html',
      ),
  ],
];

/**
 * What every adapter must do, run from its own fixture test (tests/unit/adapters/<site>.test.ts)
 * so a new CRM brings its checks along: it is chosen for its URLs, reads its saved pages as
 * bounded plain text with no field beyond site, URL, title and ticket id, and survives hostile,
 * deeply nested, gutted and odd documents without throwing.
 */
export function describeAdapterContract(adapter: Adapter, pages: readonly ContractPage[]) {
  describe(`${adapter.site} adapter contract`, { timeout: 60_000 }, () => {
    it('has pages to check', () => {
      expect(pages.length).toBeGreaterThan(0);
    });

    describe.each(pages)('on $fixture at $url', ({ fixture, url }) => {
      it('is the adapter chosen for the URL', () => {
        expect(adapterFor(new URL(url)).site).toBe(adapter.site);
      });

      it('reads the clean page as text only', () => {
        expectTextOnly(adapter, run(adapter, loadFixture(fixture), url));
      });

      it('caps 1 MB titles and subjects, keeps injected <script>/<img onerror> as text', () => {
        const ctx = run(adapter, poison(loadFixture(fixture)), url);
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

      it.each(ODD_DOCUMENTS)('never throws on an %s document and caps copied text', (_, makeDocument) => {
        const ctx = run(adapter, makeDocument(), url);
        expect(ctx.title?.length ?? 0).toBeLessThanOrEqual(300);
        expectTextOnly(adapter, ctx);
      });
    });
  });
}
