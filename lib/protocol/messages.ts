import * as z from 'zod/mini';
import { TaxonomyTagSchema } from '../config/taxonomy-tag';
import { describeZodError, ItemSchema, SiteSchema } from '../schema';
import { type MessageFlags, type MisnamedRequests, type None, type Receiver, spec } from './spec';

// zod/mini, like the item contract: the sidebar app on every CRM page loads this (lib/schema.ts).
// Schemas are built on first use (`once`), not when the module is evaluated: see PROTOCOL.

/** A builder that runs once, on the first call, and then returns what it built. */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

/** The ticket context a content script reads with its adapter and sends with a capture. */
const ticketContextSchema = once(() =>
  z.strictObject({
    site: SiteSchema,
    url: z.url().check(z.maxLength(4096)),
    title: z.nullable(z.string().check(z.maxLength(1000))),
    ticketId: z.nullable(z.string().check(z.maxLength(200))),
  }),
);

/** One status word per capture (design.md UI names). */
export const SYNC_STATUSES = ['Queued', 'Sending', 'Sent', 'Failed', 'Needs attention'] as const;
const syncStatusSchema = once(() => z.enum(SYNC_STATUSES));
export type SyncStatus = z.infer<ReturnType<typeof syncStatusSchema>>;

/** A lead's triage of a capture, as the hub reported it (the loop back to the agent). */
const captureReviewSchema = once(() =>
  z.strictObject({
    status: z.enum(['reviewed', 'actioned', 'declined']),
    comment: z.nullable(z.string()),
    updatedAt: z.nullable(z.string()),
    /** False until the agent has seen an actioned capture (or a new comment on it). */
    seen: z.boolean(),
  }),
);
export type CaptureReview = z.infer<ReturnType<typeof captureReviewSchema>>;

/** A line of the sidebar's "Recent captures" list. */
const recentEntrySchema = once(() =>
  z.strictObject({
    id: z.string(),
    tags: z.array(z.string()),
    note: z.nullable(z.string()),
    capturedAt: z.string(),
    status: syncStatusSchema(),
    detail: z.nullable(z.string()),
    /** Present once a lead has triaged the capture. */
    review: z.optional(captureReviewSchema()),
  }),
);
export type RecentEntry = z.infer<ReturnType<typeof recentEntrySchema>>;

const text = once(() => z.nullable(z.string().check(z.maxLength(10_000))));

/** One endpoint's delivery health, for the popup and options page (no secrets). */
const endpointHealthSchema = once(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    format: z.enum(['json', 'slack', 'teams']),
    status: z.enum(['healthy', 'retrying', 'paused']),
    since: z.nullable(z.number()),
    reason: z.nullable(z.string()),
    lastSuccessAt: z.nullable(z.number()),
  }),
);
export type EndpointHealth = z.infer<ReturnType<typeof endpointHealthSchema>>;

/** Who signed in, as the popup, options page and sidebar show it (no tokens). */
const signedInSchema = once(() =>
  z.strictObject({ name: z.string(), team: z.string(), role: z.enum(['agent', 'lead']) }),
);

/** Queue and endpoint health. */
const queueHealthSchema = once(() =>
  z.strictObject({
    endpoints: z.array(endpointHealthSchema()),
    pendingItems: z.int(),
    parkedRows: z.int(),
    oldestPendingAt: z.nullable(z.string()),
    /** Epoch ms of the last delivery to any endpoint. */
    lastSyncAt: z.nullable(z.number()),
    /** Captures no configured endpoint takes, saved and waiting for one (not in pendingItems). */
    unroutedItems: z.int(),
    /** Why the dead letters were parked, with how many each reason stands for (most first). */
    parkedReasons: z.array(z.strictObject({ reason: z.string(), count: z.int() })),
    cap: z.int(),
    nearCap: z.boolean(),
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
);
export type QueueHealth = z.infer<ReturnType<typeof queueHealthSchema>>;

/** An endpoint's id, as the settings allow it. */
const endpointIdSchema = once(() => z.string().check(z.minLength(1), z.maxLength(100)));

/** A dead letter as exported (the item is already redacted). */
const deadLetterSchema = once(() =>
  z.strictObject({
    endpointId: z.string(),
    parkedAt: z.string(),
    reason: z.string(),
    item: z.unknown(),
  }),
);

/** A context-menu capture that was not saved, as the popup shows it (the text as selected). */
const menuFailureSchema = once(() =>
  z.strictObject({
    id: z.string(),
    at: z.string(),
    /** The tag's label, or its id when the taxonomy no longer has it. */
    tagLabel: z.string(),
    error: z.string(),
    text: z.nullable(z.string()),
    pageUrl: z.nullable(z.string()),
    /** False when the page gave nothing a capture could be made from: only the text is left. */
    retryable: z.boolean(),
  }),
);
export type MenuFailureView = z.infer<ReturnType<typeof menuFailureSchema>>;

/**
 * Every message between extension parts, declared once: its flags (receiver, pageOnly, readOnly)
 * and its request and reply schemas. Adding a message is one entry here plus its handler.
 * The schemas are built on first use: the sidebar app evaluates this module on every CRM page
 * load, and building all of zod's schemas up front cost more than the few it uses there.
 */
const SPECS = {
  capture: spec({ receiver: 'worker' }, () => ({
    request: z.strictObject({
      type: z.literal('capture'),
      tagId: z.string().check(z.minLength(1), z.maxLength(100)),
      note: text(),
      quote: text(),
      context: ticketContextSchema(),
    }),
    // routed: false when no endpoint takes the tag yet; the capture is saved and waits for one.
    reply: z.strictObject({ id: z.string(), tagLabel: z.string(), routed: z.boolean() }),
  })),
  undo: spec({ receiver: 'worker' }, () => ({
    request: z.strictObject({ type: z.literal('undo'), id: z.uuid() }),
    reply: z.strictObject({ id: z.string() }),
  })),
  recent: spec({ receiver: 'worker', readOnly: true }, () => ({
    request: z.strictObject({ type: z.literal('recent'), limit: z.int().check(z.minimum(1), z.maximum(50)) }),
    reply: z.strictObject({ entries: z.array(recentEntrySchema()) }),
  })),
  'sidebar-config': spec({ receiver: 'worker', readOnly: true }, () => ({
    request: z.strictObject({ type: z.literal('sidebar-config') }),
    // Only what a content script may see: never endpoints or secrets.
    reply: z.strictObject({
      taxonomy: z.array(TaxonomyTagSchema),
      agentName: z.string(),
      sites: z.array(z.strictObject({ match: z.string(), adapter: SiteSchema })),
      /** The hub's host while the policy requires a sign-in and nobody is signed in. */
      signInTo: z.optional(z.string().check(z.maxLength(300))),
    }),
  })),
  revise: spec({ receiver: 'worker' }, () => ({
    // An agent edits a capture's note or deletes it: a new revision, delivered like any change.
    request: z.strictObject({
      type: z.literal('revise'),
      id: z.uuid(),
      change: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('note'), note: text() }),
        z.strictObject({ kind: z.literal('delete') }),
      ]),
    }),
    reply: z.strictObject({ id: z.string(), revision: z.int() }),
  })),
  'ticket-context': spec({ receiver: 'tab', readOnly: true }, () => ({
    // Background → content script: the ticket context for a context-menu capture.
    request: z.strictObject({ type: z.literal('ticket-context') }),
    reply: ticketContextSchema(),
  })),
  'page-selection': spec({ receiver: 'tab', readOnly: true }, () => ({
    // Side panel → content script: the text the agent selected on the page, the capture's quote.
    request: z.strictObject({ type: z.literal('page-selection') }),
    reply: text(),
  })),
  'side-panel-opened': spec({ receiver: 'tab', readOnly: true }, () => ({
    // Background → every tab of a window whose side panel opened: hide the in-page sidebar.
    request: z.strictObject({ type: z.literal('side-panel-opened') }),
    reply: z.null(),
  })),
  'side-panel-closed': spec({ receiver: 'tab', readOnly: true }, () => ({
    // Background → every tab of a window whose side panel closed: the in-page sidebar comes back.
    request: z.strictObject({ type: z.literal('side-panel-closed') }),
    reply: z.null(),
  })),
  'side-panel-state': spec({ receiver: 'worker', readOnly: true }, () => ({
    // A content script starting: is the side panel open in its window (then it shows no sidebar)?
    request: z.strictObject({ type: z.literal('side-panel-state') }),
    reply: z.strictObject({ open: z.boolean() }),
  })),
  'side-panel-page': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The panel page in Firefox's sidebar, which reports no open or close: shown (on load) or
    // gone (pagehide) in its window, so that window's tabs hide or show the in-page sidebar.
    request: z.strictObject({
      type: z.literal('side-panel-page'),
      open: z.boolean(),
      windowId: z.int(),
    }),
    reply: z.null(),
  })),
  'open-side-panel': spec({ receiver: 'worker', readOnly: true }, () => ({
    // The agent's click on "Open in side panel" in the in-page sidebar: the sender's tab's window.
    request: z.strictObject({ type: z.literal('open-side-panel') }),
    reply: z.null(),
  })),
  'toggle-sidebar': spec({ receiver: 'tab', readOnly: true }, () => ({
    request: z.strictObject({ type: z.literal('toggle-sidebar') }),
    reply: z.null(),
  })),
  'queue-health': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    request: z.strictObject({ type: z.literal('queue-health') }),
    reply: queueHealthSchema(),
  })),
  'endpoint-resume': spec({ receiver: 'worker', pageOnly: true }, () => ({
    request: z.strictObject({
      type: z.literal('endpoint-resume'),
      endpointId: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
    reply: z.strictObject({ endpointId: z.string() }),
  })),
  'reviews-refresh': spec({ receiver: 'worker' }, () => ({
    // The sidebar opened: ask the hub for news (at most every 30 s); changed > 0 → re-read "recent".
    request: z.strictObject({ type: z.literal('reviews-refresh') }),
    reply: z.strictObject({ polled: z.boolean(), changed: z.int() }),
  })),
  'reviews-seen': spec({ receiver: 'worker' }, () => ({
    // The agent saw these reviews (sidebar) or opened the popup ('all'); clears the badge.
    request: z.strictObject({
      type: z.literal('reviews-seen'),
      ids: z.union([z.literal('all'), z.array(z.uuid()).check(z.maxLength(50))]),
    }),
    reply: z.strictObject({ unseen: z.int() }),
  })),
  'reviews-unseen': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The popup lists what the toolbar badge counts, before the agent marks it seen.
    request: z.strictObject({ type: z.literal('reviews-unseen') }),
    reply: z.strictObject({
      entries: z.array(
        z.strictObject({
          id: z.string(),
          tags: z.array(z.string()),
          note: z.nullable(z.string()),
          comment: z.nullable(z.string()),
          updatedAt: z.nullable(z.string()),
        }),
      ),
    }),
  })),
  'capture-tally': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The popup's "This week: …": from the hub with the agent token, else counted on this device.
    request: z.strictObject({
      type: z.literal('capture-tally'),
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
    }),
    reply: z.strictObject({
      source: z.enum(['hub', 'device']),
      captures: z.int(),
      // null: not known here (no hub, so no lead's triage reaches this device).
      reviewed: z.nullable(z.int()),
      actioned: z.nullable(z.int()),
      /** Why the hub gave no tally; null when it did or none was asked. */
      hubError: z.nullable(z.string()),
    }),
  })),
  'dead-letters': spec({ receiver: 'worker', pageOnly: true }, () => ({
    request: z.strictObject({
      type: z.literal('dead-letters'),
      action: z.enum(['retry', 'export', 'discard']),
    }),
    reply: z.strictObject({ count: z.int(), letters: z.optional(z.array(deadLetterSchema())) }),
  })),
  'menu-failures': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The popup lists the context-menu captures that were not saved, newest first.
    request: z.strictObject({ type: z.literal('menu-failures') }),
    reply: z.strictObject({ failures: z.array(menuFailureSchema()) }),
  })),
  'menu-failure': spec({ receiver: 'worker', pageOnly: true }, () => ({
    // Try a failed menu capture again (forgotten once saved), or dismiss it; answers what is left.
    request: z.strictObject({
      type: z.literal('menu-failure'),
      id: z.string().check(z.minLength(1), z.maxLength(100)),
      action: z.enum(['retry', 'dismiss']),
    }),
    reply: z.strictObject({
      failures: z.array(menuFailureSchema()),
      saved: z.nullable(z.strictObject({ id: z.string(), tagLabel: z.string(), routed: z.boolean() })),
    }),
  })),
  'sign-in': spec({ receiver: 'worker' }, () => ({
    // "Sign in to <hub>" (popup, options, sidebar): the worker runs the browser's auth window and
    // keeps the tokens; the answer says only who signed in, or why not.
    request: z.strictObject({ type: z.literal('sign-in') }),
    reply: z.strictObject({ person: z.nullable(signedInSchema()), error: z.nullable(z.string()) }),
  })),
  'sign-out': spec({ receiver: 'worker', pageOnly: true }, () => ({
    request: z.strictObject({ type: z.literal('sign-out') }),
    reply: z.null(),
  })),
  'hub-access': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The review page's and Test connection's token: the sign-in's access token, refreshed by the
    // worker alone (the hub ends a session whose refresh token is used twice). Null: not signed in.
    request: z.strictObject({ type: z.literal('hub-access') }),
    reply: z.nullable(
      z.strictObject({
        url: z.string(),
        token: z.string(),
        role: z.enum(['agent', 'lead']),
        expiresAt: z.number(),
      }),
    ),
  })),
  'endpoint-queued-count': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // Captures still owed to an endpoint (waiting or parked), before an admin deletes it.
    request: z.strictObject({ type: z.literal('endpoint-queued-count'), endpointId: endpointIdSchema() }),
    reply: z.strictObject({ count: z.int() }),
  })),
  'endpoint-queued-export': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // The items still owed to an endpoint, as the admin downloads them before deleting it.
    request: z.strictObject({ type: z.literal('endpoint-queued-export'), endpointId: endpointIdSchema() }),
    reply: z.strictObject({
      type: z.literal('earmark.queued-items.v1'),
      endpointId: z.string(),
      exportedAt: z.string(),
      items: z.array(ItemSchema),
    }),
  })),
  'endpoint-queued-drop': spec({ receiver: 'worker', pageOnly: true }, () => ({
    // Drops exactly the exported revisions; `remaining` counts rows queued after the export.
    request: z.strictObject({
      type: z.literal('endpoint-queued-drop'),
      endpointId: endpointIdSchema(),
      items: z.array(z.strictObject({ id: z.uuid(), revision: z.int().check(z.minimum(1)) })),
    }),
    reply: z.strictObject({ remaining: z.int() }),
  })),
  'endpoint-test': spec({ receiver: 'worker', pageOnly: true, readOnly: true }, () => ({
    // "Send test" in the options page: the worker POSTs a ping to this (saved) endpoint.
    request: z.strictObject({
      type: z.literal('endpoint-test'),
      endpoint: z.strictObject({
        id: endpointIdSchema(),
        name: z.string().check(z.maxLength(200)),
        url: z.string().check(z.maxLength(4096)),
        secret: z.string().check(z.maxLength(200)),
        tags: z.optional(z.array(z.string().check(z.maxLength(100)))),
        format: z.optional(z.enum(['json', 'slack', 'teams'])),
        enabled: z.optional(z.boolean()),
      }),
    }),
    reply: z.strictObject({
      ok: z.boolean(),
      status: z.nullable(z.int()),
      latencyMs: z.number(),
      excerpt: z.string(),
      error: z.nullable(z.string()),
    }),
  })),
};

/** Every message type. */
export type MessageType = keyof typeof SPECS;

// Fails typecheck naming any message whose request's literal `type` is not its key in SPECS.
type _EveryRequestTypeIsItsKey = None<MisnamedRequests<typeof SPECS>>;

/** The message types a receiver answers. */
export type MessageTo<R extends Receiver> = {
  [T in MessageType]: (typeof SPECS)[T]['flags']['receiver'] extends R ? T : never;
}[MessageType];

/** What the background answers. */
export type WorkerMessage = MessageTo<'worker'>;

/** What the content script in a tab answers. */
export type TabMessage = MessageTo<'tab'>;

/** Every message's flags, by type: read without building any schema. */
export const MESSAGE_FLAGS = Object.fromEntries(
  Object.entries(SPECS).map(([type, { flags }]) => [type, flags]),
) as { readonly [T in MessageType]: (typeof SPECS)[T]['flags'] };

/** The flags of a message type; undefined for anything else (also for Object's own members). */
export function messageFlags(type: unknown): MessageFlags | undefined {
  return typeof type === 'string' && Object.hasOwn(MESSAGE_FLAGS, type)
    ? MESSAGE_FLAGS[type as MessageType]
    : undefined;
}

type Specs = {
  readonly [T in MessageType]: (typeof SPECS)[T]['flags'] & ReturnType<(typeof SPECS)[T]['build']>;
};

/** Every message's flags and its request and reply schema, each built the first time it is read. */
export const PROTOCOL = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(SPECS).map(([type, { flags, build }]) => [
      type,
      { enumerable: true, get: once<unknown>(() => ({ ...flags, ...build() })) },
    ]),
  ),
) as Specs;

export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['reply']>;
/** Typed answer to every message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Any message's request. */
export type AnyRequest = { [T in MessageType]: RequestOf<T> }[MessageType];

/** Every spec's request schema in one union, discriminated by `type` (no list to keep in step). */
const buildAnyRequest = () => {
  const [first, ...rest] = (Object.keys(SPECS) as MessageType[]).map((type) => PROTOCOL[type].request);
  if (!first) throw new Error('the protocol declares no message');
  return z.discriminatedUnion('type', [first, ...rest]);
};
let anyRequest: ReturnType<typeof buildAnyRequest> | undefined;

/** Any request, discriminated by its `type` (built on first use, like PROTOCOL). */
export function anyRequestSchema(): ReturnType<typeof buildAnyRequest> {
  anyRequest ??= buildAnyRequest();
  return anyRequest;
}

/** One message's handler: it gets the parsed request and answers the reply (or throws). */
export type Handler<T extends MessageType, S = unknown> = (
  request: RequestOf<T>,
  sender: S,
) => Promise<ReplyOf<T>>;

/** Handlers for exactly these message types: each part of the background answers its own. */
export type HandlersFor<T extends MessageType, S = unknown> = { [K in T]: Handler<K, S> };

/** Handlers for any subset of message types (what `dispatch` looks a message up in). */
export type Handlers<S = unknown> = Partial<HandlersFor<MessageType, S>>;

/** The background's handler map: every message the worker receives, so a missing one fails typecheck. */
export type WorkerHandlers<S = unknown> = HandlersFor<WorkerMessage, S>;

/** Where a message came from: an extension page, or a content script inside a web page. */
export type Origin = 'extension-page' | 'content-script';

/** Parses an untrusted message and runs its handler; every failure becomes a typed error. */
export async function dispatch<S>(
  handlers: Handlers<S>,
  message: unknown,
  sender: S,
  origin: Origin = 'content-script',
): Promise<Result<unknown>> {
  const parsed = anyRequestSchema().safeParse(message);
  if (!parsed.success) return { ok: false, error: `invalid message: ${describeZodError(parsed.error)}` };
  const flags: MessageFlags = MESSAGE_FLAGS[parsed.data.type];
  if (flags.pageOnly && origin !== 'extension-page') {
    return { ok: false, error: `"${parsed.data.type}" is only accepted from Earmark's own pages` };
  }
  const handler = handlers[parsed.data.type] as ((r: AnyRequest, s: S) => Promise<unknown>) | undefined;
  if (!handler) return { ok: false, error: `no handler for "${parsed.data.type}" here` };
  try {
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const replyEnvelope = <T extends MessageType>(type: T) =>
  z.union([
    z.object({ ok: z.literal(true), value: PROTOCOL[type].reply }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
const replyEnvelopes = new Map<MessageType, ReturnType<typeof replyEnvelope>>();

/** Validates a reply received for a request of type T; throws with the remote or parse error. */
export function unwrapReply<T extends MessageType>(type: T, raw: unknown): ReplyOf<T> {
  const envelope = replyEnvelopes.get(type) ?? replyEnvelope(type);
  replyEnvelopes.set(type, envelope);
  const result = envelope.safeParse(raw);
  if (!result.success) throw new Error(`malformed reply to "${type}": ${describeZodError(result.error)}`);
  if (!result.data.ok) throw new Error(result.data.error);
  return result.data.value as ReplyOf<T>;
}
