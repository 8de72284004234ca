import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../lib/hub/errors';
import { csvFilename } from '../../lib/hub/review/csv-download';
import {
  changeText,
  demandRange,
  percent,
  shareChangeText,
  weekStart,
} from '../../lib/hub/review/demand-data';
import { gridKeyAction } from '../../lib/hub/review/grid-keys';
import { countText, rowLabel, selectLabel } from '../../lib/hub/review/labels';
import { dateRange, filterParams, isFiltered, NO_FILTERS } from '../../lib/hub/review/query';
import type { HubItem } from '../../lib/hub/review/schemas';
import { makeItem } from '../helpers/items';

const hub = (overrides: Parameters<typeof makeItem>[0]): HubItem => ({
  item: makeItem(overrides),
  status: 'new',
  comment: null,
  statusUpdatedAt: null,
});

describe('review filters', () => {
  it('sends only the filters that are set; To includes its whole day (UTC)', () => {
    expect(filterParams(NO_FILTERS).toString()).toBe('');
    expect(
      Object.fromEntries(filterParams({ ...NO_FILTERS, category: 'Failure demand', to: '2026-02-28' })),
    ).toEqual({
      category: 'Failure demand',
      to: '2026-03-01T00:00:00.000Z',
    });
    expect(dateRange({ from: 'yesterday', to: '2026-13-45' })).toEqual({});
    expect(isFiltered({ ...NO_FILTERS, sort: 'oldest' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: 'x' })).toBe(true);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('names the export file after the local day', () => {
    expect(csvFilename(new Date(2026, 0, 5, 23, 59))).toBe('earmark-items-2026-01-05.csv');
  });
});

describe('review labels', () => {
  it('labels rows and checkboxes by tag and note (or quote), and counts', () => {
    const long = hub({ note: 'Customer wants scheduled CSV exports every Monday morning please' });
    expect(selectLabel(long)).toBe('Select Feature request: Customer wants scheduled CSV exports eve');
    expect(selectLabel(hub({ note: null, quote: 'it broke' }))).toBe('Select Feature request: it broke');
    expect(rowLabel(long)).toMatch(/^Feature request: Customer wants .* New, Ada Agent, 2026-11-23$/);
    expect(countText(100, 5000, false)).toBe('Showing 100 of 5,000 items');
    expect(countText(0, 0, true)).toBe('No items match these filters');
    expect(countText(1, 1, true)).toBe('Showing 1 of 1 item');
  });
});

describe('grid keys', () => {
  it('moves within bounds, opens with Enter, toggles with Space', () => {
    expect(gridKeyAction('ArrowDown', 0, 3, 10)).toEqual({ type: 'move', to: 1 });
    expect(gridKeyAction('ArrowDown', 2, 3, 10)).toEqual({ type: 'move', to: 2 });
    expect(gridKeyAction('ArrowUp', 0, 3, 10)).toEqual({ type: 'move', to: 0 });
    expect(gridKeyAction('PageDown', 0, 100, 10)).toEqual({ type: 'move', to: 10 });
    expect(gridKeyAction('End', 0, 100, 10)).toEqual({ type: 'move', to: 99 });
    expect(gridKeyAction('Home', 50, 100, 10)).toEqual({ type: 'move', to: 0 });
    expect(gridKeyAction('Enter', 1, 3, 10)).toEqual({ type: 'open' });
    expect(gridKeyAction(' ', 1, 3, 10)).toEqual({ type: 'toggle' });
    expect(gridKeyAction('a', 1, 3, 10, { ctrl: true })).toEqual({ type: 'selectAll' });
    expect(gridKeyAction('a', 1, 3, 10)).toBeNull();
    expect(gridKeyAction('ArrowDown', 0, 0, 10)).toBeNull();
  });
});

describe('failure-demand view model', () => {
  it('picks a default range of whole weeks, else the filters’ dates', () => {
    expect(weekStart(new Date('2026-10-11T23:00:00Z')).toISOString()).toBe('2026-10-05T00:00:00.000Z');
    expect(demandRange({ from: '', to: '' }, new Date('2026-10-14T12:00:00Z'), 2)).toEqual({
      from: '2026-10-05',
      to: '',
    });
    expect(demandRange({ from: '2026-01-01', to: '2026-02-01' }, new Date())).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
    });
  });

  it('says shares and changes in words a lead reads at a glance', () => {
    expect([0, 0.375, 1].map(percent)).toEqual(['0%', '38%', '100%']);
    expect(changeText(130, 100)).toBe('+30 (+30%)');
    expect(changeText(1_500, 2_000)).toBe('−500 (−25%)');
    expect(changeText(4, 0)).toBe('+4, new');
    expect(changeText(0, 3)).toBe('−3 (−100%)');
    expect(changeText(7, 7)).toBe('no change');
    expect(shareChangeText(0.42, 0.38)).toBe('up 4 points');
    expect(shareChangeText(0.3, 0.31)).toBe('down 1 point');
    expect(shareChangeText(0.5, 0.501)).toBe('no change');
  });
});
