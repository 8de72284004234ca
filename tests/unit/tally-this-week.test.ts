import { afterEach, describe, expect, it } from 'vitest';
import { tallySourceText, tallyText, weekRange, weekStart } from '../../lib/tally/this-week';

// The popup's "This week" (Monday 00:00 local time) and its wording. Node reads TZ on each Date
// operation after process.env.TZ changes, so each case runs in a named time zone.
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
const inZone = (zone: string) => {
  process.env.TZ = zone;
};

describe('this week', () => {
  it('starts on Monday 00:00 local time, also on Monday itself and on Sunday night', () => {
    inZone('Europe/Berlin');
    // Wednesday 25 Nov 2026, 15:00 in Berlin (UTC+1): the week began Monday 23 Nov 00:00 = Sunday 23:00 UTC.
    expect(weekStart(new Date('2026-11-25T14:00:00Z')).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    // Monday 00:30 in Berlin is still Sunday in UTC: local time decides.
    expect(weekStart(new Date('2026-11-22T23:30:00Z')).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(weekStart(new Date('2026-11-22T23:00:00Z')).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    // Sunday 23:59 in Berlin belongs to the week before.
    expect(weekStart(new Date('2026-11-22T22:59:00Z')).toISOString()).toBe('2026-11-15T23:00:00.000Z');
  });

  it('runs to the next Monday 00:00 local time, across a DST change', () => {
    inZone('America/New_York');
    // Sunday 1 Nov 2026 is the end of daylight time: Monday 26 Oct 00:00 EDT to Monday 2 Nov 00:00 EST.
    const { from, to } = weekRange(new Date('2026-11-01T20:00:00Z'));
    expect(from.toISOString()).toBe('2026-10-26T04:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(169);
  });

  it('crosses a month and a year', () => {
    inZone('UTC');
    // Friday 1 Jan 2027: the week began Monday 28 Dec 2026.
    const { from, to } = weekRange(new Date('2027-01-01T08:00:00Z'));
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2026-12-28T00:00:00.000Z',
      '2027-01-04T00:00:00.000Z',
    ]);
  });
});

describe('the tally line', () => {
  it('says "This week: 12 captures, 3 reviewed, 1 actioned"', () => {
    expect(tallyText({ captures: 12, reviewed: 3, actioned: 1 })).toBe(
      'This week: 12 captures, 3 reviewed, 1 actioned',
    );
  });

  it('counts one capture in the singular and none in the plural', () => {
    expect(tallyText({ captures: 1, reviewed: 1, actioned: 0 })).toBe(
      'This week: 1 capture, 1 reviewed, 0 actioned',
    );
    expect(tallyText({ captures: 0, reviewed: 0, actioned: 0 })).toBe(
      'This week: 0 captures, 0 reviewed, 0 actioned',
    );
  });

  it('leaves out the counts this device does not know', () => {
    expect(tallyText({ captures: 4, reviewed: null, actioned: null })).toBe('This week: 4 captures');
  });

  it('says where the numbers come from, and why not from the hub', () => {
    expect(tallySourceText({ source: 'hub', hubError: null })).toBe('From the hub');
    expect(tallySourceText({ source: 'device', hubError: null })).toBe('On this device');
    expect(tallySourceText({ source: 'device', hubError: 'the hub could not be reached' })).toBe(
      'On this device (the hub could not be reached)',
    );
  });
});
