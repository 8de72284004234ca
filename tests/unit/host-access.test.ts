import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  accessPatterns,
  hasAccess,
  isLoopbackUrl,
  originPattern,
  requestAccess,
} from '../../lib/http/host-access';

/** Records the origins asked about and answers as if `granted` were the granted patterns. */
function fakePermissions(granted: string[]) {
  const asked: string[][] = [];
  const has = (origins: string[] = []) => origins.every((o) => granted.includes(o));
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async ({ origins }) => {
    asked.push(origins ?? []);
    return has(origins);
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => {
    asked.push(origins ?? []);
    return has(origins);
  });
  return asked;
}

describe('host access', () => {
  it('needs the origin of a URL, any path, and nothing for loopback', () => {
    expect(originPattern('https://hooks.example.com:8443/a/b?c=1')).toBe('https://hooks.example.com:8443/*');
    expect(isLoopbackUrl('http://127.0.0.1:8787/v1/webhook')).toBe(true);
    expect(isLoopbackUrl('http://[::1]/')).toBe(true);
    expect(isLoopbackUrl('https://localhost.example.com/')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
    expect(accessPatterns('http://localhost:3000/x')).toEqual([]);
    expect(
      accessPatterns({
        urls: ['https://a.example/1', 'http://127.0.0.1/2', 'https://a.example/3', 'https://b.example/'],
      }),
    ).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(accessPatterns({ matches: ['https://*.crm.example/*'] })).toEqual(['https://*.crm.example/*']);
  });

  it('asks at once, without awaiting anything first, and not at all for loopback', async () => {
    const asked = fakePermissions(['https://a.example/*']);
    const pending = requestAccess('https://a.example/hook');
    // The prompt must be requested within the click's gesture: synchronously, before any await.
    expect(asked).toEqual([['https://a.example/*']]);
    expect(await pending).toBe(true);
    expect(await requestAccess({ urls: ['http://127.0.0.1:1/', 'http://localhost/'] })).toBe(true);
    expect(await requestAccess({ urls: ['https://a.example/', 'https://b.example/'] })).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('tells granted from not granted, and a failing question from a granted one', async () => {
    const asked = fakePermissions(['https://a.example/*', 'https://*.crm.example/*']);
    expect(await hasAccess('https://a.example/x')).toBe(true);
    expect(await hasAccess('https://c.example/x')).toBe(false);
    expect(await hasAccess({ matches: ['https://*.crm.example/*'] })).toBe(true);
    expect(await hasAccess('http://127.0.0.1:9/')).toBe(true);
    expect(await hasAccess('not a url')).toBe(false);
    expect(asked).toHaveLength(3);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('invalid pattern'));
    expect(await hasAccess({ matches: ['nonsense'] })).toBe(false);
  });
});
