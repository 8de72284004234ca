// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import gorgias from '../../../lib/sites/adapters/gorgias';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const HOST = 'https://acme.gorgias.com';

describe('gorgias adapter', () => {
  const doc = loadFixture('gorgias-ticket.html');

  it('reads a ticket page', () => {
    expect(gorgias.context(doc, new URL(`${HOST}/app/ticket/48213911?from=view`))).toEqual({
      site: 'gorgias',
      url: `${HOST}/app/ticket/48213911`,
      title: 'Where is my order #58213?',
      ticketId: '48213911',
    });
  });

  it('follows the URL after an SPA route change', () => {
    expect(gorgias.context(doc, new URL(`${HOST}/app/ticket/48213912`)).ticketId).toBe('48213912');
  });

  it('has no ticket id on views', () => {
    expect(gorgias.context(doc, new URL(`${HOST}/app/views/112233`))).toMatchObject({
      ticketId: null,
      title: 'Where is my order #58213?',
    });
  });

  it('does not throw on an empty document', () => {
    expect(gorgias.context(emptyDocument(), new URL(`${HOST}/app/ticket/1`))).toMatchObject({
      ticketId: '1',
      title: null,
    });
  });
});

describeAdapterContract(gorgias, [
  { fixture: 'gorgias-ticket.html', url: 'https://acme.gorgias.com/app/ticket/48213911' },
]);
