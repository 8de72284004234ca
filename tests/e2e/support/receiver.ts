import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the receiver got, with what it answered. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  answer: Answer;
}

/**
 * How the receiver answers one request: a status (optionally with headers and body), or a fault:
 * `drop` closes the connection unanswered, `commit-then-drop` records the batch then drops,
 * `hang` never answers.
 */
export type Answer =
  | number
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | 'drop'
  | 'commit-then-drop'
  | 'hang';

/** A local webhook receiver that records requests, can be scripted to fail, and taken down. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Answers for the next requests, in order; afterwards `fallback` decides (200 by default). */
  script(answers: Answer[]): void;
  fallback: (request: { headers: IncomingHttpHeaders; body: string }) => Answer;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when a request satisfying the predicate has arrived. */
  waitFor(predicate: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  /** Requests that were answered 2xx or recorded before a drop (what a real receiver stored). */
  committed(): ReceivedRequest[];
}

function respond(res: ServerResponse, answer: Exclude<Answer, 'drop' | 'commit-then-drop' | 'hang'>): void {
  const spec = typeof answer === 'number' ? { status: answer } : answer;
  const send = () =>
    res
      .writeHead(spec.status, { 'content-type': 'application/json', ...spec.headers })
      .end(spec.body ?? '{"ok":true}');
  if (typeof answer === 'object' && answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}

/** Starts a receiver on a free loopback port, answering 200 to every POST unless scripted. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const queue: Answer[] = [];
  let server: Server;
  let port = 0;

  const receiver: Receiver = {
    url: '',
    requests,
    fallback: () => 200,
    script: (answers) => queue.push(...answers),
    down: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
    up: () => listen(),
    close: () => receiver.down(),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = requests.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no matching request within ${timeoutMs} ms (got ${requests.length})`);
    },
    committed: () =>
      requests.filter((r) => {
        if (r.answer === 'commit-then-drop') return true;
        const status =
          typeof r.answer === 'number' ? r.answer : typeof r.answer === 'object' ? r.answer.status : 0;
        return status >= 200 && status < 300;
      }),
  };

  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const seen = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const answer = queue.shift() ?? receiver.fallback(seen);
        requests.push({ ...seen, at: Date.now(), answer });
        if (answer === 'hang') return;
        if (answer === 'drop' || answer === 'commit-then-drop') req.socket.destroy();
        else respond(res, answer);
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    receiver.url = `http://127.0.0.1:${port}/hooks/earmark`;
  };

  await listen();
  return receiver;
}
