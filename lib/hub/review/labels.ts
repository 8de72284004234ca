import type { HubItem } from './schemas';

/** The item's tags as one label ("Bug, Chaser"). */
export function tagLabel(h: HubItem): string {
  return h.item.tags.map((t) => t.label).join(', ');
}

/** The text that identifies an item in a list: its note, else its quote, else its ticket. */
export function itemText(h: HubItem): string {
  const { note, quote, source } = h.item;
  return note?.trim() || quote?.trim() || (source.ticketId ? `Ticket ${source.ticketId}` : 'no note');
}

/** Name of a row's selection checkbox: "Select <tag label>: <note or quote, first 40 chars>". */
export function selectLabel(h: HubItem): string {
  return `Select ${tagLabel(h)}: ${itemText(h).slice(0, 40)}`;
}

const STATUS_WORDS = {
  new: 'New',
  reviewed: 'Reviewed',
  actioned: 'Actioned',
  declined: 'Declined',
} as const;

/** A review status as shown ("Actioned"). */
export function statusWord(status: HubItem['status']): string {
  return STATUS_WORDS[status];
}

/** A row's accessible name: tags, note, status, agent and capture day. */
export function rowLabel(h: HubItem): string {
  const day = h.item.capturedAt.slice(0, 10);
  return `${tagLabel(h)}: ${itemText(h)}. ${statusWord(h.status)}, ${h.item.agent.name}, ${day}`;
}

const number = new Intl.NumberFormat('en-GB');

/** The live count: "Showing 100 of 5,000 items", or that nothing matches. */
export function countText(loaded: number, total: number | null, filtered: boolean): string {
  if (loaded === 0 && (total === 0 || total === null)) {
    return filtered ? 'No items match these filters' : 'No items captured yet';
  }
  const of = total === null ? '' : ` of ${number.format(total)}`;
  const noun = (total ?? loaded) === 1 ? 'item' : 'items';
  return `Showing ${number.format(loaded)}${of} ${noun}`;
}

/** A capture time as the lead reads it (local time, day and minute). */
export function capturedText(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
