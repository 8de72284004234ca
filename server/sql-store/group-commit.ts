// A team's ingest batches arrive together (every agent's extension sends every few seconds) and
// take turns on the team's engine (team-themes.ts). Run one transaction each, every batch paid the
// same fixed cost: the touched themes' centroids, the document frequencies and the team's version
// written again, the team row locked, a commit. Batches waiting for their turn now share one
// transaction (group commit): each batch's work runs in order, the engine's changes are written
// once. Should the shared transaction fail, each batch runs again on its own, so one bad batch
// never fails another; every caller gets its own result or its own error.

/** Runs `fn` in one transaction for `key` (the team), one call at a time per key. */
export type Transact<A extends unknown[]> = <R>(key: string, fn: (...args: A) => Promise<R>) => Promise<R>;

/** The most batches one transaction takes (25 items each: 400 items, a few hundred ms of work). */
export const MAX_GROUP = 16;

interface Waiting<A extends unknown[]> {
  job: (...args: A) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How many event-loop turns a group stays open once its turn has come. */
const OPEN_TURNS = 3;

/**
 * A few turns of the event loop. PGlite runs in this process and answers without I/O, so a
 * transaction on it never lets the loop read the requests waiting on their sockets: without these
 * turns every batch would find its group empty and closed.
 */
async function ioTurns(): Promise<void> {
  for (let i = 0; i < OPEN_TURNS; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Coalesces the jobs waiting for the same key's turn into one transaction. */
export class GroupCommit<A extends unknown[]> {
  readonly #transact: Transact<A>;
  readonly #max: number;
  /** Per key, the group still open to newcomers: its transaction has not started yet. */
  readonly #open = new Map<string, Waiting<A>[]>();

  constructor(transact: Transact<A>, maxGroup = MAX_GROUP) {
    this.#transact = transact;
    this.#max = maxGroup;
  }

  /** Runs `job` in the next transaction for `key`, with whatever else is waiting for it. */
  run<R>(key: string, job: (...args: A) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting: Waiting<A> = { job, resolve: resolve as (value: unknown) => void, reject };
      const open = this.#open.get(key);
      if (open && open.length < this.#max) {
        open.push(waiting);
        return;
      }
      const group = [waiting];
      this.#open.set(key, group);
      void this.#commit(key, group);
    });
  }

  async #commit(key: string, group: Waiting<A>[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.#transact(key, async (...args: A) => {
        await ioTurns(); // lets requests already on the wire reach the store and join
        // Its turn has come: newcomers start the next group.
        if (this.#open.get(key) === group) this.#open.delete(key);
        const done: unknown[] = [];
        for (const waiting of group) done.push(await waiting.job(...args));
        return done;
      });
    } catch (error) {
      if (this.#open.get(key) === group) this.#open.delete(key);
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // Everything was rolled back: each job again, alone, to find the one that fails.
      for (const waiting of group) this.#transact(key, waiting.job).then(waiting.resolve, waiting.reject);
      return;
    }
    for (const [i, waiting] of group.entries()) waiting.resolve(results[i]);
  }
}
