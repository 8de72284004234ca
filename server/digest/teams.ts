import {
  type CardElement,
  type CardTextBlock,
  escapeCardMarkdown,
  TEAMS_MAX_BYTES,
  type TeamsMessage,
  teamsCardMessage,
} from '../../lib/delivery/formats/teams';
import { cleanLine, cleanLines } from '../../lib/delivery/formats/text';
import type { Digest } from './build';
import { DIGEST_TEXT_MAX, digestTitle, failureDemandLine, moreLine, percent, themeCountLine } from './text';

const text = (value: string, extra: Partial<CardTextBlock> = {}): CardTextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const heading = (value: string) => text(value, { weight: 'Bolder', size: 'Medium' });
const subtle = (value: string) => text(value, { isSubtle: true });
const escaped = (value: string | null) =>
  value ? escapeCardMarkdown(cleanLine(value, DIGEST_TEXT_MAX)) : '';
/** Multi-line text as paragraphs (a single \n is ignored by the card's markdown). */
const paragraphs = (value: string) =>
  cleanLines(value, DIGEST_TEXT_MAX)
    .filter((line) => line.trim())
    .map(escapeCardMarkdown)
    .join('\n\n');

function themeElements(digest: Digest): CardElement[] {
  if (!digest.themes.length) return [heading('Fastest-growing themes'), subtle('No theme grew this period.')];
  return [
    heading('Fastest-growing themes'),
    ...digest.themes.map((theme): CardElement => {
      const items: CardElement[] = [
        text(`**${escapeCardMarkdown(cleanLine(theme.title))}** · ${themeCountLine(theme)}`),
      ];
      if (theme.sample)
        items.push({ type: 'Container', style: 'emphasis', items: [text(paragraphs(theme.sample.text))] });
      return { type: 'Container', separator: true, spacing: 'Medium', items };
    }),
  ];
}

function listElements(title: string, total: number, lines: string[]): CardElement[] {
  if (!total) return [heading(title), subtle('None this period.')];
  const more = moreLine(total, lines.length);
  return [
    heading(`${title} (${total})`),
    ...lines.map((line) => text(line)),
    ...(more ? [subtle(more)] : []),
  ];
}

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The digest as one Adaptive Card (1.4) for a Teams Workflows webhook, in the item cards' style:
 * a FactSet of the numbers, a separated Container per growing theme with its sample shaded. Lines
 * of ideas and actioned items are dropped from the end (counted in "and N more") while the message
 * would pass Teams' size limit.
 */
export function digestTeamsMessage(digest: Digest): TeamsMessage {
  const { failureDemand: fd } = digest;
  const ideas = digest.ideas.items.map(
    (i) =>
      `**${escapeCardMarkdown(cleanLine(i.tags.join(', ')))}**: ${escaped(i.text)} (${escaped(i.agent)})`,
  );
  const actioned = digest.actioned.items.map((a) => {
    const comment = a.comment ? ` → ${escaped(a.comment)}` : '';
    return `**${escapeCardMarkdown(cleanLine(a.tags.join(', ')))}**: ${escaped(a.text)}${comment}`;
  });
  const head: CardElement[] = [
    text(escapeCardMarkdown(digestTitle(digest)), { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Captures', value: `${digest.captures.count} (previous ${digest.captures.previous})` },
        { title: 'Failure demand', value: escapeCardMarkdown(failureDemandLine(digest)) },
        { title: 'Previous period', value: `${percent(fd.previousShare)} (${fd.previousCount})` },
      ],
    },
    ...themeElements(digest),
  ];
  const render = () =>
    teamsCardMessage([
      ...head,
      ...listElements('New improvement ideas', digest.ideas.total, ideas),
      ...listElements('Actioned', digest.actioned.total, actioned),
    ]);
  let card = render();
  while (size(card) > TEAMS_MAX_BYTES && ideas.length + actioned.length > 0) {
    if (ideas.length >= actioned.length) ideas.pop();
    else actioned.pop();
    card = render();
  }
  return card;
}
