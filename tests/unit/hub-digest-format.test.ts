import { describe, expect, it } from 'vitest';
import { SLACK_MAX_BLOCKS, SLACK_MAX_SECTION_CHARS } from '../../lib/delivery/formats/slack';
import { TEAMS_MAX_BYTES } from '../../lib/delivery/formats/teams';
import type { Digest } from '../../server/digest/build';
import { lastFullWeek, previousPeriod, resolvePeriod, weekStart } from '../../server/digest/period';
import { digestSlackMessage } from '../../server/digest/slack';
import { digestTeamsMessage } from '../../server/digest/teams';
import { periodLabel, points } from '../../server/digest/text';

// The digest's periods and its chat formats on hostile and oversized text (no database needed).
const HOSTILE = '<!channel> & <https://evil.example|click> *bold* [x](javascript:alert(1))';

function digestWith(text: string, lists: number): Digest {
  const period = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' };
  return {
    team: { id: 't', name: 'Tier <1>' },
    period,
    previousPeriod: previousPeriod(period),
    captures: { count: 40, previous: 30 },
    failureDemand: { count: 10, share: 0.25, previousCount: 9, previousShare: 0.3, change: -0.05 },
    themes: Array.from({ length: 5 }, (_, i) => ({
      id: `th${i}`,
      title: text,
      count: 9,
      previous: 1,
      growth: 8,
      sample: { itemId: `i${i}`, text },
    })),
    ideas: {
      total: lists + 3,
      items: Array.from({ length: lists }, (_, i) => ({
        id: `d${i}`,
        capturedAt: period.from,
        tags: [text],
        text,
        agent: text,
        status: 'new' as const,
      })),
    },
    actioned: {
      total: lists,
      items: Array.from({ length: lists }, (_, i) => ({
        id: `a${i}`,
        tags: [text],
        text,
        comment: text,
        actionedAt: period.from,
      })),
    },
  };
}

describe('digest periods', () => {
  it('takes the last full ISO week in UTC, and the same length before', () => {
    expect(weekStart(new Date('2026-12-06T23:59:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStart(new Date('2026-12-07T00:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(lastFullWeek(new Date('2026-12-09T12:00:00Z'))).toEqual({
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(previousPeriod({ from: '2026-12-01T00:00:00Z', to: '2026-12-04T00:00:00Z' })).toEqual({
      from: '2026-11-28T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(resolvePeriod(new Date(), '2026-12-01')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-08T00:00:00.000Z',
    });
    expect(resolvePeriod(new Date(), '2026-12-01', 'soon')).toMatch(/^to:/);
    expect(periodLabel({ from: '2026-11-30T00:00:00Z', to: '2026-12-07T00:00:00Z' })).toBe(
      '2026-11-30 – 2026-12-06',
    );
    expect([points(0.051), points(-0.05), points(0.001), points(null)]).toEqual([
      '+5 pts',
      '−5 pts',
      '±0 pts',
      null,
    ]);
  });
});

describe('digest chat formats', () => {
  it('escapes what agents and customers wrote, in Slack and Teams', () => {
    const slack = JSON.stringify(digestSlackMessage(digestWith(HOSTILE, 2)));
    expect(slack).not.toContain('<!channel>');
    expect(slack).not.toContain('<https://evil');
    expect(slack).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    const teams = JSON.stringify(digestTeamsMessage(digestWith(HOSTILE, 2)));
    expect(teams).toContain('\\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\)');
    expect(teams).toContain('Failure demand');
    expect(teams).toContain('−5 pts');
  });

  it('stays within Slack’s block and section limits and Teams’ size limit on the longest text', () => {
    const huge = digestWith(`${'&<'.repeat(400)}\n${'é'.repeat(2000)}`, 10);
    const slack = digestSlackMessage(huge);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    for (const block of slack.blocks)
      if (block.type === 'section') {
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_CHARS);
      }
    const teams = JSON.stringify(digestTeamsMessage(huge));
    expect(new TextEncoder().encode(teams).length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    // Lines dropped for size are counted in the footer, never silently lost.
    expect(teams).toMatch(/and \d+ more/);
  });
});
