// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import zohodesk from '../../../lib/sites/adapters/zohodesk';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const DESK = 'https://desk.zoho.com';
const TICKET = '361581000001234567';

describe('zohodesk adapter', () => {
  const doc = loadFixture('zohodesk-ticket.html');

  it('reads the ticket detail view, not the ticket list', () => {
    const url = new URL(`${DESK}/agent/acmelogistics/customer-care/tickets/details/${TICKET}/conversation`);
    expect(zohodesk.context(doc, url)).toEqual({
      site: 'zohodesk',
      url: `${DESK}/agent/acmelogistics/customer-care/tickets/details/${TICKET}`,
      title: 'Shipment label shows the wrong address',
      ticketId: TICKET,
    });
  });

  it('works on other data centres, after SPA navigation and with legacy #Cases/dv links', () => {
    const eu = new URL('https://desk.zoho.eu/agent/acme/support/tickets/details/361581000001234001');
    expect(zohodesk.context(doc, eu).ticketId).toBe('361581000001234001');
    const legacy = new URL(`${DESK}/support/acmelogistics/ShowHomePage.do?x=1#Cases/dv/${TICKET}`);
    expect(zohodesk.context(doc, legacy)).toMatchObject({
      ticketId: TICKET,
      url: `${DESK}/support/acmelogistics/ShowHomePage.do#Cases/dv/${TICKET}`,
    });
  });

  it('has no ticket id on list views', () => {
    const url = new URL(`${DESK}/agent/acmelogistics/customer-care/tickets/list/all-tickets`);
    expect(zohodesk.context(doc, url)).toMatchObject({
      ticketId: null,
      title: '#1042 Shipment label shows the wrong address',
    });
  });

  it('does not throw on an empty document', () => {
    const url = new URL(`${DESK}/agent/a/b/tickets/details/1`);
    expect(zohodesk.context(emptyDocument(), url)).toMatchObject({
      ticketId: '1',
      title: null,
    });
  });
});

describeAdapterContract(zohodesk, [
  {
    fixture: 'zohodesk-ticket.html',
    url: 'https://desk.zoho.com/agent/acmelogistics/customer-care/tickets/details/361581000001234567/conversation',
  },
]);
