// The webhook asks the store about the sending team before every batch: its live secrets, and
// whether it requires agent tokens or signed-in agents. On PGlite every query waits for the transaction in progress, so
// those two lookups held each request back until the previous batch was committed, and a team's
// batches never met to share a transaction (group-commit.ts). The answers are kept for a moment:
// a change made through this store forgets them at once, and another hub process sharing the
// database is seen within AUTH_CACHE_MS. Secrets are kept with their end, so a rotated-out secret
// stops verifying at its end exactly, whatever the cache holds.

/** How long a team's secrets and token requirement are reused before being read again. */
export const AUTH_CACHE_MS = 1000;

/** A team secret as cached: its end, if rotated out (ms since the epoch). */
export interface CachedSecret {
  teamId: string;
  secret: string;
  expiresAt: number | null;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/** The webhook's per-team lookups, each kept for AUTH_CACHE_MS. */
export class TeamAuthCache {
  readonly #secrets = new Map<string, Entry<CachedSecret[]>>();
  readonly #flags = new Map<string, Entry<boolean>>();
  readonly #clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
  }

  /** The secrets of `teamId` (null: every team's), read with `load` when not kept. */
  secrets(teamId: string | null, load: () => Promise<CachedSecret[]>): Promise<CachedSecret[]> {
    return this.#get(this.#secrets, teamId ?? '*', load);
  }

  /** One of the team's delivery requirements (agent tokens, signed-in agents), read with `load` when not kept. */
  flag(name: 'agentToken' | 'signedIn', teamId: string, load: () => Promise<boolean>): Promise<boolean> {
    return this.#get(this.#flags, `${name} ${teamId}`, load);
  }

  /** Forgets everything (this store changed a team or a secret). */
  forget(): void {
    this.#secrets.clear();
    this.#flags.clear();
  }

  #get<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = this.#clock();
    const kept = map.get(key);
    if (kept && now - kept.at < AUTH_CACHE_MS) return kept.value;
    const entry = { at: now, value: load() };
    map.set(key, entry);
    // A failed read is not kept: the next request reads again.
    entry.value.catch(() => {
      if (map.get(key) === entry) map.delete(key);
    });
    return entry.value;
  }
}

/** The cached secrets still live at `now`, newest first as read. */
export function liveSecrets(
  secrets: readonly CachedSecret[],
  now: Date,
): Array<{ teamId: string; secret: string }> {
  const at = now.getTime();
  return secrets
    .filter((s) => s.expiresAt === null || s.expiresAt > at)
    .map(({ teamId, secret }) => ({ teamId, secret }));
}
