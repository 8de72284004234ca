/**
 * Runs a function inside a page or worker. tsx (esbuild with keepNames) wraps named inner
 * functions in `__name(...)`, which does not exist in the browser, so functions are sent as source
 * with a local no-op `__name`. The function must be self-contained: it sees only its argument.
 */
export interface Evaluator {
  evaluate(expression: string): Promise<unknown>;
}

/** The source of an expression that calls `fn(arg)` (arg must survive JSON). */
export function callSource<A, R>(fn: (arg: A) => R, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
}

/** Evaluates `fn(arg)` in the target and returns its (awaited) result. */
export async function inPage<A, R>(target: Evaluator, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (await target.evaluate(callSource(fn, arg))) as Awaited<R>;
}

/** The `chrome` API surface the in-page functions use (typed loosely; they run in the browser). */
export interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string; value?: unknown }> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}
