import type { HubItem } from '../store';

/** Column order of GET /v1/items.csv. */
export const CSV_COLUMNS = [
  'id',
  'capturedAt',
  'status',
  'comment',
  'tags',
  'categories',
  'site',
  'ticketId',
  'url',
  'agentId',
  'agentName',
  'team',
  'note',
  'quote',
  'deleted',
] as const;

/**
 * One RFC 4180 field. A leading =, +, -, @, tab or CR would make a spreadsheet evaluate the cell
 * as a formula (CSV injection), so such a cell gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CRLF-terminated CSV record. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The CSV record of one item, in CSV_COLUMNS order. */
export function itemRow(h: HubItem): string {
  const { item } = h;
  return csvRow([
    item.id,
    item.capturedAt,
    h.status,
    h.comment ?? '',
    item.tags.map((t) => t.label).join('; '),
    [...new Set(item.tags.map((t) => t.category))].join('; '),
    item.source.site,
    item.source.ticketId ?? '',
    item.source.url ?? '',
    item.agent.id,
    item.agent.name,
    item.agent.team,
    item.note ?? '',
    item.quote ?? '',
    String(item.deleted),
  ]);
}

/** Reads one page of the export after `cursor` (the previous page's last row), `limit` rows at most. */
export type ReadPage = (limit: number, cursor?: { capturedAt: string; id: string }) => Promise<HubItem[]>;

/**
 * The CSV export as a byte stream: the header, then one chunk per page of `pageSize` rows, up to
 * `maxRows`. A page is read only when the client has taken the previous chunk (pull), so the hub
 * holds about one page whatever the size of the download, and the first bytes leave before the
 * last rows are read.
 */
export function csvStream(
  readPage: ReadPage,
  options: { pageSize: number; maxRows: number; cursor?: { capturedAt: string; id: string } },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = options.cursor;
  let rows = 0;
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode(csvRow(CSV_COLUMNS)));
        return;
      }
      const limit = Math.min(options.pageSize, options.maxRows - rows);
      const page = limit > 0 ? await readPage(limit, cursor) : [];
      if (page.length) controller.enqueue(encoder.encode(page.map(itemRow).join('')));
      rows += page.length;
      const last = page.at(-1);
      if (page.length < limit || !last || rows >= options.maxRows) controller.close();
      else cursor = { capturedAt: last.item.capturedAt, id: last.item.id };
    },
  });
}
