import { serve } from '@hono/node-server';
import { createHubApp } from './app';
import { openHub } from './setup';

/** A running hub. */
export interface RunningHub {
  url: string;
  port: number;
  /** Verifies webhooks when the hub created the "Default" team with it (first start). */
  secret: string;
  secretCreated: boolean;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the hub on host:port (port 0 = any free port). Storage: PGlite under dataDir, or
 * PostgreSQL when databaseUrl is given. demo: true allows unauthenticated reads from anywhere.
 */
export async function startHub(options: {
  dataDir: string;
  port: number;
  host?: string;
  secret?: string;
  demo?: boolean;
  databaseUrl?: string;
}): Promise<RunningHub> {
  const { store, dataDir, secret, secretCreated } = await openHub(options);
  const app = createHubApp({ store, demo: options.demo ?? false });
  const host = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('listening', ok);
      server.once('error', fail);
    });
  } catch (error) {
    // The caller may retry on another port; release the database first (PGlite locks its dir).
    await store.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    port,
    secret,
    secretCreated,
    dataDir,
    async stop() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
    },
  };
}
