// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import freshdesk from '../../../lib/sites/adapters/freshdesk';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const HOST = 'https://acme.freshdesk.com';

describe('freshdesk adapter', () => {
  const doc = loadFixture('freshdesk-ticket.html');

  it('reads a ticket page', () => {
    expect(freshdesk.context(doc, new URL(`${HOST}/a/tickets/1042?current_tab=details#reply`))).toEqual({
      site: 'freshdesk',
      url: `${HOST}/a/tickets/1042`,
      title: 'Billing export is empty',
      ticketId: '1042',
    });
  });

  it('follows the URL after an SPA route change', () => {
    expect(freshdesk.context(doc, new URL(`${HOST}/a/tickets/1043/edit`))).toMatchObject({
      ticketId: '1043',
      url: `${HOST}/a/tickets/1043`,
    });
  });

  it('has no ticket id on the ticket list and uses the page title', () => {
    const list = new DOMParser().parseFromString('<title>Tickets : Acme Support</title>', 'text/html');
    expect(freshdesk.context(list, new URL(`${HOST}/a/tickets/filters/all_tickets`))).toEqual({
      site: 'freshdesk',
      url: `${HOST}/a/tickets/filters/all_tickets`,
      title: 'Tickets',
      ticketId: null,
    });
  });

  it('does not throw on an empty document', () => {
    expect(freshdesk.context(emptyDocument(), new URL(`${HOST}/a/tickets/7`))).toMatchObject({
      ticketId: '7',
      title: null,
    });
  });
});

describeAdapterContract(freshdesk, [
  { fixture: 'freshdesk-ticket.html', url: 'https://acme.freshdesk.com/a/tickets/1042' },
]);
