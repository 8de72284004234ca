import type { Hono } from 'hono';
import type { HubEnv } from '../auth/access';
import { SCHEMA_VERSION } from '../db/sql';
import type { HubStore } from '../store';

/** How long the database may take to answer before the hub reports itself not ready. */
export const READY_TIMEOUT_MS = 3_000;

let logged = '';

/** Logs a readiness problem once, not on every probe of a load balancer. */
function logOnce(line: string): void {
  if (line !== logged) console.error(line);
  logged = line;
}

/** Why the hub cannot serve, or null when it can: the database answers at this hub's schema. */
async function notReady(store: HubStore, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the database did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const answer = store.schemaVersion().then(
    (version) => {
      if (version === SCHEMA_VERSION) return null;
      return version < SCHEMA_VERSION
        ? `the database is at schema version ${version}, this hub needs ${SCHEMA_VERSION}: it migrates at start`
        : `the database is at schema version ${version}, newer than this hub's ${SCHEMA_VERSION}: upgrade this hub`;
    },
    (error: unknown) => {
      // The details (host names, users) go to the hub's log, not to whoever probes.
      logOnce(`Earmark hub: not ready, the database does not answer: ${String(error)}`);
      return 'the database does not answer';
    },
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /readyz for a load balancer: 200 while the database answers at this hub's schema version,
 * else 503 with the reason (a process whose database is down, or that an upgrade left behind,
 * gets no traffic). GET /healthz says only that the process runs.
 */
export function readinessRoute(app: Hono<HubEnv>, store: HubStore, timeoutMs = READY_TIMEOUT_MS): void {
  app.get('/readyz', async (c) => {
    const problem = await notReady(store, timeoutMs);
    if (problem) return c.json({ ok: false, error: problem }, 503);
    logged = '';
    return c.json({ ok: true, schema: SCHEMA_VERSION });
  });
}
