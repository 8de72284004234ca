import { describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db/pglite';
import { createSqlStore } from '../../server/sql-store';
import { AUTH_CACHE_MS, liveSecrets, TeamAuthCache } from '../../server/sql-store/team-auth-cache';

// The webhook's lookups before every batch (a team's secrets, whether it requires agent tokens) are
// kept for AUTH_CACHE_MS (server/sql-store/team-auth-cache.ts).

describe('the team auth cache', () => {
  it('reads once within the time it keeps an answer, again after it or once forgotten, and never keeps a failed read', async () => {
    let now = 1_000;
    const cache = new TeamAuthCache(() => now);
    let reads = 0;
    const load = async () => {
      reads++;
      return reads === 3 ? Promise.reject(new Error('database gone')) : reads % 2 === 0;
    };
    expect(await cache.flag('agentToken', 't', load)).toBe(false);
    now += AUTH_CACHE_MS - 1;
    expect(await cache.flag('agentToken', 't', load)).toBe(false);
    expect(reads).toBe(1);
    now += 1;
    expect(await cache.flag('agentToken', 't', load)).toBe(true);
    cache.forget();
    await expect(cache.flag('agentToken', 't', load)).rejects.toThrow('database gone');
    expect(await cache.flag('agentToken', 't', load)).toBe(true); // the failure was not kept
    expect(reads).toBe(4);
  });

  it('keeps secrets with their end: a rotated-out secret stops verifying at its end, whatever is kept', () => {
    const secrets = [
      { teamId: 't', secret: 'new', expiresAt: null },
      { teamId: 't', secret: 'old', expiresAt: Date.parse('2026-12-07T12:00:00Z') },
    ];
    expect(liveSecrets(secrets, new Date('2026-12-07T11:59:59Z')).map((s) => s.secret)).toEqual([
      'new',
      'old',
    ]);
    expect(liveSecrets(secrets, new Date('2026-12-07T12:00:00Z')).map((s) => s.secret)).toEqual(['new']);
  });
});

describe('the store with its auth cache (PGlite)', () => {
  it("sees its own changes at once, and another process's within AUTH_CACHE_MS", async () => {
    const db = await openPglite();
    const store = await createSqlStore(db);
    const { id } = await store.createTeam('Tier 1', 'whsec_one');
    const secrets = async () => (await store.activeSecrets(new Date(), id)).map((s) => s.secret);
    expect(await secrets()).toEqual(['whsec_one']);
    expect(await store.requiresAgentToken(id)).toBe(false);

    await store.rotateSecret(id, 'whsec_two', 60_000);
    expect(await secrets()).toEqual(['whsec_two', 'whsec_one']);
    await store.setRequireAgentToken(id, true);
    expect(await store.requiresAgentToken(id)).toBe(true);

    // Another hub process on the same database (here: the same database, written around the store).
    await db.query('UPDATE teams SET require_agent_token = false WHERE id = $1', [id]);
    await db.query(
      `UPDATE team_secrets SET expires_at = now() - interval '1 second' WHERE secret = 'whsec_one'`,
    );
    await new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 50));
    expect(await store.requiresAgentToken(id)).toBe(false);
    expect(await secrets()).toEqual(['whsec_two']);
    await store.close();
  });
});
