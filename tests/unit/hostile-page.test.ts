// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import zendesk from '../../lib/sites/adapters/zendesk';
import { CONTEXT_FIELDS, run, WEIRD } from '../helpers/hostile-page';

// Each adapter runs the hostile-page checks (1 MB text, injected tags, deep nesting, missing
// nodes) on its own saved pages from its fixture test, through tests/helpers/adapter-contract.ts;
// tests/unit/adapters/registry.test.ts checks that every adapter's test does.

describe('adapters on hostile pages', () => {
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
    // The requester's name is on the page but not in the context (docs/privacy.md).
    expect(Object.keys(ctx).sort()).toEqual([...CONTEXT_FIELDS].sort());
    expect(JSON.stringify(ctx)).not.toContain('Jane');
  });
});
