import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConceptMapper, Features } from './concepts';
import { sharedConceptMapper } from './engine';

/** Turns notes into their features; the same answer in-process or on a worker thread. */
export type FeatureSource = (texts: readonly string[]) => Promise<Features[]>;

/** What the worker answers: per request id, each text's features as [feature, weight] pairs. */
interface Answer {
  id: number;
  features: [string, number][][];
}

/**
 * Whether a message has the answer's shape. The worker is this hub's own code in this process, not
 * an outside input: the check is of shape only, as a full parse would cost the main thread what
 * the worker saves it.
 */
function isAnswer(message: unknown): message is Answer {
  const m = message as Partial<Answer> | null;
  return typeof m?.id === 'number' && Array.isArray(m.features);
}

interface Pending {
  texts: readonly string[];
  resolve(features: Features[]): void;
}

/**
 * Features computed on a worker thread (feature-worker.ts). Finding a note's features (tokens,
 * stems, WordNet lookups) is about half of grouping it; on the worker it runs beside the main
 * thread's database work instead of before it. Should the worker fail to start or die, every
 * waiting and later request is answered in-process by `fallback`: grouping never waits on it.
 */
export class FeatureWorker {
  readonly #fallback: () => ConceptMapper;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #failed = false;
  #next = 0;

  readonly #entry: URL;

  /** `entry` is the worker's module (tests name one that fails). */
  constructor(fallback: () => ConceptMapper, entry = new URL('./feature-worker.ts', import.meta.url)) {
    this.#fallback = fallback;
    this.#entry = entry;
  }

  /** The features of each text, in order. */
  features: FeatureSource = (texts) => {
    if (texts.length === 0) return Promise.resolve([]);
    const worker = this.#started();
    if (!worker) return Promise.resolve(this.#inProcess(texts));
    const id = this.#next++;
    return new Promise<Features[]>((resolve) => {
      this.#pending.set(id, { texts, resolve });
      worker.ref(); // a request in flight keeps the process alive until it is answered
      worker.postMessage({ id, texts });
    });
  };

  /** Stops the worker; later requests start a new one. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#answerInProcess();
    await worker?.terminate();
  }

  #started(): Worker | null {
    if (this.#worker || this.#failed) return this.#worker;
    try {
      // The worker is TypeScript, as the hub is: a small script registers tsx's loader (a
      // dependency of `npm run hub`) in the new thread, whatever loader the parent runs under
      // (tsx, vitest), then imports it. Node 20 applies no --import hooks to a worker's entry.
      // (Its ES module build: `require.resolve` would name the CommonJS one.)
      const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
      const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
      const entry = this.#entry.href;
      const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
      const worker = new Worker(boot, { eval: true });
      worker.on('message', (message: unknown) => this.#answer(message));
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', () => {
        if (this.#worker === worker) this.#fail(new Error('the feature worker exited'));
      });
      worker.unref();
      this.#worker = worker;
    } catch (error) {
      this.#fail(error);
    }
    return this.#worker;
  }

  #answer(message: unknown): void {
    const pending = isAnswer(message) ? this.#pending.get(message.id) : undefined;
    if (!pending || !isAnswer(message) || message.features.length !== pending.texts.length) {
      this.#fail(new Error('the feature worker answered something else than features'));
      return;
    }
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    pending.resolve(message.features.map((pairs) => new Map(pairs)));
  }

  #fail(error: unknown): void {
    if (!this.#failed) console.warn(`Grouping computes note features in-process: ${String(error)}`);
    this.#failed = true;
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
    this.#answerInProcess();
  }

  #answerInProcess(): void {
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.resolve(this.#inProcess(pending.texts));
    }
  }

  #inProcess(texts: readonly string[]): Features[] {
    const mapper = this.#fallback();
    return texts.map((text) => mapper.features(text));
  }
}

let shared: FeatureWorker | null = null;

/** The process's one feature worker (started on first use, idle it keeps no process alive). */
export function sharedFeatureWorker(): FeatureWorker {
  shared ??= new FeatureWorker(sharedConceptMapper);
  return shared;
}
