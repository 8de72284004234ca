import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModule } from '../../components/sidebar/launcher/modules';
import { provideToWorld } from '../../lib/sidebar/world-slot';

// The eager stub (entrypoints/content) imports the overlay launcher and the context reader by URL;
// each module hands itself over on a global of the isolated world (lib/sidebar/world-slot.ts).

let names = 0;
/** A slot name no other test used (the world's slots live as long as the test file). */
const freshName = () => `test-module-${++names}`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the stub's module loading", () => {
  it('imports a module once and resolves with what it hands over', async () => {
    const name = freshName();
    const module = { readContext: () => 'context' };
    const load = vi.fn(async () => provideToWorld(name, module));
    const [first, second] = await Promise.all([
      loadModule(`chrome-extension://x/${name}.js`, name, load),
      loadModule(`chrome-extension://x/${name}.js`, name, load),
    ]);
    expect(first).toBe(module);
    expect(second).toBe(module);
    expect(await loadModule(`chrome-extension://x/${name}.js`, name, load)).toBe(module);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(`chrome-extension://x/${name}.js`);
  });

  it('imports nothing when the module is already in this world', async () => {
    const name = freshName();
    const module = { startOverlay: () => null };
    provideToWorld(name, module);
    const load = vi.fn(async () => {});
    expect(await loadModule('chrome-extension://x/m.js', name, load)).toBe(module);
    expect(load).not.toHaveBeenCalled();
  });

  it('tries again after a failed import', async () => {
    const name = freshName();
    const module = { readContext: () => 'context' };
    const load = vi
      .fn<(url: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('extension reloaded'))
      .mockImplementation(async () => provideToWorld(name, module));
    await expect(loadModule('chrome-extension://x/m.js', name, load)).rejects.toThrow('extension reloaded');
    expect(await loadModule('chrome-extension://x/m.js', name, load)).toBe(module);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
