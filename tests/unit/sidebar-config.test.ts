import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import {
  type LastSidebarConfig,
  memoizedLastSidebarConfig,
  type SidebarConfig,
  sidebarConfig,
} from '../../lib/config/sidebar-config';

// Chrome can take seconds to answer the first policy read after a start: the sidebar then gets the
// config it was last told, and the effective one is remembered when it arrives.

const EFFECTIVE: SidebarConfig = { taxonomy: DEFAULT_TAXONOMY, agentName: 'Dana Whitfield', sites: [] };
const OLDER: SidebarConfig = { taxonomy: DEFAULT_TAXONOMY.slice(0, 2), agentName: 'Dana', sites: [] };

function store(initial: unknown): LastSidebarConfig & { writes: SidebarConfig[] } {
  let value = initial;
  const writes: SidebarConfig[] = [];
  return {
    writes,
    get: async () => value,
    set: async (config) => {
      writes.push(config);
      value = config;
    },
  };
}

/** A promise resolved by hand. */
function later<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((ok) => {
    resolve = ok;
  });
  return { promise, resolve };
}

afterEach(() => vi.restoreAllMocks());

describe('the sidebar config while the policy read is slow', () => {
  it('answers with the effective config when it comes in time, and remembers it', async () => {
    const last = store(undefined);
    expect(await sidebarConfig(Promise.resolve(EFFECTIVE), last, 50)).toEqual(EFFECTIVE);
    await vi.waitFor(() => expect(last.writes).toEqual([EFFECTIVE]));
  });

  it('answers with the last config after the wait, then stores the effective one that differs', async () => {
    const last = store(OLDER);
    const fresh = later<SidebarConfig>();
    expect(await sidebarConfig(fresh.promise, last, 10)).toEqual(OLDER);
    expect(last.writes).toEqual([]);
    fresh.resolve(EFFECTIVE); // the write is what makes open sidebars reload
    await vi.waitFor(() => expect(last.writes).toEqual([EFFECTIVE]));
  });

  it('writes nothing when the effective config is the one remembered', async () => {
    const last = store(EFFECTIVE);
    expect(await sidebarConfig(Promise.resolve(EFFECTIVE), last, 10)).toEqual(EFFECTIVE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(last.writes).toEqual([]);
  });

  it('waits for the effective config when nothing valid is remembered', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const remembered of [undefined, { taxonomy: 'not a list' }, { ...OLDER, secret: 'x' }]) {
      const last = store(remembered);
      const fresh = later<SidebarConfig>();
      const answer = sidebarConfig(fresh.promise, last, 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
      fresh.resolve(EFFECTIVE);
      expect(await answer).toEqual(EFFECTIVE);
    }
  });

  it('fails as the effective read fails when nothing is remembered', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const last = store(undefined);
    await expect(sidebarConfig(Promise.reject(new Error('policy unreadable')), last, 5)).rejects.toThrow(
      'policy unreadable',
    );
  });
});

describe('the remembered sidebar config in the worker', () => {
  it('reads storage once, then answers from memory, updated by its own writes', async () => {
    const backing = store(OLDER);
    const get = vi.spyOn(backing, 'get');
    const last = memoizedLastSidebarConfig(backing);
    expect(await last.get()).toEqual(OLDER);
    expect(await last.get()).toEqual(OLDER);
    await last.set(EFFECTIVE);
    expect(await last.get()).toEqual(EFFECTIVE);
    expect(get).toHaveBeenCalledOnce();
    expect(backing.writes).toEqual([EFFECTIVE]);
  });

  it('reads again after a failed read', async () => {
    const backing = store(OLDER);
    vi.spyOn(backing, 'get').mockRejectedValueOnce(new Error('storage busy'));
    const last = memoizedLastSidebarConfig(backing);
    await expect(last.get()).rejects.toThrow('storage busy');
    expect(await last.get()).toEqual(OLDER);
  });
});
