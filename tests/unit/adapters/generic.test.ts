// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import generic from '../../../lib/sites/adapters/generic';
import { describeAdapterContract } from '../../helpers/adapter-contract';

describe('generic adapter', () => {
  it('uses the page title and no ticket id', () => {
    const doc = new DOMParser().parseFromString('<title>  Case   12 </title>', 'text/html');
    expect(generic.context(doc, new URL('https://crm.example/case/12'))).toEqual({
      site: 'generic',
      url: 'https://crm.example/case/12',
      title: 'Case 12',
      ticketId: null,
    });
  });
});

// Any page may be read by generic: a saved CRM page on a host no built-in adapter covers.
describeAdapterContract(generic, [
  { fixture: 'freshdesk-ticket.html', url: 'https://crm.example.com/tickets/1' },
]);
