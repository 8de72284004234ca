import type { OutboxRow, StoredItem } from '../store/db';

// Delivery reads the records of a whole batch at once. Its items' ids are uuidv7, so the ids of
// items captured together sort together: one getAll over the span from the lowest to the highest
// id usually returns them all in a single IndexedDB request, where a get per item costs a request
// (and its round trip) each. Whatever lies in the span but is not wanted is skipped; if the span
// holds more than `spanLimit` records, the rest is read one request per item instead.

/** The part of an object store (or index) the span reads use. */
interface SpanSource<V> {
  getAll(query: IDBKeyRange, count?: number): Promise<V[]>;
}

/** How many records a span read may return before it stops and reads per item instead. */
export const spanLimit = (wanted: number) => 4 * wanted + 16;

/** The distinct ids, in IndexedDB's key order for strings (UTF-16 code units, as JS sorts). */
const sortedIds = (ids: readonly string[]) => [...new Set(ids)].sort();

/** Stored items by id, for the ids that exist (items store keyed by `item.id`). */
export async function readItems(
  store: SpanSource<StoredItem> & { get(id: string): Promise<StoredItem | undefined> },
  ids: readonly string[],
): Promise<Map<string, StoredItem>> {
  const wanted = sortedIds(ids);
  const found = new Map<string, StoredItem>();
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (first === undefined || last === undefined) return found;
  const limit = spanLimit(wanted.length);
  const span = await store.getAll(IDBKeyRange.bound(first, last), limit);
  const want = new Set(wanted);
  for (const stored of span) if (want.has(stored.item.id)) found.set(stored.item.id, stored);
  // A span shorter than its limit held every key in it: an id it did not return does not exist.
  if (span.length < limit) return found;
  const rest = wanted.filter((id) => !found.has(id));
  const more = await Promise.all(rest.map((id) => store.get(id)));
  for (const stored of more) if (stored) found.set(stored.item.id, stored);
  return found;
}

/** Every outbox row of each item (any endpoint), by item id (outbox keyed by [itemId, endpointId]). */
export async function readOutboxRowsOfItems(
  store: SpanSource<OutboxRow>,
  byItem: SpanSource<OutboxRow>,
  ids: readonly string[],
): Promise<Map<string, OutboxRow[]>> {
  const wanted = sortedIds(ids);
  const rows = new Map<string, OutboxRow[]>(wanted.map((id) => [id, []]));
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (first === undefined || last === undefined) return rows;
  const limit = spanLimit(wanted.length);
  // [id] sorts before every [id, endpointId], and [id, []] after them (arrays sort after strings).
  const span = await store.getAll(IDBKeyRange.bound([first], [last, []]), limit);
  for (const row of span) rows.get(row.itemId)?.push(row);
  if (span.length < limit) return rows;
  // Cut short: only items wholly before the last row read are complete; read the others by item.
  const lastRead = span[span.length - 1]?.itemId ?? '';
  const incomplete = wanted.filter((id) => id >= lastRead);
  const perItem = await Promise.all(incomplete.map((id) => byItem.getAll(IDBKeyRange.only(id))));
  for (const [index, id] of incomplete.entries()) rows.set(id, perItem[index] ?? []);
  return rows;
}
