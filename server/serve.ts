import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createHubApp } from './app';
import { openPgliteStore } from './pglite-store';
import { resolveSecret } from './secret';

/** A running hub. */
export interface RunningHub {
  url: string;
  port: number;
  secret: string;
  secretCreated: boolean;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the hub: PGlite under dataDir, HTTP on host:port (port 0 = any free port). */
export async function startHub(options: {
  dataDir: string;
  port: number;
  host?: string;
  secret?: string;
}): Promise<RunningHub> {
  const dataDir = resolve(options.dataDir);
  const { secret, created } = resolveSecret(dataDir, options.secret);
  const store = await openPgliteStore(join(dataDir, 'db'));
  const app = createHubApp({ store, secret });
  const host = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    port,
    secret,
    secretCreated: created,
    dataDir,
    async stop() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
    },
  };
}
