import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the receiver got. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that records requests and can be taken down and brought back. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when a request satisfying the predicate has arrived. */
  waitFor(predicate: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
}

/** Starts a receiver on a free loopback port, answering 200 to every POST. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;

  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((ok) => server.close(() => ok()));
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}/hooks/earmark`,
    requests,
    down: stop,
    up: listen,
    close: stop,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = requests.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching request within ${timeoutMs} ms (got ${requests.length})`);
    },
  };
}
