// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import intercom from '../../../lib/sites/adapters/intercom';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const APP = 'https://app.intercom.com';

describe('intercom adapter', () => {
  const doc = loadFixture('intercom-conversation.html');

  it('reads the open conversation, not the conversation list beside it', () => {
    const url = new URL(
      `${APP}/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345?view=List`,
    );
    expect(intercom.context(doc, url)).toEqual({
      site: 'intercom',
      url: `${APP}/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345`,
      title: 'App crashes when exporting reports',
      ticketId: '215467893012345',
    });
  });

  it('accepts the older /a/apps/…/conversations/<id> links and regional hosts', () => {
    const url = new URL('https://app.eu.intercom.com/a/apps/k2x9qz7a/inbox/inbox/6012345/conversations/1234');
    expect(intercom.context(doc, url)).toMatchObject({
      ticketId: '1234',
      url: 'https://app.eu.intercom.com/a/apps/k2x9qz7a/inbox/inbox/6012345/conversations/1234',
    });
  });

  it('follows the URL after an SPA route change', () => {
    const url = new URL(`${APP}/a/inbox/k2x9qz7a/inbox/admin/6012345/conversation/999`);
    expect(intercom.context(doc, url).ticketId).toBe('999');
  });

  it('has no ticket id on inbox views and reads nothing from the list', () => {
    expect(intercom.context(doc, new URL(`${APP}/a/inbox/k2x9qz7a/inbox/shared/unassigned`))).toEqual({
      site: 'intercom',
      url: `${APP}/a/inbox/k2x9qz7a/inbox/shared/unassigned`,
      title: 'Inbox | Acme',
      ticketId: null,
    });
  });

  it('does not throw on an empty document', () => {
    const url = new URL(`${APP}/a/inbox/x/inbox/conversation/5`);
    expect(intercom.context(emptyDocument(), url)).toMatchObject({
      ticketId: '5',
      title: null,
    });
  });
});

describeAdapterContract(intercom, [
  {
    fixture: 'intercom-conversation.html',
    url: 'https://app.intercom.com/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345',
  },
]);
