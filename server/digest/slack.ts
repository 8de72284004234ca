import {
  escapeMrkdwn,
  SLACK_MAX_SECTION_CHARS,
  type SlackBlock,
  type SlackMessage,
} from '../../lib/delivery/formats/slack';
import { cleanLine, cleanLines } from '../../lib/delivery/formats/text';
import type { Digest } from './build';
import {
  DIGEST_TEXT_MAX,
  digestSummary,
  digestTitle,
  failureDemandLine,
  moreLine,
  themeCountLine,
} from './text';

/** Joins escaped lines into one section text, dropping whole lines past Slack's section limit. */
function fitLines(lines: string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > SLACK_MAX_SECTION_CHARS) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

const section = (lines: string[]): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: fitLines(lines) },
});
const context = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const quoted = (text: string) => cleanLines(text, DIGEST_TEXT_MAX).map((line) => `>${escapeMrkdwn(line)}`);
const oneLine = (text: string | null) => (text ? escapeMrkdwn(cleanLine(text, DIGEST_TEXT_MAX)) : '');

function themeBlocks(digest: Digest): SlackBlock[] {
  if (!digest.themes.length) return [section(['*Fastest-growing themes*', 'No theme grew this period.'])];
  return [
    section(['*Fastest-growing themes*']),
    ...digest.themes.map((theme) =>
      section([
        `*${escapeMrkdwn(cleanLine(theme.title))}* · ${themeCountLine(theme)}`,
        ...(theme.sample ? quoted(theme.sample.text) : []),
      ]),
    ),
  ];
}

function listBlock(heading: string, total: number, lines: string[]): SlackBlock[] {
  const more = moreLine(total, lines.length);
  if (!total) return [section([`*${heading}*`, 'None this period.'])];
  return [section([`*${heading}* (${total})`, ...lines]), ...(more ? [context(more)] : [])];
}

/**
 * The digest as one Slack incoming-webhook message (Block Kit), in the item messages' style: bold
 * headings, blockquoted samples, every user text escaped; about 20 blocks of Slack's 50.
 */
export function digestSlackMessage(digest: Digest): SlackMessage {
  const ideas = digest.ideas.items.map(
    (i) =>
      `• *${escapeMrkdwn(cleanLine(i.tags.join(', ')))}*: ${oneLine(i.text)} (${escapeMrkdwn(cleanLine(i.agent))})`,
  );
  const actioned = digest.actioned.items.map((a) => {
    const comment = a.comment ? ` → ${oneLine(a.comment)}` : '';
    return `• *${escapeMrkdwn(cleanLine(a.tags.join(', ')))}*: ${oneLine(a.text)}${comment}`;
  });
  const blocks: SlackBlock[] = [
    section([`*${escapeMrkdwn(digestTitle(digest))}*`]),
    section([`*Failure demand*: ${escapeMrkdwn(failureDemandLine(digest))}`]),
    { type: 'divider' },
    ...themeBlocks(digest),
    { type: 'divider' },
    ...listBlock('New improvement ideas', digest.ideas.total, ideas),
    { type: 'divider' },
    ...listBlock('Actioned', digest.actioned.total, actioned),
  ];
  return { text: digestSummary(digest), blocks, unfurl_links: false, unfurl_media: false };
}
