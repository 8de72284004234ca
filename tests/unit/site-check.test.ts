import { describe, expect, it } from 'vitest';
import { checkUrl } from '../../lib/sites/site-check';

const sites = [{ match: 'https://support.acme.example/*', adapter: 'zendesk' as const }];

describe('test this URL', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/1', true, 'zendesk', /Built-in zendesk/],
    [
      'https://support.acme.example/agent/tickets/9',
      true,
      'zendesk',
      /Matches https:\/\/support\.acme\.example/,
    ],
    ['https://elsewhere.example/', false, 'none', /No built-in CRM/],
    ['not a url', false, 'none', /Not a valid URL/],
  ])('%s', (url, covered, adapter, reason) => {
    const check = checkUrl(url, sites);
    expect(check).toMatchObject({ covered, adapter });
    expect(check.reason).toMatch(reason);
  });
});
