import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testHubConnection } from '../../lib/hub/check';
import { HubError } from '../../lib/hub/errors';
import { createReviewClient } from '../../lib/hub/review/client';
import { NO_FILTERS } from '../../lib/hub/review/query';

const TOKEN = 'lead-token-0123456789abcdef';
const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1 with a random port, recording the authorization of each request. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Array<{ path: string; authorization: string | null }> = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null });
    req.resume();
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

/** A hub whose every answer is a 302 to another origin (another port), and that other origin. */
async function redirectingHub() {
  const elsewhere = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, items: [], nextCursor: null }));
  });
  const hub = await listen((req, res) => {
    res.writeHead(302, { location: `${elsewhere.url}${req.url}` });
    res.end();
  });
  return { hub, elsewhere };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

describe('the hub client and a redirect to another origin', () => {
  it('the review page does not follow it, so the lead token never reaches the other origin', async () => {
    const { hub, elsewhere } = await redirectingHub();
    const client = createReviewClient({ url: hub.url, token: TOKEN, fetch: globalThis.fetch });
    const error = await client.listItems(NO_FILTERS).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect((error as HubError).message).toContain('redirect');
    expect(hub.seen).toEqual([
      { path: expect.stringMatching(/^\/v1\/items\?/), authorization: `Bearer ${TOKEN}` },
    ]);
    expect(elsewhere.seen).toEqual([]);
  });

  it('Test connection reports it and sends no token anywhere else', async () => {
    const { hub, elsewhere } = await redirectingHub();
    const checks = await testHubConnection({ url: hub.url, leadToken: TOKEN }, globalThis.fetch);
    expect(checks).toEqual([
      { what: 'hub', ok: false, text: 'Hub not reachable: HTTP 302: redirect not followed' },
    ]);
    expect(hub.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
  });
});
