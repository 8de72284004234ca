import type { Item } from '../../schema';
import { cleanLine, httpUrl, itemFacts, summaryText, utcMinute } from './text';

/** A Block Kit mrkdwn text object. */
export interface SlackMrkdwn {
  type: 'mrkdwn';
  text: string;
}
/** A section block with one mrkdwn text. */
export interface SlackSection {
  type: 'section';
  text: SlackMrkdwn;
}
/** A context block: small, grey mrkdwn snippets on one line. */
export interface SlackContext {
  type: 'context';
  elements: SlackMrkdwn[];
}
/** A horizontal rule. */
export interface SlackDivider {
  type: 'divider';
}
/** The blocks Earmark sends. */
export type SlackBlock = SlackSection | SlackContext | SlackDivider;
/** An incoming-webhook payload; `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Slack rejects messages with more blocks than this. */
export const SLACK_MAX_BLOCKS = 50;
/**
 * Most items one Slack message shows in full: each takes at most two blocks plus a divider before
 * it (the first none), so 17 fill the 50 blocks exactly and never need "and N more".
 */
export const SLACK_MAX_ITEMS = Math.floor((SLACK_MAX_BLOCKS + 1) / 3);
/** Slack rejects section texts longer than this. */
export const SLACK_MAX_SECTION_CHARS = 3000;

/**
 * Escapes user or page text for mrkdwn: Slack treats only `&`, `<` and `>` as control characters
 * (they start links, mentions like <!channel>, and entities). Slack has no escape for `*_~``, so
 * those may still style text, which is cosmetic; no link, mention or entity can be injected.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An http(s) URL made safe inside `<url|label>`: `|`, `<`, `>` percent-encoded, `&` as Slack expects it. */
export function slackLinkUrl(raw: string | null): string | null {
  const href = httpUrl(raw);
  if (!href) return null;
  return href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** Clips escaped mrkdwn without cutting an `&amp;`-style entity in half. */
function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0 && text.indexOf(';', amp) >= end) end = amp;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const mrkdwn = (text: string): SlackMrkdwn => ({
  type: 'mrkdwn',
  text: clipMrkdwn(text, SLACK_MAX_SECTION_CHARS),
});
const section = (text: string): SlackSection => ({ type: 'section', text: mrkdwn(text) });

/** Bold labels, e.g. "*Feature request*, *Billing*" (each label bolded on its own so commas stay plain). */
function boldLabels(item: Item): string {
  return item.tags.map((t) => `*${escapeMrkdwn(cleanLine(t.label))}*`).join(', ');
}

/**
 * Slack's date token shows the capture time in each reader's own time zone; the fallback after
 * `|` is the UTC minute for clients that cannot format it.
 */
function slackDate(iso: string): string {
  const seconds = Math.floor(new Date(iso).getTime() / 1000);
  const fallback = escapeMrkdwn(utcMinute(iso));
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>` : fallback;
}

/** The section and context blocks for one item (no divider). */
function itemBlocks(item: Item): SlackBlock[] {
  if (item.deleted) return [section(`Capture withdrawn: ${boldLabels(item)}`)];
  const facts = itemFacts(item);
  const lines = [
    `${boldLabels(item)} · ${escapeMrkdwn(facts.categories)}`,
    ...facts.quote.map((line) => `>${escapeMrkdwn(line)}`),
  ];
  if (facts.note.length > 0) lines.push(escapeMrkdwn(facts.note.join('\n')));

  const who = escapeMrkdwn(facts.agent) + (item.agent.team ? ` (${escapeMrkdwn(facts.team)})` : '');
  const context = [who, escapeMrkdwn(facts.site), slackDate(item.capturedAt)];
  const label = escapeMrkdwn(facts.ticket);
  const url = slackLinkUrl(item.source.url);
  const link = url ? `<${url}|${label || 'Open ticket'}>` : '';
  // Clipping would break a link, so an overlong one (huge URL) degrades to the plain label.
  if (link && link.length <= SLACK_MAX_SECTION_CHARS) context.push(link);
  else if (label) context.push(label);
  return [section(lines.join('\n')), { type: 'context', elements: context.map(mrkdwn) }];
}

/**
 * Renders a batch as one Slack incoming-webhook message: per item a section (bold tags, category,
 * blockquoted quote, note) and a context line, dividers between, within Slack's 50-block limit.
 */
export function slackMessage(items: Item[]): SlackMessage {
  const blocks: SlackBlock[] = [];
  let shown = 0;
  for (const [index, item] of items.entries()) {
    const own: SlackBlock[] = index > 0 ? [{ type: 'divider' }, ...itemBlocks(item)] : itemBlocks(item);
    // Keep one block free for "and N more" unless this is the last item.
    const reserve = index < items.length - 1 ? 1 : 0;
    if (blocks.length + own.length + reserve > SLACK_MAX_BLOCKS) break;
    blocks.push(...own);
    shown += 1;
  }
  const rest = items.length - shown;
  if (rest > 0) blocks.push({ type: 'context', elements: [mrkdwn(`and ${rest} more`)] });
  // Ticket URLs point into private help desks: unfurling would only make Slack fetch them.
  return { text: summaryText(items), blocks, unfurl_links: false, unfurl_media: false };
}
