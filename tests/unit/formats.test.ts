import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batchBody } from '../../lib/delivery/batching';
import {
  type CardElement,
  isChatFormat,
  renderBody,
  type SlackMessage,
  slackMessage,
  type TeamsMessage,
  teamsMessage,
} from '../../lib/delivery/formats';
import { escapeMrkdwn, SLACK_MAX_BLOCKS, SLACK_MAX_SECTION_CHARS } from '../../lib/delivery/formats/slack';
import { escapeCardMarkdown } from '../../lib/delivery/formats/teams';
import type { Item } from '../../lib/schema';
import { makeItem } from '../helpers/items';

const HOSTILE = '<script>&</script> *bold* [x](y)';
const many = (n: number, overrides: Partial<Item> = {}) =>
  Array.from({ length: n }, () => makeItem(overrides));
const withSource = (source: Partial<Item['source']>) =>
  makeItem({ source: { ...makeItem().source, ...source } });
const hostile = () => ({ ...withSource({ title: HOSTILE }), quote: HOSTILE, note: HOSTILE });

/** All mrkdwn strings of a Slack message, in order. */
const slackTexts = (message: SlackMessage): string[] =>
  message.blocks.flatMap((b) =>
    b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
  );
/** The body elements of a Teams message, containers flattened. */
function cardElements(message: TeamsMessage): CardElement[] {
  const walk = (els: CardElement[]): CardElement[] =>
    els.flatMap((el) => (el.type === 'Container' ? [el, ...walk(el.items)] : [el]));
  return walk(message.attachments[0].content.body);
}
/** Every user-visible string of a Teams message (text blocks and fact values). */
const cardTexts = (message: TeamsMessage): string[] =>
  cardElements(message).flatMap((el) =>
    el.type === 'TextBlock' ? [el.text] : el.type === 'FactSet' ? el.facts.map((f) => f.value) : [],
  );

describe('slack format', () => {
  it('renders tags, category, blockquoted quote, note and a context line', () => {
    const item = makeItem({ quote: 'line one\nline two' });
    const message = slackMessage([item]);
    expect(message.text).toBe('1 new Earmark capture');
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(slackTexts(message)).toEqual([
      '*Feature request* · Customer insight\n>line one\n>line two\nwants CSV export',
      'Ada Agent (Tier 1)',
      'zendesk',
      `<!date^${Date.parse(item.capturedAt) / 1000}^{date_short_pretty} {time}|2026-11-23 10:00 UTC>`,
      '<https://acme.zendesk.com/agent/tickets/4821|Ticket 4821 · Export>',
    ]);
  });

  it('renders an item without quote or note as the tag line only', () => {
    const [section] = slackTexts(slackMessage([makeItem({ quote: null, note: '  ' })]));
    expect(section).toBe('*Feature request* · Customer insight');
  });

  it('renders a tombstone as one short line', () => {
    const message = slackMessage([makeItem(), makeItem({ deleted: true })]);
    expect(message.text).toBe('1 new Earmark capture, 1 withdrawn');
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context', 'divider', 'section']);
    expect(slackTexts(message).at(-1)).toBe('Capture withdrawn: *Feature request*');
  });

  it('escapes &, < and > in every piece of user and page text', () => {
    const item = hostile();
    item.agent.name = '<!channel>';
    item.tags = [{ id: 't', label: '<@U123>', category: 'A & B' }];
    const texts = slackTexts(slackMessage([item])).join('\n');
    expect(texts).not.toMatch(/<script|<!channel>|<@U/);
    expect(texts).toContain('>&lt;script&gt;&amp;&lt;/script&gt; *bold* [x](y)\n&lt;script&gt;');
    expect(texts).toContain('*&lt;@U123&gt;* · A &amp; B');
    expect(texts).toContain('|Ticket 4821 · &lt;script&gt;&amp;&lt;/script&gt; *bold* [x](y)>');
    expect(escapeMrkdwn('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });

  it('links only http(s) URLs and makes | < > & safe inside the link', () => {
    const js = slackTexts(slackMessage([withSource({ url: 'javascript:alert(1)' })]));
    expect(js.at(-1)).toBe('Ticket 4821 · Export');
    expect(js.join('\n')).not.toContain('javascript');
    const odd = slackTexts(slackMessage([withSource({ url: 'https://x.example/a|b?q=<1>&r=2' })]));
    expect(odd.at(-1)).toBe('<https://x.example/a%7Cb?q=%3C1%3E&amp;r=2|Ticket 4821 · Export>');
  });

  it('keeps 25 items within 50 blocks and says how many were left out', () => {
    const message = slackMessage(many(25));
    expect(message.text).toBe('25 new Earmark captures');
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(slackTexts(message).at(-1)).toBe('and 9 more'); // 16 items × 2 blocks + 15 dividers + footer
  });

  it('clips long section text to 3000 chars without breaking an entity', () => {
    const texts = slackTexts(
      slackMessage([makeItem({ quote: '&'.repeat(10_000), note: '<'.repeat(10_000) })]),
    );
    expect(texts[0]?.endsWith('…')).toBe(true);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_CHARS);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});

describe('teams format', () => {
  it('renders a heading, then per item tags, facts, quote, note and an Open ticket button', () => {
    const message = teamsMessage([makeItem({ quote: 'said it twice' })]);
    const els = cardElements(message);
    expect(message.attachments[0].content.body[0]).toMatchObject({ text: '1 new Earmark capture' });
    expect(els).toContainEqual({ type: 'TextBlock', text: 'Feature request', wrap: true, weight: 'Bolder' });
    const facts = els.find((el) => el.type === 'FactSet')?.facts.map((f) => `${f.title}=${f.value}`);
    expect(facts).toEqual([
      'Category=Customer insight',
      'Agent=Ada Agent',
      'Team=Tier 1',
      'Site=zendesk',
      'Ticket=Ticket 4821 · Export',
      'Captured=2026-11-23 10:00 UTC',
    ]);
    expect(els.find((el) => el.type === 'Container' && el.style === 'emphasis')).toMatchObject({
      items: [{ type: 'TextBlock', text: 'said it twice', wrap: true }],
    });
    expect(els).toContainEqual({ type: 'TextBlock', text: 'wants CSV export', wrap: true });
    const url = 'https://acme.zendesk.com/agent/tickets/4821';
    expect(els).toContainEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: 'Open ticket', url }],
    });
  });

  it('omits quote, note and empty facts when absent, and shows tombstones briefly', () => {
    const bare = makeItem({ quote: null, note: null, agent: { id: 'a', name: 'Ada', team: '' } });
    const message = teamsMessage([bare, makeItem({ deleted: true })]);
    const [, first, second] = message.attachments[0].content.body;
    expect(first?.type === 'Container' && first.items.map((el) => el.type)).toEqual([
      'TextBlock',
      'FactSet',
      'ActionSet',
    ]);
    expect(cardTexts(message)).not.toContain('Tier 1');
    expect(second).toMatchObject({
      type: 'Container',
      items: [{ text: 'Capture withdrawn: Feature request' }],
    });
  });

  it('escapes markdown so user text shows literally', () => {
    const note = '# head\n- item\n1. one\n> quoted\n{{DATE(2026-11-23T10:00:00Z)}}';
    const texts = cardTexts(teamsMessage([{ ...hostile(), note }]));
    const escaped = '\\<script>&\\</script> \\*bold\\* \\[x\\]\\(y\\)';
    expect(texts).toEqual(expect.arrayContaining([escaped, `Ticket 4821 · ${escaped}`]));
    expect(texts).toContain(
      '\\# head\n\n\\- item\n\n1\\. one\n\n\\> quoted\n\n{{DATE\\(2026-11-23T10:00:00Z\\)}}',
    );
    expect(escapeCardMarkdown('a_b `c` \\ &amp; & x')).toBe('a\\_b \\`c\\` \\\\ \\&amp; & x');
  });

  it('gives no button for a javascript: URL', () => {
    const els = cardElements(teamsMessage([withSource({ url: 'javascript:alert(1)' })]));
    expect(els.some((el) => el.type === 'ActionSet')).toBe(false);
  });

  it('keeps 25 items under 28 KB, adding "and N more" when they do not fit', () => {
    const size = (m: TeamsMessage) => new TextEncoder().encode(JSON.stringify(m)).length;
    const small = teamsMessage(many(25));
    expect(size(small)).toBeLessThan(28 * 1024);
    expect(small.attachments[0].content.body).toHaveLength(26); // heading + 25 items: all fit
    const big = teamsMessage(many(25, { quote: '*'.repeat(10_000), note: '文'.repeat(10_000) }));
    expect(size(big)).toBeLessThan(28 * 1024);
    expect(cardTexts(big).at(-1)).toMatch(/^and \d+ more$/);
  });
});

describe('renderBody', () => {
  it('sends the signed JSON batch for json and chat messages otherwise', () => {
    const items = [makeItem()];
    expect(renderBody('json', 'b-1', items, 0)).toBe(batchBody('b-1', items, 0));
    expect(JSON.parse(renderBody('slack', 'b-1', items, 0))).toEqual(slackMessage(items));
    expect(JSON.parse(renderBody('teams', 'b-1', items, 0))).toEqual(teamsMessage(items));
  });

  it.each([
    ['json', false],
    ['slack', true],
    ['teams', true],
    [undefined, false],
  ] as const)('isChatFormat(%s) → %s', (format, chat) => expect(isChatFormat(format)).toBe(chat));
});

// The documented wire shapes, checked on the JSON actually posted (strict: no stray fields).
const lit = z.literal;
const Mrkdwn = z.strictObject({ type: lit('mrkdwn'), text: z.string().min(1).max(SLACK_MAX_SECTION_CHARS) });
const SlackBlockWire = z.discriminatedUnion('type', [
  z.strictObject({ type: lit('section'), text: Mrkdwn }),
  z.strictObject({ type: lit('context'), elements: z.array(Mrkdwn).min(1).max(10) }),
  z.strictObject({ type: lit('divider') }),
]);
const SlackWire = z.strictObject({
  text: z.string().min(1),
  blocks: z.array(SlackBlockWire).min(1).max(SLACK_MAX_BLOCKS),
  unfurl_links: lit(false),
  unfurl_media: lit(false),
});
const OpenUrl = z.strictObject({
  type: lit('Action.OpenUrl'),
  title: z.string(),
  url: z.url({ protocol: /^https?$/ }),
});
const CardWire: z.ZodType<unknown> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: lit('TextBlock'),
      text: z.string().min(1),
      wrap: lit(true),
      weight: lit('Bolder').optional(),
      size: lit('Medium').optional(),
      isSubtle: lit(true).optional(),
    }),
    z.strictObject({
      type: lit('FactSet'),
      facts: z.array(z.strictObject({ title: z.string(), value: z.string() })),
    }),
    z.strictObject({ type: lit('ActionSet'), actions: z.array(OpenUrl).min(1) }),
    z.strictObject({
      type: lit('Container'),
      items: z.array(CardWire).min(1),
      style: lit('emphasis').optional(),
      separator: lit(true).optional(),
      spacing: lit('Medium').optional(),
    }),
  ]),
);
const AdaptiveCardWire = z.strictObject({
  $schema: lit('http://adaptivecards.io/schemas/adaptive-card.json'),
  type: lit('AdaptiveCard'),
  version: lit('1.4'),
  body: z.array(CardWire).min(1),
  actions: z.array(OpenUrl).optional(),
  msteams: z.strictObject({ width: lit('Full') }).optional(),
});
const TeamsWire = z.strictObject({
  type: lit('message'),
  attachments: z.tuple([
    z.strictObject({
      contentType: lit('application/vnd.microsoft.card.adaptive'),
      contentUrl: z.null(),
      content: AdaptiveCardWire,
    }),
  ]),
});

describe('wire shapes', () => {
  const batches: [string, Item[]][] = [
    ['mixed', [makeItem({ quote: HOSTILE }), makeItem({ deleted: true }), withSource({ url: null })]],
    ['hostile', [{ ...hostile(), source: { ...hostile().source, url: 'javascript:alert(1)' } }]],
    ['25 items', many(25)],
    ['25 huge items', many(25, { quote: '>'.repeat(10_000), note: '&\n'.repeat(5_000) })],
  ];

  it.each(batches)('slack: %s', (_, items) => {
    expect(SlackWire.safeParse(JSON.parse(renderBody('slack', 'b', items, 0))).error).toBeUndefined();
  });

  it.each(batches)('teams: %s', (_, items) => {
    const body = renderBody('teams', 'b', items, 0);
    expect(TeamsWire.safeParse(JSON.parse(body)).error).toBeUndefined();
    expect(new TextEncoder().encode(body).length).toBeLessThan(28 * 1024);
  });
});
