import type { EarmarkDatabase, EndpointState } from '../store/db';

/** The state of an endpoint never seen failing. */
export function healthyState(endpointId: string, now: number): EndpointState {
  return {
    endpointId,
    status: 'healthy',
    since: now,
    reason: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
  };
}

/** Every recorded endpoint state, by endpoint id. */
export async function endpointStates(db: EarmarkDatabase): Promise<Map<string, EndpointState>> {
  return new Map((await db.getAll('endpoints')).map((s) => [s.endpointId, s]));
}

/** Ids of endpoints an admin must re-enable before anything is sent to them. */
export async function pausedEndpoints(db: EarmarkDatabase): Promise<Set<string>> {
  const states = await db.getAll('endpoints');
  return new Set(states.filter((s) => s.status === 'paused').map((s) => s.endpointId));
}

/** Re-enables a paused endpoint; its queued rows become due at once. */
export async function resumeEndpoint(db: EarmarkDatabase, endpointId: string, now: number): Promise<void> {
  const tx = db.transaction(['endpoints', 'outbox'], 'readwrite');
  const state = await tx.objectStore('endpoints').get(endpointId);
  await tx
    .objectStore('endpoints')
    .put({ ...(state ?? healthyState(endpointId, now)), status: 'healthy', since: now, reason: null });
  let cursor = await tx.objectStore('outbox').index('by-endpoint').openCursor(endpointId);
  while (cursor) {
    const row = cursor.value;
    if (row.parkedAt === undefined) await cursor.update({ ...row, nextAttemptAt: now, leaseUntil: 0 });
    cursor = await cursor.continue();
  }
  await tx.done;
}
