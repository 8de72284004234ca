import { describe, expect, it } from 'vitest';
import { awaitingSignIn, SIGN_IN_TO_SEND } from '../../lib/auth/hold';
import type { SignInIdentity } from '../../lib/auth/session';
import { mergeConfig, parsePolicy } from '../../lib/config/policy';
import { DEFAULT_SETTINGS, DEFAULT_TAXONOMY, UNKNOWN_AGENT } from '../../lib/config/settings';
import { claimOncePerSession, claimWaitingCaptures } from '../../lib/store/claim';
import { openEarmarkDB } from '../../lib/store/db';
import { newOutboxRow } from '../../lib/store/item-writes';
import { syncStatus } from '../../lib/store/sync-status';
import { makeItem } from '../helpers/items';

// Identity from the sign-in, and the policy's `hub.signIn: "required"`: captures made before the
// sign-in wait as the unknown agent ("Sign in to send") and become the signed-in agent's.

const HUB = 'https://hub.example';
const ANA: SignInIdentity = {
  hubUrl: HUB,
  person: {
    agentId: 'ana@corp.example',
    name: 'Ana Agent',
    email: 'ana@corp.example',
    teamId: '0190a000-0000-7000-8000-000000000001',
    team: 'Tier 1',
    role: 'agent',
  },
};
const local = { ...DEFAULT_SETTINGS, agent: { id: 'typed-id', name: 'Typed Name', team: 'Typed team' } };
const policy = (signIn?: 'required' | 'optional') =>
  parsePolicy({ hub: { url: HUB, ...(signIn ? { signIn } : {}) } });

describe('identity from the sign-in', () => {
  it('makes the signed-in person the agent, for the hub they signed in to only', () => {
    const signedIn = mergeConfig(local, policy('optional'), DEFAULT_TAXONOMY, ANA);
    expect(signedIn.agent).toEqual({ id: 'ana@corp.example', name: 'Ana Agent', team: 'Tier 1' });
    expect(signedIn.signedIn).toEqual(ANA);
    const elsewhere = mergeConfig(local, policy('optional'), DEFAULT_TAXONOMY, {
      ...ANA,
      hubUrl: 'https://old.example',
    });
    expect(elsewhere.signedIn).toBeNull();
    expect(elsewhere.agent.id).toBe('typed-id');
  });

  it('with sign-in required, holds deliveries and captures as the unknown agent until someone signs in', () => {
    const before = mergeConfig(local, policy('required'), DEFAULT_TAXONOMY, null);
    expect(before.hub?.signIn).toBe('required');
    expect(before.agent).toEqual(UNKNOWN_AGENT);
    expect(awaitingSignIn(before)).toBe(true);
    expect(awaitingSignIn(mergeConfig(local, policy('required'), DEFAULT_TAXONOMY, ANA))).toBe(false);
    expect(awaitingSignIn(mergeConfig(local, policy('optional'), DEFAULT_TAXONOMY, null))).toBe(false);
    expect(parsePolicy({ hub: { url: HUB, signIn: 'always' } }).problems[0]?.path).toBe('hub.signIn');
  });

  it('shows a held capture as "Sign in to send"', () => {
    const item = makeItem();
    const rows = [newOutboxRow(item, 'hub', 0)];
    const context = { knownEndpoints: new Set(['hub']), paused: new Map(), now: 0 };
    expect(syncStatus({ item, sentAt: null }, rows, { ...context, awaitingSignIn: true })).toEqual({
      status: 'Queued',
      detail: SIGN_IN_TO_SEND,
    });
    expect(syncStatus({ item, sentAt: null }, rows, context).detail).toBeNull();
  });

  it('gives the waiting captures of the unknown agent to the agent who signs in, and no others', async () => {
    const db = await openEarmarkDB(`claim-${Math.random()}`);
    const waiting = makeItem({ agent: { ...UNKNOWN_AGENT } });
    const unrouted = makeItem({ agent: { ...UNKNOWN_AGENT } });
    const someoneElse = makeItem({ agent: { id: 'bo', name: 'Bo', team: 'Tier 1' } });
    const sent = makeItem({ agent: { ...UNKNOWN_AGENT } });
    await db.put('items', { item: waiting, sentAt: null, pending: 1 });
    await db.put('items', { item: unrouted, sentAt: null, unrouted: 1 });
    await db.put('items', { item: someoneElse, sentAt: null, pending: 1 });
    await db.put('items', { item: sent, sentAt: 5 });
    const agent = { id: 'ana@corp.example', name: 'Ana Agent', team: 'Tier 1' };
    expect(await claimWaitingCaptures(db, agent, UNKNOWN_AGENT.id)).toBe(2);
    expect((await db.get('items', waiting.id))?.item).toEqual({ ...waiting, agent });
    expect((await db.get('items', unrouted.id))?.item.agent).toEqual(agent);
    expect((await db.get('items', someoneElse.id))?.item.agent.id).toBe('bo');
    expect((await db.get('items', sent.id))?.item.agent.id).toBe(UNKNOWN_AGENT.id);
  });

  it('claims once per sign-in session, not on every flush; a new session claims again', async () => {
    const db = await openEarmarkDB(`claim-once-${Math.random()}`);
    const claim = claimOncePerSession(async () => db, UNKNOWN_AGENT.id);
    const agent = { id: 'ana@corp.example', name: 'Ana Agent', team: 'Tier 1' };
    const first = makeItem({ agent: { ...UNKNOWN_AGENT } });
    await db.put('items', { item: first, sentAt: null, pending: 1 });
    await claim('s-1', agent);
    expect((await db.get('items', first.id))?.item.agent).toEqual(agent);
    const later = makeItem({ agent: { ...UNKNOWN_AGENT } }); // e.g. made after a sign-out
    await db.put('items', { item: later, sentAt: null, pending: 1 });
    await claim('s-1', agent);
    expect((await db.get('items', later.id))?.item.agent.id).toBe(UNKNOWN_AGENT.id); // no second scan
    await claim('s-2', agent);
    expect((await db.get('items', later.id))?.item.agent).toEqual(agent);
  });
});
