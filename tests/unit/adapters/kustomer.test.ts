// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import kustomer from '../../../lib/sites/adapters/kustomer';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const ORG = 'https://acme.kustomerapp.com';
const CUSTOMER = '65e0b3f1c2a4d5e6f7a8b9c0';
const OPEN = '6603d9b7e4b0f1e2d3c4b5a6';
const OLDER = '65f1c0a2e4b0a1b2c3d4e5f6';

describe('kustomer adapter', () => {
  const doc = loadFixture('kustomer-timeline.html');

  it('reads the conversation the URL opens on the customer timeline, not the first one', () => {
    expect(
      kustomer.context(doc, new URL(`${ORG}/app/customers/${CUSTOMER}/event/${OPEN}?tab=timeline`)),
    ).toEqual({
      site: 'kustomer',
      url: `${ORG}/app/customers/${CUSTOMER}/event/${OPEN}`,
      title: 'Charged twice for one subscription',
      ticketId: OPEN,
    });
  });

  it('follows the URL to another timeline item and supports /app/conversations/<id>', () => {
    const older = kustomer.context(doc, new URL(`${ORG}/app/customers/${CUSTOMER}/event/${OLDER}`));
    expect(older).toMatchObject({ ticketId: OLDER, title: 'Promo code rejected at checkout' });
    const direct = kustomer.context(doc, new URL(`${ORG}/app/conversations/${OPEN}`));
    expect(direct).toMatchObject({ ticketId: OPEN, url: `${ORG}/app/conversations/${OPEN}` });
  });

  it('uses the page title while the conversation has not rendered yet', () => {
    const pending = kustomer.context(doc, new URL(`${ORG}/app/conversations/6603d9b7e4b0f1e2d3c4ffff`));
    expect(pending).toMatchObject({ ticketId: '6603d9b7e4b0f1e2d3c4ffff', title: 'Julia Rossi' });
  });

  it('has no ticket id on the customer page alone', () => {
    expect(kustomer.context(doc, new URL(`${ORG}/app/customers/${CUSTOMER}`))).toMatchObject({
      ticketId: null,
    });
  });

  it('does not throw on an empty document', () => {
    expect(kustomer.context(emptyDocument(), new URL(`${ORG}/app/conversations/${OPEN}`))).toMatchObject({
      ticketId: OPEN,
      title: null,
    });
  });
});

describeAdapterContract(kustomer, [
  {
    fixture: 'kustomer-timeline.html',
    url: 'https://acme.kustomerapp.com/app/customers/65e0b3f1c2a4d5e6f7a8b9c0/event/6603d9b7e4b0f1e2d3c4b5a6',
  },
]);
