import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { followDataKey } from '../../lib/sidebar/data-key-follow';
import { publishedDataKeys } from '../../lib/sidebar/snapshot-store';

const HOST = 'acme.zendesk.com';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("following a site's published data key", () => {
  it('reports a key published between the page-load read and the listener (the stale snapshot gets rendered)', async () => {
    await publishedDataKeys.setValue({ [HOST]: 'new-key' }); // published after the stub read 'old-key'
    const seen: (string | null)[] = [];
    const stop = followDataKey(HOST, 'old-key', (key) => seen.push(key));
    await settle();
    expect(seen).toEqual(['new-key']);
    stop();
  });

  it('reports later changes of this site only, once each, and nothing after it stops', async () => {
    await publishedDataKeys.setValue({ [HOST]: 'k1' });
    const seen: (string | null)[] = [];
    const stop = followDataKey(HOST, 'k1', (key) => seen.push(key));
    await settle();
    expect(seen).toEqual([]); // what the page read is still published

    await publishedDataKeys.setValue({ [HOST]: 'k1', 'other.example': 'x' }); // another site's key
    await publishedDataKeys.setValue({ [HOST]: 'k2' });
    await publishedDataKeys.setValue({ [HOST]: 'k2' });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await settle();
    expect(seen).toEqual(['k2']);

    await publishedDataKeys.removeValue(); // no key: every snapshot is stale
    await settle();
    expect(seen).toEqual(['k2', null]);

    stop();
    await publishedDataKeys.setValue({ [HOST]: 'k3' });
    await settle();
    expect(seen).toEqual(['k2', null]);
  });

  it('ignores a malformed published value as no key', async () => {
    await fakeBrowser.storage.local.set({ sidebarDataKey: ['not', 'a', 'map'] });
    const seen: (string | null)[] = [];
    const stop = followDataKey(HOST, null, (key) => seen.push(key));
    await settle();
    expect(seen).toEqual([]);
    stop();
  });
});
