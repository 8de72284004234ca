import type { EffectiveConfig } from '../config/policy';
import type { Endpoint, UrlMode } from '../config/settings';
import type { RequestOf } from '../protocol/messages';
import { type Category, redact } from '../redact';
import { type Item, ItemSchema, type Source } from '../schema';

/** Trims a URL per mode; by default query and fragment (where tokens live) are dropped. */
export function trimUrl(raw: string, mode: UrlMode = 'path'): string | null {
  if (mode === 'none') return null;
  const url = new URL(raw);
  if (mode === 'origin') return url.origin;
  if (mode === 'path') return `${url.origin}${url.pathname}`;
  return url.href;
}

/** Ids of the endpoints whose tag filter lets this item through (no filter = every tag). */
export function routeEndpoints(endpoints: Endpoint[], tagIds: string[]): string[] {
  // A disabled endpoint still gets its rows: they wait, and are sent once it is enabled again.
  return endpoints.filter((e) => !e.tags || e.tags.some((t) => tagIds.includes(t))).map((e) => e.id);
}

/** Redacts an optional text and adds its replacements to the running count. */
function redacted(
  value: string | null,
  counter: { n: number },
  categories?: readonly Category[],
): string | null {
  if (value === null || value.trim() === '') return null;
  const { text, count } = redact(value.trim(), { categories });
  counter.n += count;
  return text;
}

/** Builds revision 1 of an item from a validated capture request; PII is redacted here. */
export function buildItem(
  request: RequestOf<'capture'>,
  config: EffectiveConfig,
  id: string,
  nowMs: number,
): Item {
  const tag = config.taxonomy.find((t) => t.id === request.tagId);
  if (!tag) throw new Error(`unknown tag "${request.tagId}"`);
  const counter = { n: 0 };
  const source: Source = {
    site: request.context.site,
    url: trimUrl(request.context.url, config.urlMode),
    title: redacted(request.context.title, counter, config.redaction),
    ticketId: request.context.ticketId,
  };
  const at = new Date(nowMs).toISOString();
  return ItemSchema.parse({
    id,
    revision: 1,
    deleted: false,
    capturedAt: at,
    updatedAt: at,
    tags: [{ id: tag.id, label: tag.label, category: tag.category }],
    note: redacted(request.note, counter, config.redaction),
    quote: redacted(request.quote, counter, config.redaction),
    source,
    agent: config.agent,
    redactions: counter.n,
  });
}

/** A new revision with an edited (redacted) note. */
export function withNote(
  item: Item,
  note: string | null,
  nowMs: number,
  categories?: readonly Category[],
): Item {
  const counter = { n: 0 };
  const redactedNote = redacted(note, counter, categories);
  return ItemSchema.parse({
    ...item,
    revision: item.revision + 1,
    note: redactedNote,
    // Counts every replacement ever made for this item; the old note's are already in it.
    redactions: item.redactions + counter.n,
    updatedAt: new Date(nowMs).toISOString(),
  });
}

/** The tombstone revision that undoes a capture (delivered like any change). */
export function tombstone(item: Item, nowMs: number): Item {
  return { ...item, revision: item.revision + 1, deleted: true, updatedAt: new Date(nowMs).toISOString() };
}
