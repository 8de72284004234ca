// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/adapters';
import { generic } from '../../lib/adapters/generic';
import { zendesk } from '../../lib/adapters/zendesk';

function loadFixture(name: string): Document {
  const html = readFileSync(resolve('tests/fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('adapter selection', () => {
  it('picks zendesk for *.zendesk.com and generic elsewhere', () => {
    expect(adapterFor(new URL('https://acme.zendesk.com/agent/tickets/1')).site).toBe('zendesk');
    expect(adapterFor(new URL('https://example.org/tickets/1')).site).toBe('generic');
    expect(adapterFor(new URL('http://localhost:3000/')).site).toBe('generic');
  });
});

describe('zendesk adapter', () => {
  const doc = loadFixture('zendesk-ticket.html');

  it('reads ticket id and subject from an Agent Workspace ticket', () => {
    const ctx = zendesk.context(doc, new URL('https://acme.zendesk.com/agent/tickets/4821'));
    expect(ctx).toEqual({
      site: 'zendesk',
      url: 'https://acme.zendesk.com/agent/tickets/4821',
      title: 'Export to CSV keeps timing out',
      ticketId: '4821',
      customer: 'Jane Doe',
    });
  });

  it('follows the URL (SPA navigation) rather than stale page state', () => {
    expect(zendesk.context(doc, new URL('https://acme.zendesk.com/agent/tickets/99/events')).ticketId).toBe(
      '99',
    );
  });

  it('has no ticket id off ticket pages and falls back to the page title', () => {
    const empty = new DOMParser().parseFromString('<title>Views – Acme – Zendesk</title>', 'text/html');
    const ctx = zendesk.context(empty, new URL('https://acme.zendesk.com/agent/filters/1'));
    expect(ctx).toMatchObject({ ticketId: null, title: 'Views' });
  });

  it('limits text copied from the page', () => {
    const long = new DOMParser().parseFromString(
      `<input data-test-id="omni-header-subject" value="${'x'.repeat(5000)}">`,
      'text/html',
    );
    expect(zendesk.context(long, new URL('https://a.zendesk.com/agent/tickets/1')).title).toHaveLength(300);
  });
});

describe('generic adapter', () => {
  it('uses the page title and no ticket id', () => {
    const doc = new DOMParser().parseFromString('<title>  Case   12 </title>', 'text/html');
    expect(generic.context(doc, new URL('https://crm.example/case/12'))).toEqual({
      site: 'generic',
      url: 'https://crm.example/case/12',
      title: 'Case 12',
      ticketId: null,
      customer: null,
    });
  });
});
