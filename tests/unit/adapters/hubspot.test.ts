// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import hubspot from '../../../lib/sites/adapters/hubspot';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const APP = 'https://app.hubspot.com';

describe('hubspot adapter', () => {
  const record = loadFixture('hubspot-ticket.html');
  const helpDesk = loadFixture('hubspot-help-desk.html');

  it('reads a ticket record page', () => {
    expect(
      hubspot.context(record, new URL(`${APP}/contacts/2139471/record/0-5/8812345?interaction=note`)),
    ).toEqual({
      site: 'hubspot',
      url: `${APP}/contacts/2139471/record/0-5/8812345`,
      title: 'Webhook retries flood our endpoint',
      ticketId: '8812345',
    });
  });

  it('accepts the older /ticket/<id> path and EU hosts', () => {
    const href = 'https://app-eu1.hubspot.com/contacts/2139471/ticket/8812345/';
    const { ticketId, url } = hubspot.context(record, new URL(href));
    expect([ticketId, url]).toEqual(['8812345', href.slice(0, -1)]);
  });

  it('reads the help desk, taking the subject from the thread rather than the ticket list', () => {
    const url = new URL(`${APP}/help-desk/2139471/view/3301/ticket/9901234#reply-editor`);
    expect(hubspot.context(helpDesk, url)).toEqual({
      site: 'hubspot',
      url: `${APP}/help-desk/2139471/view/3301/ticket/9901234`,
      title: 'Refund for duplicate charge',
      ticketId: '9901234',
    });
    expect(hubspot.context(helpDesk, new URL(`${APP}/help-desk/2139471/ticket/9901299`)).ticketId).toBe(
      '9901299',
    );
  });

  it('has no ticket id on list and contact pages', () => {
    const list = hubspot.context(record, new URL(`${APP}/contacts/2139471/objects/0-5/views/all/list`));
    expect(list).toMatchObject({
      ticketId: null,
      title: 'Ticket: Webhook retries flood our endpoint',
    });
    expect(hubspot.context(record, new URL(`${APP}/contacts/2139471/record/0-1/5101`)).ticketId).toBeNull();
  });

  it('does not throw on an empty document', () => {
    expect(hubspot.context(emptyDocument(), new URL(`${APP}/contacts/1/ticket/2`))).toMatchObject({
      ticketId: '2',
      title: null,
    });
  });
});

describeAdapterContract(hubspot, [
  { fixture: 'hubspot-ticket.html', url: 'https://app.hubspot.com/contacts/2139471/record/0-5/8812345' },
  {
    fixture: 'hubspot-help-desk.html',
    url: 'https://app.hubspot.com/help-desk/2139471/view/3301/ticket/9901234',
  },
]);
