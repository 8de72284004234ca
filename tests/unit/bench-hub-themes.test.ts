import { describe, expect, it } from 'vitest';
import { themesRequest } from '../../bench/suites/hub-themes';
import { ThemeQuery } from '../../server/api/themes';

// The bench's GET /v1/themes requests (hub_themes_p95_ms_50k): each one a query the API accepts,
// rotating through the Themes view's default listing, both other sorts and the item filters.
describe('bench GET /v1/themes requests', () => {
  const now = Date.parse('2026-12-07T00:00:00Z');
  const requests = Array.from({ length: 16 }, (_, i) => themesRequest(i, now));

  it('are all valid theme listing queries', () => {
    for (const { path } of requests) {
      const query = Object.fromEntries(new URL(path, 'http://hub').searchParams);
      expect(path.startsWith('/v1/themes'), path).toBe(true);
      expect(ThemeQuery.safeParse(query).success, path).toBe(true);
    }
  });

  it('include the default listing, growth and recent, a range and the item filters', () => {
    const kinds = new Set(requests.map((r) => r.kind));
    expect(kinds).toContain('default');
    expect(requests[0]?.path).toBe('/v1/themes');
    for (const part of ['growth', 'recent', 'from', 'tag', 'status', 'category', 'agent', 'q'])
      expect(
        [...kinds].some((k) => k.split('+').includes(part)),
        part,
      ).toBe(true);
  });
});
