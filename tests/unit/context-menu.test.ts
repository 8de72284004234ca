import { describe, expect, it } from 'vitest';
import { captureRequestFor, MENU_ROOT, menuEntries, tagIdOf } from '../../lib/capture/context-menu';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';

const zendesk = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export',
  ticketId: '4821',
} as const;

describe('context menu', () => {
  it('has a selection-only parent on CRM pages and one child per tag', () => {
    const entries = menuEntries(DEFAULT_TAXONOMY, ['https://*.zendesk.com/*']);
    expect(entries[0]).toEqual({
      id: MENU_ROOT,
      title: 'Earmark selection as',
      contexts: ['selection'],
      documentUrlPatterns: ['https://*.zendesk.com/*'],
    });
    expect(entries.slice(1).map((e) => e.title)).toEqual(DEFAULT_TAXONOMY.map((t) => t.label));
    expect(entries.slice(1).every((e) => e.parentId === MENU_ROOT)).toBe(true);
    expect(tagIdOf(entries[1]!.id)).toBe(DEFAULT_TAXONOMY[0]!.id);
    expect(tagIdOf(MENU_ROOT)).toBeNull();
  });

  it('captures the selection with the ticket context from the page', async () => {
    const request = await captureRequestFor(
      { menuItemId: 'earmark-tag:bug', selectionText: '  it crashes  ', frameId: 2 },
      7,
      async (tabId, frameId) => (tabId === 7 && frameId === 2 ? zendesk : null),
    );
    expect(request).toEqual({
      type: 'capture',
      tagId: 'bug',
      note: null,
      quote: 'it crashes',
      context: zendesk,
    });
  });

  it('falls back to the page URL when no sidebar answers, and ignores empty selections', async () => {
    const noAnswer = async () => {
      throw new Error('Could not establish connection');
    };
    const request = await captureRequestFor(
      { menuItemId: 'earmark-tag:bug', selectionText: 'x', pageUrl: 'https://crm.example/case/1' },
      7,
      noAnswer,
    );
    expect(request?.context).toEqual({
      site: 'generic',
      url: 'https://crm.example/case/1',
      title: null,
      ticketId: null,
    });
    expect(
      await captureRequestFor({ menuItemId: 'earmark-tag:bug', selectionText: '  ' }, 7, noAnswer),
    ).toBeNull();
    expect(await captureRequestFor({ menuItemId: MENU_ROOT, selectionText: 'x' }, 7, noAnswer)).toBeNull();
  });
});
