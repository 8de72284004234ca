import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { createMenuFailureHandlers } from '../../lib/capture/menu-failure-handlers';
import { createMenuFailureLog } from '../../lib/capture/menu-failures';
import { createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { createEndpointHandlers } from '../../lib/delivery/endpoint-handlers';
import { createLoopBack } from '../../lib/hub/status/loop-back';
import {
  anyRequestSchema,
  dispatch,
  type Handlers,
  type Origin,
  PROTOCOL,
} from '../../lib/protocol/messages';
import { createPanelWindows } from '../../lib/sidepanel/panel-windows';
import { type EarmarkDatabase, openEarmarkDB } from '../../lib/store/db';
import { createTallyHandlers } from '../../lib/tally/handler';
import { testConfig } from '../helpers/config';

/** fast-check prints the seed and the shrunk counterexample on failure; CI runs five times more. */
const RUNS = process.env.CI ? 1000 : 200;
const ORIGINS: Origin[] = ['content-script', 'extension-page'];
const NOW = Date.parse('2026-11-23T10:00:00Z');

const context = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV',
  ticketId: '4821',
};

/** Every handler of every receiver, over one fake-indexeddb database seeded with one capture. */
async function setup() {
  const db = await openEarmarkDB(`fuzz-messages-${Math.random()}`);
  const onQueued = vi.fn();
  const base = { db: async () => db, loadConfig: async () => testConfig(), now: () => NOW, onQueued };
  // The loop back polls a hub that answers nothing; the badge and alarms are fakes.
  const loopBack = createLoopBack({
    ...base,
    loadConfig: async () =>
      testConfig({ hub: { url: 'https://hub.example.com', agentToken: 'agent-token-0123456789abcdef' } }),
    // A hub that reports every capture it is asked about as actioned, so polls write reviews.
    fetch: (async (input: RequestInfo | URL) => {
      const ids = new URL(String(input)).searchParams.get('ids')?.split(',') ?? [];
      return Response.json(ids.map((id) => ({ id, status: 'actioned', comment: 'done', updatedAt: null })));
    }) as typeof fetch,
    action: {
      setBadgeText: async () => {},
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    },
    alarms: { get: async () => undefined, create: () => {}, clear: async () => true },
    saveRecord: async () => {},
  });
  const captureHandlers = createCaptureHandlers({ ...base, newId: uuidv7 });
  let kept: unknown = [];
  const menuFailures = createMenuFailureLog({
    getValue: async () => kept,
    setValue: async (value) => {
      kept = value;
    },
  });
  await menuFailures.add({
    id: 'menu-failure-1',
    at: new Date(NOW).toISOString(),
    tagId: 'bug',
    tagLabel: 'Bug',
    error: 'the queue is full',
    text: 'selected text',
    pageUrl: context.url,
    request: {
      type: 'capture',
      tagId: 'bug',
      note: null,
      quote: 'selected text',
      context: { ...context, site: 'zendesk' },
    },
    tabId: 7,
  });
  const handlers: Handlers = {
    ...captureHandlers,
    ...createAdminHandlers(base),
    // "Send test" reaches a receiver that answers 200 to everything.
    ...createEndpointHandlers({ ...base, fetch: (async () => Response.json({ ok: true })) as typeof fetch }),
    ...loopBack.handlers,
    // The popup's tally, with no hub configured: counted in the seeded database.
    ...createTallyHandlers({ ...base, fetch: (async () => Response.json({})) as typeof fetch }),
    // Failed menu captures, kept in memory here, with one failure to act on.
    ...createMenuFailureHandlers({
      log: menuFailures,
      capture: (request, sender) => captureHandlers.capture(request, sender),
      clearBadge: async () => {},
    }),
    // The content script's receivers (lib/capture/menu-actions, lib/capture/commands), as trivial real-shaped handlers.
    'ticket-context': async () => ({ ...context, site: 'zendesk' as const }),
    'toggle-sidebar': async () => null,
    'page-selection': async () => 'a quote',
    'side-panel-opened': async () => null,
    'side-panel-closed': async () => null,
    // The side panel's bookkeeping, with one window open and a browser that opens nothing.
    ...createPanelWindows({
      load: async () => [1],
      save: async () => {},
      tabsIn: async () => [],
      tell: async () => null,
      open: async () => {},
    }).handlers,
  };
  const seeded = await dispatch(
    handlers,
    { type: 'capture', tagId: 'bug', note: 'n', quote: null, context },
    {},
  );
  if (!seeded.ok) throw new Error(seeded.error);
  onQueued.mockClear();
  const itemId = (seeded.value as { id: string }).id;
  // Delivered, so the loop back asks the hub about it.
  const stored = await db.get('items', itemId);
  if (stored) await db.put('items', { ...stored, sentAt: NOW });
  return { db, handlers, onQueued, itemId };
}

/** Everything the handlers can write, as one comparable value. */
async function snapshot(db: EarmarkDatabase) {
  return JSON.stringify([
    await db.getAll('items'),
    await db.getAll('outbox'),
    await db.getAll('endpoints'),
    await db.getAll('reviews'),
  ]);
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTOTYPE_KEYS = prototypeKeys();

function expectPrototypesClean() {
  expect(prototypeKeys()).toEqual(PROTOTYPE_KEYS);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'type', 'tagId', 'ok']) expect(probe[key]).toBeUndefined();
  expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
}

/** A valid message of every type (ids filled in with the seeded capture). */
function validMessages(itemId: string): Record<string, unknown>[] {
  return [
    { type: 'capture', tagId: 'bug', note: 'a note', quote: 'a quote', context },
    { type: 'undo', id: itemId },
    { type: 'recent', limit: 10 },
    { type: 'sidebar-config' },
    { type: 'revise', id: itemId, change: { kind: 'note', note: 'edited' } },
    { type: 'revise', id: itemId, change: { kind: 'delete' } },
    { type: 'ticket-context' },
    { type: 'toggle-sidebar' },
    { type: 'page-selection' },
    { type: 'side-panel-opened' },
    { type: 'side-panel-closed' },
    { type: 'side-panel-state' },
    { type: 'open-side-panel' },
    { type: 'queue-health' },
    { type: 'endpoint-resume', endpointId: 'hub' },
    { type: 'dead-letters', action: 'export' },
    { type: 'dead-letters', action: 'retry' },
    { type: 'dead-letters', action: 'discard' },
    { type: 'reviews-refresh' },
    { type: 'reviews-seen', ids: [itemId] },
    { type: 'reviews-unseen' },
    { type: 'reviews-seen', ids: 'all' },
    { type: 'capture-tally', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
    { type: 'menu-failures' },
    { type: 'menu-failure', id: 'menu-failure-1', action: 'dismiss' },
    { type: 'endpoint-queued-count', endpointId: 'hub' },
    { type: 'endpoint-queued-export', endpointId: 'hub' },
    { type: 'endpoint-queued-drop', endpointId: 'hub', items: [{ id: itemId, revision: 1 }] },
    { type: 'endpoint-test', endpoint: testConfig().endpoints[0] },
  ];
}

/** Paths to every key of a (nested) plain object. */
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).flatMap((key) => [
    [...prefix, key],
    ...keyPaths((value as never)[key], [...prefix, key]),
  ]);
}

/** The object holding the last key of `path` inside `root`. */
function parentOf(root: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  return node;
}

type Mutation =
  | { kind: 'wrong-type'; value: unknown }
  | { kind: 'huge-string'; length: number }
  | { kind: 'unknown-key'; key: string; value: unknown }
  | { kind: 'missing-key' }
  | { kind: 'pollution'; key: '__proto__' | 'constructor' | 'prototype'; json: boolean };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), value: fc.anything() }),
  fc.record({
    kind: fc.constant('huge-string' as const),
    length: fc.constantFrom(101, 1_001, 10_001, 200_000),
  }),
  fc.record({
    kind: fc.constant('unknown-key' as const),
    key: fc.string({ minLength: 1 }),
    value: fc.jsonValue(),
  }),
  fc.record({ kind: fc.constant('missing-key' as const) }),
  fc.record({
    kind: fc.constant('pollution' as const),
    key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
    json: fc.boolean(),
  }),
);

/** A deep copy of `base` with one field at one path mutated. */
function mutate(base: Record<string, unknown>, pathIndex: number, mutation: Mutation): unknown {
  const message = structuredClone(base);
  const paths = keyPaths(message);
  const path = paths[pathIndex % paths.length] as string[];
  const parent = parentOf(message, path);
  const key = path.at(-1) as string;
  switch (mutation.kind) {
    case 'wrong-type':
      parent[key] = mutation.value;
      break;
    case 'huge-string':
      parent[key] = 'x'.repeat(mutation.length);
      break;
    case 'unknown-key':
      // defineProperty, not assignment: a generated "__proto__" must become an own key.
      Object.defineProperty(parent, mutation.key === key ? `${key}_` : mutation.key, {
        value: mutation.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    case 'missing-key':
      delete parent[key];
      break;
    case 'pollution': {
      const payload = { polluted: true, isAdmin: true, prototype: { polluted: true } };
      // An own "__proto__"/"constructor" key, exactly as a JSON or structured-clone message carries it.
      const own = mutation.json
        ? (JSON.parse(`{${JSON.stringify(mutation.key)}: ${JSON.stringify(payload)}}`) as Record<
            string,
            unknown
          >)
        : (Object.defineProperty({}, mutation.key, { value: payload, enumerable: true }) as Record<
            string,
            unknown
          >);
      Object.defineProperty(parent, mutation.key, {
        value: own[mutation.key],
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    }
  }
  return message;
}

const hostileAnything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Shapes a well-typed reply must have, and nothing else. */
function expectResultShape(reply: unknown) {
  expect(reply).toBeTypeOf('object');
  const r = reply as Record<string, unknown>;
  if (r.ok === true) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    expect(r.ok).toBe(false);
    expect(r.error).toBeTypeOf('string');
  }
}

/** Throws `message` at every handler, checking the dispatcher's contract. */
async function check(
  env: Awaited<ReturnType<typeof setup>>,
  message: unknown,
  origin: Origin,
): Promise<void> {
  const before = await snapshot(env.db);
  env.onQueued.mockClear();
  let reply: unknown;
  try {
    reply = await dispatch(env.handlers, message, {}, origin);
  } catch (error) {
    throw new Error(`dispatch threw: ${String(error)}`);
  }
  expectResultShape(reply);
  expectPrototypesClean();
  const parsed = anyRequestSchema().safeParse(message);
  const refused =
    !parsed.success || ('pageOnly' in PROTOCOL[parsed.data.type] && origin !== 'extension-page');
  if (refused) {
    expect((reply as { ok: boolean }).ok).toBe(false);
    expect(await snapshot(env.db)).toBe(before);
    expect(env.onQueued).not.toHaveBeenCalled();
  } else if ((reply as { ok: boolean }).ok) {
    // An accepted message gets a reply that its own reply schema accepts.
    const spec = PROTOCOL[parsed.data.type];
    expect(spec.reply.safeParse((reply as { value: unknown }).value).success).toBe(true);
  }
}

describe('dispatch under fuzzed messages', { timeout: 120_000 }, () => {
  it.each(ORIGINS)('never throws on arbitrary values, stores nothing (%s)', async (origin) => {
    const env = await setup();
    await fc.assert(
      fc.asyncProperty(hostileAnything, (message) => check(env, message, origin)),
      { numRuns: RUNS },
    );
  });

  it.each(ORIGINS)('never throws on arbitrary JSON, stores nothing (%s)', async (origin) => {
    const env = await setup();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (message) => check(env, message, origin)),
      { numRuns: RUNS },
    );
  });

  it.each(ORIGINS)(
    'rejects near-valid messages cleanly, writing only for valid ones (%s)',
    async (origin) => {
      const env = await setup();
      const bases = validMessages(env.itemId);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: bases.length - 1 }),
          fc.nat(),
          mutationArb,
          async (baseIndex, pathIndex, mutation) => {
            const message = mutate(bases[baseIndex] as Record<string, unknown>, pathIndex, mutation);
            await check(env, message, origin);
            // The mutations always break the shape except a huge string that fits a field's limit.
            if (mutation.kind !== 'huge-string' && mutation.kind !== 'wrong-type') {
              expect(anyRequestSchema().safeParse(message).success).toBe(false);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it.each(ORIGINS)('never throws on a valid type with a random body (%s)', async (origin) => {
    const env = await setup();
    const types = Object.keys(PROTOCOL);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.dictionary(fc.string(), hostileAnything, { maxKeys: 5 }),
        (type, body) => check(env, { ...body, type }, origin),
      ),
      { numRuns: RUNS },
    );
  });

  it.each(ORIGINS)('answers every valid message with a well-formed result (%s)', async (origin) => {
    const env = await setup();
    for (const message of validMessages(env.itemId)) await check(env, message, origin);
  });
});
