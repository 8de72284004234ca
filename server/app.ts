import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import { BatchSchema, describeZodError } from '../lib/schema';
import { itemsPage } from './items-page';
import type { HubStore } from './store';

/** Largest webhook body accepted (a batch is at most 25 items or 64 KB; this leaves headroom). */
export const MAX_BODY_BYTES = 1024 * 1024;

const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The hub's HTTP API: signed ingest, item listing, health. */
export function createHubApp(options: { store: HubStore; secret: string }) {
  const webhook = new Webhook(options.secret);
  const app = new Hono();
  app.use(secureHeaders());

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post(
    '/v1/webhook',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body too large' }, 413) }),
    async (c) => {
      const body = await c.req.text();
      try {
        // Verifies the signature and the 5-minute replay window before anything is parsed.
        webhook.verify(body, Object.fromEntries(c.req.raw.headers), { jsonParse: false });
      } catch (error) {
        const reason = error instanceof WebhookVerificationError ? error.message : 'verification failed';
        return c.json({ error: `signature rejected: ${reason}` }, 401);
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return c.json({ error: 'body is not valid JSON' }, 400);
      }
      const batch = BatchSchema.safeParse(json);
      if (!batch.success) return c.json({ error: `invalid batch: ${describeZodError(batch.error)}` }, 400);
      const result = await options.store.upsertItems(batch.data.items);
      return c.json({ received: batch.data.items.length, ...result });
    },
  );

  app.get('/v1/items', async (c) => {
    const query = ListQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeZodError(query.error) }, 400);
    const items = await options.store.listItems(query.data);
    return c.json({ items });
  });

  app.get('/', async (c) => c.html(itemsPage(await options.store.listItems({ limit: 50 }))));

  app.onError((error, c) => {
    console.error('hub error', error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
