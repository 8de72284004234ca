import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postBatch } from '../../lib/delivery/post';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1 with a random port; closed (connections too) after each test. */
async function listen(handler: Handler): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume(); // drain the signed body
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/webhook`, hits: () => hits };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

const HEADERS = { 'content-type': 'application/json', 'webhook-id': 'msg_1' };
const BODY = JSON.stringify({ items: [{ id: 'x' }] });
const post = (url: string, timeoutMs = 5_000) => postBatch(fetch, url, HEADERS, BODY, Date.now(), timeoutMs);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('postBatch against a hostile receiver', () => {
  it('reads only a short excerpt of a 50 MB streamed error body, and returns quickly', async () => {
    const CHUNK = Buffer.alloc(64 * 1024, 'A');
    const TOTAL_CHUNKS = (50 * 1024 * 1024) / CHUNK.length;
    let written = 0;
    let finished = false;
    const { url } = await listen((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      let stopped = false;
      res.on('close', () => {
        stopped = true;
      });
      const pump = () => {
        while (!stopped && written < TOTAL_CHUNKS) {
          written++;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        if (!stopped) {
          finished = true;
          res.end();
        }
      };
      pump();
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outcome = await post(url);
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({ ok: false, status: 500 });
    if (outcome.ok) throw new Error('unreachable');
    expect(outcome.error.startsWith('HTTP 500: AAA')).toBe(true);
    expect(outcome.error.length).toBeLessThanOrEqual('HTTP 500: '.length + 300);
    expect(elapsed).toBeLessThan(2_000);
    await sleep(200);
    expect(finished).toBe(false);
    expect(written).toBeLessThan(TOTAL_CHUNKS);
    // Loose bound: the 50 MB body is never buffered (heap noise is far below this).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it('does not follow a 302 redirect, and reports it as an error', async () => {
    const target = await listen((_req, res) => res.writeHead(200).end('{}'));
    const { url } = await listen((_req, res) => res.writeHead(302, { location: target.url }).end());
    const outcome = await post(url);
    expect(outcome).toMatchObject({ ok: false, status: 302, error: 'HTTP 302: redirect not followed' });
    await sleep(50);
    expect(target.hits()).toBe(0);
  });

  it('counts a 2xx with an invalid JSON body as delivered (the body is not parsed)', async () => {
    const { url, hits } = await listen((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": tru'),
    );
    expect(await post(url)).toEqual({ ok: true, status: 200 });
    expect(hits()).toBe(1);
  });

  it('reports a 500 with an invalid JSON body as a retryable error', async () => {
    const { url } = await listen((_req, res) =>
      res.writeHead(500, { 'content-type': 'application/json', 'retry-after': '7' }).end('{"error": '),
    );
    expect(await post(url)).toMatchObject({
      ok: false,
      status: 500,
      error: 'HTTP 500: {"error": ',
      retryAfterMs: 7_000,
    });
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    const { url, hits } = await listen(() => {}); // accepts, then hangs forever
    const started = performance.now();
    const outcome = await post(url, 500);
    const elapsed = performance.now() - started;
    expect(outcome).toEqual({ ok: false, status: null, error: 'no answer within 0.5 s', retryAfterMs: null });
    expect(hits()).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('reports a socket closed in the middle of the status line as a network error, without throwing', async () => {
    const { url } = await listen((_req, res) => {
      res.socket?.write('HTTP/1.1 200 OK\r\nContent-Ty');
      res.socket?.destroy();
    });
    const outcome = await post(url);
    expect(outcome).toMatchObject({ ok: false, status: null, retryAfterMs: null });
    if (!outcome.ok) expect(outcome.error).toMatch(/^network error: /);
  });

  it('survives a socket closed in the middle of an error body, without throwing', async () => {
    const { url } = await listen((_req, res) => {
      res.writeHead(503, { 'content-length': '100000' });
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const outcome = await post(url);
    expect(outcome).toMatchObject({ ok: false, status: 503 });
    if (!outcome.ok) expect(outcome.error.length).toBeLessThanOrEqual('HTTP 503: '.length + 300);
  });

  it('reports a refused connection as a network error, without throwing', async () => {
    const { url } = await listen(() => {});
    const closed = servers.pop() as Server;
    await new Promise((done) => closed.close(done));
    const outcome = await post(url);
    expect(outcome).toMatchObject({ ok: false, status: null });
    if (!outcome.ok) expect(outcome.error).toMatch(/^network error: /);
  });
});
