// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import helpscout from '../../../lib/sites/adapters/helpscout';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const APP = 'https://secure.helpscout.net';

describe('helpscout adapter', () => {
  const doc = loadFixture('helpscout-conversation.html');

  it('uses the conversation number as the ticket id', () => {
    expect(
      helpscout.context(doc, new URL(`${APP}/conversation/2712345678/3187?folderId=1733001#thread-1`)),
    ).toEqual({
      site: 'helpscout',
      url: `${APP}/conversation/2712345678/3187`,
      title: 'Two-factor codes arrive late',
      ticketId: '3187',
    });
  });

  it('falls back to the visible number, then the internal id, when the URL has no number', () => {
    expect(helpscout.context(doc, new URL(`${APP}/conversation/2712345678`)).ticketId).toBe('3187');
    expect(helpscout.context(emptyDocument(), new URL(`${APP}/conversation/2712345678`))).toMatchObject({
      ticketId: '2712345678',
      title: null,
    });
  });

  it('follows the URL after an SPA route change', () => {
    expect(helpscout.context(doc, new URL(`${APP}/conversation/2711000011/3012`)).ticketId).toBe('3012');
  });

  it('has no ticket id on mailbox folders', () => {
    expect(helpscout.context(doc, new URL(`${APP}/mailbox/204877/1733001/`))).toMatchObject({
      ticketId: null,
      title: '#3187 Two-factor codes arrive late',
    });
  });
});

describeAdapterContract(helpscout, [
  {
    fixture: 'helpscout-conversation.html',
    url: 'https://secure.helpscout.net/conversation/2712345678/3187',
  },
]);
