import type { Item } from '../../schema';
import { itemFacts, summaryText, tagLabels, utcMinute } from './text';

/** Adaptive Card TextBlock (its text is a markdown subset). */
export interface CardTextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: true;
}
/** One name/value row of a FactSet. */
export interface CardFact {
  title: string;
  value: string;
}
/** Adaptive Card FactSet. */
export interface CardFactSet {
  type: 'FactSet';
  facts: CardFact[];
}
/** A button that opens a web page. */
export interface CardOpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
/** Buttons placed inside the body (1.2+), so each item can carry its own link. */
export interface CardActionSet {
  type: 'ActionSet';
  actions: CardOpenUrl[];
}
/** A group of elements; `separator` draws the line between items, `emphasis` shades a quote. */
export interface CardContainer {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis';
  separator?: true;
  spacing?: 'Medium';
}
/** The body elements Earmark sends. */
export type CardElement = CardTextBlock | CardFactSet | CardActionSet | CardContainer;
/** An Adaptive Card, schema 1.4 (the newest Teams renders everywhere). */
export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: CardElement[];
  actions?: CardOpenUrl[];
  msteams?: { width: 'Full' };
}
/** The payload a Teams Workflows "post to a channel" webhook accepts. */
export interface TeamsMessage {
  type: 'message';
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard },
  ];
}

/** Teams refuses messages over 28 KB; 2 KB stay free for the envelope Workflows adds. */
export const TEAMS_MAX_BYTES = 26 * 1024;

/**
 * Escapes one line of text for TextBlock/Fact markdown (CommonMark subset) with backslash escapes: inline
 * markers everywhere (`\ * _ [ ] ( ) ` and `<`, so no autolink or tag forms), `&` only where it
 * would start an entity, and block markers (`# > - + =`, `1.`) only at line start. Escaping `(`
 * also defuses `{{DATE(…)}}`. HTML is never rendered, so `<`, `>`, `&` then display literally.
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]()<]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^([#>\-+=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

/** Multi-line user text as TextBlock markdown: each line its own paragraph (single \n is ignored). */
function markdownLines(lines: string[]): string {
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .map(escapeCardMarkdown)
    .join('\n\n');
}

const textBlock = (text: string, extra: Partial<CardTextBlock> = {}): CardTextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** One item as a separated Container: tags, facts, quote, note and an "Open ticket" button. */
function itemContainer(item: Item): CardContainer {
  const labels = escapeCardMarkdown(tagLabels(item));
  const frame = { type: 'Container', separator: true, spacing: 'Medium' } as const;
  if (item.deleted)
    return { ...frame, items: [textBlock(`Capture withdrawn: ${labels}`, { isSubtle: true })] };
  const facts = itemFacts(item);
  const rows: [string, string][] = [
    ['Category', facts.categories],
    ['Agent', facts.agent],
    ['Team', facts.team],
    ['Site', facts.site],
    ['Ticket', facts.ticket],
    ['Captured', utcMinute(item.capturedAt)],
  ];
  const items: CardElement[] = [
    textBlock(labels, { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: rows
        .filter(([, value]) => value)
        .map(([title, value]) => ({ title, value: escapeCardMarkdown(value) })),
    },
  ];
  const quote = markdownLines(facts.quote);
  if (quote) items.push({ type: 'Container', style: 'emphasis', items: [textBlock(quote)] });
  const note = markdownLines(facts.note);
  if (note) items.push(textBlock(note));
  const { url } = facts;
  if (url)
    items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open ticket', url }] });
  return { ...frame, items };
}

const encoder = new TextEncoder();
const bytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** What one item adds to a Teams message, in bytes: its Container and the comma joining it. */
export function teamsItemBytes(item: Item): number {
  return bytes(itemContainer(item)) + 1;
}

/** A Teams incoming-webhook message: one full-width Adaptive Card 1.4 with `card` as its body. */
export function teamsCardMessage(card: CardElement[]): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: card,
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
const heading = (text: string) => textBlock(text, { size: 'Medium', weight: 'Bolder' });
const more = (n: number) => textBlock(`and ${n} more`, { isSubtle: true });

/**
 * Bytes the items of one Teams message may take (summed teamsItemBytes) so that all render:
 * TEAMS_MAX_BYTES less the frame with the longest heading and footer a batch can have.
 */
export const TEAMS_ITEMS_BUDGET =
  TEAMS_MAX_BYTES - bytes(teamsCardMessage([heading('999 new Earmark captures, 999 withdrawn'), more(999)]));

/**
 * Renders a batch as one Adaptive Card for a Teams Workflows webhook: a summary heading, then one
 * Container per item while the message stays under TEAMS_MAX_BYTES, then "and N more". Delivery
 * plans batches within TEAMS_ITEMS_BUDGET, so the footer only shows for larger lists.
 */
export function teamsMessage(items: Item[]): TeamsMessage {
  const body: CardElement[] = [heading(summaryText(items))];
  // Worst-case footer counted up front so the final "and N more" always fits.
  let used = bytes(teamsCardMessage([...body, more(items.length)]));
  let shown = 0;
  for (const item of items) {
    const container = itemContainer(item);
    const cost = bytes(container) + 1; // as teamsItemBytes: + the comma joining it to the body array
    // Per-item clipping keeps any single item well under the limit, so the first always fits.
    if (shown > 0 && used + cost > TEAMS_MAX_BYTES) break;
    body.push(container);
    used += cost;
    shown += 1;
  }
  if (shown < items.length) body.push(more(items.length - shown));
  return teamsCardMessage(body);
}
