import { describe, expect, it } from 'vitest';
import { routeEndpoints, trimUrl } from '../../lib/capture/build';
import { TEST_SECRET } from '../helpers/items';

describe('URL trimming', () => {
  const url = 'https://acme.zendesk.com/agent/tickets/4821?token=secret123#comment-9';
  it.each([
    ['path', 'https://acme.zendesk.com/agent/tickets/4821'],
    ['origin', 'https://acme.zendesk.com'],
    ['full', url],
    ['none', null],
  ] as const)('%s mode keeps %s', (mode, expected) => expect(trimUrl(url, mode)).toBe(expected));
});

describe('routing', () => {
  const base = { name: 'x', url: 'https://x.example.com/', secret: TEST_SECRET };
  it('sends an item to endpoints without a filter and to those whose filter names one of its tags', () => {
    const endpoints = [
      { ...base, id: 'all' },
      { ...base, id: 'bugs', tags: ['bug'] },
      { ...base, id: 'money', tags: ['pricing', 'churn-risk'] },
    ];
    expect(routeEndpoints(endpoints, ['bug'])).toEqual(['all', 'bugs']);
    expect(routeEndpoints(endpoints, ['churn-risk'])).toEqual(['all', 'money']);
    expect(routeEndpoints([{ ...base, id: 'none', tags: [] }], ['bug'])).toEqual([]);
  });
});

describe('redaction categories from policy', () => {
  it('replaces only the configured kinds of personal data', async () => {
    const { buildItem } = await import('../../lib/capture/build');
    const { testConfig } = await import('../helpers/config');
    const request = {
      type: 'capture' as const,
      tagId: 'bug',
      note: 'mail jane.doe@example.com, call +44 20 7946 0958',
      quote: null,
      context: {
        site: 'zendesk' as const,
        url: 'https://a.zendesk.com/agent/tickets/1',
        title: null,
        ticketId: '1',
      },
    };
    const id = '01a20824-fdb7-7d58-9e34-380b25f4449b';
    const all = buildItem(request, testConfig(), id, Date.now());
    expect(all.note).toBe('mail [email], call [phone]');
    const emailOnly = buildItem(request, testConfig({ redaction: ['email'] }), id, Date.now());
    expect(emailOnly).toMatchObject({ note: 'mail [email], call +44 20 7946 0958', redactions: 1 });
  });
});
