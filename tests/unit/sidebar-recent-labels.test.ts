import { describe, expect, it } from 'vitest';
import { type ClockFormat, localClock, recentLabels } from '../../components/sidebar/app/recent-labels';
import type { RecentEntry } from '../../lib/protocol/messages';

const entry = (id: string, tags: string[], capturedAt: string): RecentEntry => ({
  id,
  tags,
  note: null,
  capturedAt,
  status: 'Queued',
  detail: null,
});

// A fixed clock in UTC, so the test does not depend on the machine's time zone.
const utc: ClockFormat = (iso, withSeconds) => iso.slice(11, withSeconds ? 19 : 16);

describe('recent capture labels', () => {
  it('names each capture by its time, never by its tag (a tag button query must not match it)', () => {
    const labels = recentLabels(
      [entry('1', ['Bug'], '2026-11-23T10:42:07Z'), entry('2', ['Bug', 'Pricing'], '2026-11-23T10:40:00Z')],
      utc,
    );
    expect(labels).toEqual(['10:42', '10:40']);
  });

  it('adds seconds, then a running number, so labels are always distinct', () => {
    const labels = recentLabels(
      [
        entry('1', ['Bug'], '2026-11-23T10:42:07Z'),
        entry('2', ['Bug'], '2026-11-23T10:42:07Z'),
        entry('3', ['Bug'], '2026-11-23T10:42:09Z'),
        entry('4', ['Praise'], '2026-11-23T10:42:09Z'),
        entry('5', ['Praise'], '2026-11-23T10:43:00Z'),
      ],
      utc,
    );
    expect(labels).toEqual(['10:42:07', '10:42:07 (2)', '10:42:09', '10:42:09 (2)', '10:43']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('formats local wall-clock time, and nothing for an unreadable date', () => {
    expect(localClock('2026-11-23T10:42:07Z', false)).toMatch(/^\d{2}:\d{2}$/);
    expect(localClock('2026-11-23T10:42:07Z', true)).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(localClock('not a date', false)).toBe('');
    expect(recentLabels([entry('1', ['Bug'], 'not a date'), entry('2', ['Bug'], 'nope')])).toEqual([
      'capture 1',
      'capture 2',
    ]);
  });
});
