// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import front from '../../../lib/sites/adapters/front';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const APP = 'https://app.frontapp.com';

describe('front adapter', () => {
  const doc = loadFixture('front-conversation.html');

  it('reads an /open/cnv_ link', () => {
    expect(front.context(doc, new URL(`${APP}/open/cnv_1x8kq2f?key=abc`))).toEqual({
      site: 'front',
      url: `${APP}/open/cnv_1x8kq2f`,
      title: 'Order arrived damaged',
      ticketId: 'cnv_1x8kq2f',
    });
  });

  it('reads conversations opened inside an inbox folder', () => {
    const numeric = front.context(
      doc,
      new URL(`${APP}/inboxes/teams/folders/8273641/unassigned/40518230117`),
    );
    expect(numeric).toMatchObject({
      ticketId: '40518230117',
      url: `${APP}/inboxes/teams/folders/8273641/unassigned/40518230117`,
    });
    const cnv = front.context(doc, new URL(`${APP}/inboxes/teammates/312/inbox/open/cnv_9zz31b`));
    expect(cnv).toMatchObject({ ticketId: 'cnv_9zz31b', url: `${APP}/open/cnv_9zz31b` });
  });

  it('has no ticket id on a folder list (its numeric id is not a conversation)', () => {
    expect(front.context(doc, new URL(`${APP}/inboxes/teams/folders/8273641/unassigned`))).toMatchObject({
      ticketId: null,
      title: 'Order arrived damaged',
    });
  });

  it('does not throw on an empty document', () => {
    expect(front.context(emptyDocument(), new URL(`${APP}/open/cnv_1`))).toMatchObject({
      ticketId: 'cnv_1',
      title: null,
    });
  });
});

describeAdapterContract(front, [
  { fixture: 'front-conversation.html', url: 'https://app.frontapp.com/open/cnv_1x8kq2f' },
]);
