import type { Agent } from '../schema';
import type { EarmarkDatabase, StoredItem } from './db';

// With the policy's `hub.signIn: "required"`, captures made before the agent signs in are stored
// as the unknown agent and held back (lib/auth/hold.ts): nothing of them has reached a receiver.
// Once the agent signs in, those captures become theirs, before the first one is sent.

/**
 * Gives the signed-in agent every waiting capture stored as `unknownId` (queued, or waiting for
 * an endpoint); answers how many changed. The revision stays: no receiver has seen the item.
 */
export async function claimWaitingCaptures(
  db: EarmarkDatabase,
  agent: Agent,
  unknownId: string,
): Promise<number> {
  const tx = db.transaction('items', 'readwrite');
  const items = tx.objectStore('items');
  const waiting: StoredItem[] = [
    ...(await items.index('by-pending').getAll(1)),
    ...(await items.index('by-unrouted').getAll(1)),
  ];
  let claimed = 0;
  for (const stored of waiting) {
    if (stored.item.agent.id !== unknownId || stored.sentAt !== null) continue;
    await items.put({ ...stored, item: { ...stored.item, agent: { ...agent } } });
    claimed++;
  }
  await tx.done;
  return claimed;
}

/**
 * The claim as the worker's flushes run it: once per sign-in session, not on every flush, since it
 * reads every queued item (thousands while a receiver is down). After the claim, captures carry the
 * signed-in agent, so a session has nothing more to claim; a new session may (made after a sign-out).
 */
export function claimOncePerSession(
  db: () => Promise<EarmarkDatabase>,
  unknownId: string,
): (sessionId: string, agent: Agent) => Promise<void> {
  let claimedFor: string | null = null;
  return async (sessionId, agent) => {
    if (sessionId === claimedFor) return;
    await claimWaitingCaptures(await db(), agent, unknownId);
    claimedFor = sessionId;
  };
}
