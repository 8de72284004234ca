import { describe, expect, it } from 'vitest';
import { routeEndpoints, trimUrl } from '../../lib/capture';
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
