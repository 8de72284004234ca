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
