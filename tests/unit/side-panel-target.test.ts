import { describe, expect, it } from 'vitest';
import {
  readCaptureSource,
  readTarget,
  sameTarget,
  type TabReader,
  targetLabel,
  UNREADABLE_PAGE,
} from '../../lib/sidepanel/panel-target';

const ZENDESK = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV keeps timing out',
  ticketId: '4821',
} as const;

/** A browser whose active tab answers the panel's tab messages with these raw replies. */
function reader(
  tabId: number | undefined,
  replies: Record<string, unknown | Error>,
): TabReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    activeTabId: async () => tabId,
    ask: async (id, type) => {
      asked.push(`${id}:${type}`);
      const reply = replies[type];
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}

const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');

describe("the side panel's target: the active tab's page", () => {
  it("reads the ticket context from the active tab's content script, validated", async () => {
    const tab = reader(7, { 'ticket-context': { ok: true, value: ZENDESK } });
    expect(await readTarget(tab)).toEqual({ kind: 'ticket', tabId: 7, context: ZENDESK });
    expect(tab.asked).toEqual(['7:ticket-context']);
  });

  it('says plainly when the page cannot be read: no content script, a forged reply, no tab', async () => {
    const unreadable = { kind: 'unreadable', reason: UNREADABLE_PAGE };
    expect(await readTarget(reader(7, { 'ticket-context': noReceiver }))).toEqual(unreadable);
    const forged = { ok: true, value: { ...ZENDESK, site: 'evil', extra: 1 } };
    expect(await readTarget(reader(7, { 'ticket-context': forged }))).toEqual(unreadable);
    expect(await readTarget(reader(undefined, {}))).toEqual(unreadable);
    expect(UNREADABLE_PAGE).toMatch(/cannot read this page/);
  });

  it("captures with the tab's context and the page's selection as the quote", async () => {
    const tab = reader(3, {
      'ticket-context': { ok: true, value: ZENDESK },
      'page-selection': { ok: true, value: 'times out after 30 s' },
    });
    expect(await readCaptureSource(tab)).toEqual({ context: ZENDESK, quote: 'times out after 30 s' });
    expect(tab.asked).toEqual(['3:ticket-context', '3:page-selection']);
  });

  it('captures without a quote when the selection cannot be read, and not at all from an unreadable page', async () => {
    const noSelection = reader(3, {
      'ticket-context': { ok: true, value: ZENDESK },
      'page-selection': noReceiver,
    });
    expect(await readCaptureSource(noSelection)).toEqual({ context: ZENDESK, quote: null });
    const unreadable = reader(3, { 'ticket-context': noReceiver });
    await expect(readCaptureSource(unreadable)).rejects.toThrow(UNREADABLE_PAGE);
    expect(unreadable.asked).toEqual(['3:ticket-context']);
  });

  it('names the page: the CRM, the ticket id and its title (a generic page by its host)', () => {
    expect(targetLabel(ZENDESK)).toBe('Zendesk · #4821 · Export to CSV keeps timing out');
    expect(targetLabel({ ...ZENDESK, title: null })).toBe('Zendesk · #4821');
    const generic = {
      site: 'generic',
      url: 'https://crm.example.org/case/9',
      title: 'Case 9',
      ticketId: null,
    } as const;
    expect(targetLabel(generic)).toBe('crm.example.org · Case 9');
  });

  it('tells an unchanged target from a new one', () => {
    const a = { kind: 'ticket', tabId: 1, context: ZENDESK } as const;
    expect(sameTarget(a, { ...a, context: { ...ZENDESK } })).toBe(true);
    expect(sameTarget(a, { ...a, context: { ...ZENDESK, ticketId: '4822' } })).toBe(false);
    expect(sameTarget(null, a)).toBe(false);
  });
});
