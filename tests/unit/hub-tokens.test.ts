import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHubApp } from '../../server/app';
import { hashToken } from '../../server/auth/tokens';
import { runCommand } from '../../server/cli';
import type { HubStore, TokenInfo } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';

// Token lifecycle through the CLI's own command runner, against PGlite and (when DATABASE_URL is
// set) PostgreSQL: list without secret material, revoke with immediate effect, last use recorded.
const { stores, dropSchema } = hubStores('hub-tokens', 't_tokens');

type Created = { token: string; id: string };

describe.each(stores)('hub tokens on $name', ({ open }) => {
  let store: HubStore;
  let app: ReturnType<typeof createHubApp>;
  let clock = new Date('2030-01-01T09:00:00.000Z');
  let lead: Created;
  let agent: Created;
  let otherLead: Created;
  let admin: Created;
  const get = (token: string) => app.request('/v1/items', { headers: { authorization: `Bearer ${token}` } });
  const cli = (...argv: string[]) => runCommand(store, argv);
  const listed = async (...argv: string[]) =>
    ((await cli('token', 'list', ...argv)) as { tokens: TokenInfo[] }).tokens;
  const byId = async (id: string) => (await listed()).find((t) => t.id === id);

  beforeAll(async () => {
    store = await open();
    app = createHubApp({ store, now: () => clock, rateLimit: { perSecond: 1000, burst: 1000 } });
    await cli('team', 'create', 'Tier 1');
    await cli('team', 'create', 'Tier 2');
    lead = (await cli('token', 'create', '--team', 'Tier 1', '--role', 'lead')) as Created;
    agent = (await cli(
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'a-7',
    )) as Created;
    otherLead = (await cli('token', 'create', '--team', 'Tier 2', '--role', 'lead')) as Created;
    admin = (await cli('token', 'create', '--role', 'admin')) as Created;
  }, 30_000);
  afterAll(async () => {
    await store?.close();
    await dropSchema();
  });

  it('token list shows ids, roles, agent and times of the team, never a token or its hash', async () => {
    const output = await cli('token', 'list', '--team', 'Tier 1');
    const tokens = (output as { tokens: TokenInfo[] }).tokens;
    expect(tokens.map((t) => [t.id, t.role, t.agentId])).toEqual([
      [lead.id, 'lead', null],
      [agent.id, 'agent', 'a-7'],
    ]);
    for (const t of tokens) {
      expect(Object.keys(t).sort()).toEqual(
        ['agentId', 'createdAt', 'id', 'lastUsedAt', 'revokedAt', 'role', 'teamId'].sort(),
      );
      expect(Number.isNaN(Date.parse(t.createdAt))).toBe(false);
    }
    // Nothing of any token's secret material, in any form, in what the CLI prints.
    const printed = JSON.stringify(await cli('token', 'list'));
    for (const { token } of [lead, agent, otherLead, admin]) {
      expect(printed).not.toContain(token);
      expect(printed).not.toContain(hashToken(token));
    }
    expect((await listed()).map((t) => t.id)).toEqual([lead.id, agent.id, otherLead.id, admin.id]);
  });

  it('records the last use when a token authenticates, at most once a minute', async () => {
    expect((await byId(agent.id))?.lastUsedAt).toBeNull();
    const touch = vi.spyOn(store, 'touchToken');
    try {
      clock = new Date('2030-01-01T10:00:00.000Z');
      expect((await get(lead.token)).status).toBe(200);
      expect((await byId(lead.id))?.lastUsedAt).toBe('2030-01-01T10:00:00.000Z');

      clock = new Date('2030-01-01T10:00:59.000Z');
      expect((await get(lead.token)).status).toBe(200);
      expect((await byId(lead.id))?.lastUsedAt).toBe('2030-01-01T10:00:00.000Z');
      expect(touch).toHaveBeenCalledTimes(1);

      clock = new Date('2030-01-01T10:01:00.000Z');
      expect((await get(lead.token)).status).toBe(200);
      expect((await byId(lead.id))?.lastUsedAt).toBe('2030-01-01T10:01:00.000Z');
      // A refused role still authenticated: an agent token on a lead route is a use, answered 403.
      expect((await get(agent.token)).status).toBe(403);
      expect((await byId(agent.id))?.lastUsedAt).toBe('2030-01-01T10:01:00.000Z');
      expect(touch).toHaveBeenCalledTimes(3);
    } finally {
      touch.mockRestore();
    }
  });

  it('token revoke makes the very next request with that token 401, and only that token', async () => {
    expect((await get(otherLead.token)).status).toBe(200);
    expect(await cli('token', 'revoke', otherLead.id)).toEqual({ revoked: otherLead.id });
    const refused = await get(otherLead.token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'invalid token' });
    expect((await get(lead.token)).status).toBe(200);
    expect((await byId(otherLead.id))?.revokedAt).not.toBeNull();
    expect((await byId(lead.id))?.revokedAt).toBeNull();
  });

  it('token revoke refuses unknown, malformed and already revoked ids', async () => {
    await expect(cli('token', 'revoke', otherLead.id)).rejects.toThrow(/no active token/);
    await expect(cli('token', 'revoke', '01a20824-fdb7-7d58-9e34-380b25f4449b')).rejects.toThrow(
      /no active token/,
    );
    await expect(cli('token', 'revoke', "x' OR 1=1 --")).rejects.toThrow(/no active token/);
    await expect(cli('token', 'list', '--team', 'Nobody')).rejects.toThrow(/no team named/);
    expect((await get(admin.token)).status).toBe(200);
  });
});
