import { z } from 'zod';
import { TaxonomyTagSchema } from './config';
import { describeZodError, SiteSchema } from './schema';

/** The ticket context a content script reads with its adapter and sends with a capture. */
export const TicketContextSchema = z.strictObject({
  site: SiteSchema,
  url: z.url().max(4096),
  title: z.string().max(1000).nullable(),
  ticketId: z.string().max(200).nullable(),
  customer: z.string().max(300).nullable(),
});

/** One status word per capture (design.md UI names). */
export const SYNC_STATUSES = ['Queued', 'Sending', 'Sent', 'Failed', 'Needs attention'] as const;
export const SyncStatusSchema = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A line of the sidebar's "Recent captures" list. */
export const RecentEntrySchema = z.strictObject({
  id: z.string(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  capturedAt: z.string(),
  status: SyncStatusSchema,
  detail: z.string().nullable(),
});
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

const text = z.string().max(10_000).nullable();

/** Every message between extension parts, each with its reply schema, declared once. */
export const PROTOCOL = {
  capture: {
    request: z.strictObject({
      type: z.literal('capture'),
      tagId: z.string().min(1).max(100),
      note: text,
      quote: text,
      context: TicketContextSchema,
    }),
    reply: z.strictObject({ id: z.string(), tagLabel: z.string() }),
  },
  undo: {
    request: z.strictObject({ type: z.literal('undo'), id: z.uuid() }),
    reply: z.strictObject({ id: z.string() }),
  },
  recent: {
    request: z.strictObject({ type: z.literal('recent'), limit: z.int().min(1).max(50) }),
    reply: z.strictObject({ entries: z.array(RecentEntrySchema) }),
  },
  'sidebar-config': {
    request: z.strictObject({ type: z.literal('sidebar-config') }),
    // Only what a content script may see: never endpoints or secrets.
    reply: z.strictObject({ taxonomy: z.array(TaxonomyTagSchema), agentName: z.string() }),
  },
  'toggle-sidebar': {
    request: z.strictObject({ type: z.literal('toggle-sidebar') }),
    reply: z.null(),
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['reply']>;
/** Typed answer to every message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Any request, discriminated by its `type`. */
export const AnyRequestSchema = z.discriminatedUnion('type', [
  PROTOCOL.capture.request,
  PROTOCOL.undo.request,
  PROTOCOL.recent.request,
  PROTOCOL['sidebar-config'].request,
  PROTOCOL['toggle-sidebar'].request,
]);
export type AnyRequest = z.infer<typeof AnyRequestSchema>;

/** Handlers for a subset of message types (each receiver handles its own). */
export type Handlers<S = unknown> = {
  [T in MessageType]?: (request: RequestOf<T>, sender: S) => Promise<ReplyOf<T>>;
};

/** Parses an untrusted message and runs its handler; every failure becomes a typed error. */
export async function dispatch<S>(
  handlers: Handlers<S>,
  message: unknown,
  sender: S,
): Promise<Result<unknown>> {
  const parsed = AnyRequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: `invalid message: ${describeZodError(parsed.error)}` };
  const handler = handlers[parsed.data.type] as ((r: AnyRequest, s: S) => Promise<unknown>) | undefined;
  if (!handler) return { ok: false, error: `no handler for "${parsed.data.type}" here` };
  try {
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Validates a reply received for a request of type T; throws with the remote or parse error. */
export function unwrapReply<T extends MessageType>(type: T, raw: unknown): ReplyOf<T> {
  const result = z
    .union([
      z.object({ ok: z.literal(true), value: PROTOCOL[type].reply }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ])
    .safeParse(raw);
  if (!result.success) throw new Error(`malformed reply to "${type}": ${describeZodError(result.error)}`);
  if (!result.data.ok) throw new Error(result.data.error);
  return result.data.value as ReplyOf<T>;
}
