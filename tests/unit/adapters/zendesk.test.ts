// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import zendesk from '../../../lib/sites/adapters/zendesk';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { loadFixture } from '../../helpers/dom';

const HOST = 'https://acme.zendesk.com';

describe('zendesk adapter', () => {
  it('reads an Agent Workspace ticket', () => {
    const ctx = zendesk.context(loadFixture('zendesk-ticket.html'), new URL(`${HOST}/agent/tickets/4821`));
    expect(ctx).toEqual({
      site: 'zendesk',
      url: `${HOST}/agent/tickets/4821`,
      title: 'Export to CSV keeps timing out',
      ticketId: '4821',
    });
  });

  describe('classic interface with several ticket tabs', () => {
    const doc = loadFixture('zendesk-classic-tabs.html');

    it('reads the focused workspace, skipping the hidden tab that comes first in the DOM', () => {
      const ctx = zendesk.context(doc, new URL(`${HOST}/agent/tickets/4822?locale=en`));
      expect(ctx).toEqual({
        site: 'zendesk',
        url: `${HOST}/agent/tickets/4822`,
        title: 'Password reset email never arrives',
        ticketId: '4822',
      });
    });

    it('takes the id from the URL after an SPA route change and from old #/tickets links', () => {
      expect(zendesk.context(doc, new URL(`${HOST}/agent/tickets/4821/events`))).toMatchObject({
        ticketId: '4821',
        url: `${HOST}/agent/tickets/4821`,
      });
      expect(zendesk.context(doc, new URL(`${HOST}/agent/#/tickets/77`)).ticketId).toBe('77');
    });

    it('falls back to the selected header tab when no pane subject is visible', () => {
      const tabsOnly = new DOMParser().parseFromString(
        `<div data-test-id="header-tab" aria-selected="false"><span data-test-id="header-tab-title">Other</span></div>
         <div data-test-id="header-tab" aria-selected="true"><span data-test-id="header-tab-title">Focused</span></div>`,
        'text/html',
      );
      expect(zendesk.context(tabsOnly, new URL(`${HOST}/agent/tickets/5`)).title).toBe('Focused');
    });
  });

  it('has no ticket id on a view page and does not throw on an empty document', () => {
    const doc = loadFixture('zendesk-classic-tabs.html');
    expect(zendesk.context(doc, new URL(`${HOST}/agent/filters/360001`))).toMatchObject({
      ticketId: null,
      url: `${HOST}/agent/filters/360001`,
    });
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(zendesk.context(empty, new URL(`${HOST}/agent/tickets/1`))).toEqual({
      site: 'zendesk',
      url: `${HOST}/agent/tickets/1`,
      title: null,
      ticketId: '1',
    });
  });
});

describeAdapterContract(zendesk, [
  { fixture: 'zendesk-ticket.html', url: 'https://acme.zendesk.com/agent/tickets/4821' },
  { fixture: 'zendesk-classic-tabs.html', url: 'https://acme.zendesk.com/agent/tickets/4822' },
]);
