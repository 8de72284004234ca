// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Site } from '../../lib/schema';
import { ADAPTERS, adapterFor } from '../../lib/sites/adapters';
import zendesk from '../../lib/sites/adapters/zendesk';
import { BUILTIN_CRM_MATCHES } from '../../lib/sites/registry';
import { loadFixture } from '../helpers/dom';

/**
 * Ticket URLs of the built-in CRMs' host shapes, and hosts that must fall through to generic.
 * Each adapter's own test also checks that it is chosen for its pages (tests/helpers/adapter-contract.ts).
 */
const SAMPLE_URLS: [string, Site][] = [
  ['https://acme.zendesk.com/agent/tickets/1', 'zendesk'],
  ['https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view', 'salesforce'],
  ['https://acme.my.salesforce.com/500Hs00001XyZab', 'salesforce'],
  ['https://acme.freshdesk.com/a/tickets/1042', 'freshdesk'],
  ['https://app.hubspot.com/contacts/2139471/record/0-5/8812345', 'hubspot'],
  ['https://app-eu1.hubspot.com/help-desk/2139471/view/3301/ticket/9901234', 'hubspot'],
  [
    'https://app.intercom.com/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345',
    'intercom',
  ],
  [
    'https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3Da1b2c3d4e5f60718293a4b5c6d7e8f90',
    'servicenow',
  ],
  [
    'https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'dynamics365',
  ],
  ['https://desk.zoho.com.au/agent/acme/support/tickets/details/361581000001234567', 'zohodesk'],
  ['https://secure.helpscout.net/conversation/2712345678/3187', 'helpscout'],
  ['https://app.frontapp.com/open/cnv_1x8kq2f', 'front'],
  ['https://acme.gorgias.com/app/ticket/48213911', 'gorgias'],
  ['https://acme.kustomerapp.com/app/conversations/6603d9b7e4b0f1e2d3c4b5a6', 'kustomer'],
  ['https://example.org/tickets/1', 'generic'],
  ['http://localhost:3000/', 'generic'],
  ['https://zendesk.com.evil.example/agent/tickets/1', 'generic'],
  ['http://acme.zendesk.com/agent/tickets/1', 'generic'],
  ['https://www.hubspot.com/products/service', 'generic'],
];

describe('adapter selection', () => {
  it.each(SAMPLE_URLS)('%s → %s', (href, site) => {
    expect(adapterFor(new URL(href)).site).toBe(site);
  });
});

describe('built-in match patterns', () => {
  it.each(BUILTIN_CRM_MATCHES)('%s is a valid Chrome match pattern', (pattern) => {
    expect(() => new MatchPattern(pattern)).not.toThrow();
    // Stricter than MatchPattern: https only, no port, a wildcard only as the leading label.
    expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
  });

  it('are exactly the union of the adapters’ own patterns', () => {
    const fromAdapters = new Set(ADAPTERS.flatMap((a) => a.matches));
    expect(new Set(BUILTIN_CRM_MATCHES)).toEqual(fromAdapters);
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
