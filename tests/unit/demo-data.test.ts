import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { ItemSchema, SITES } from '../../lib/schema';
import { DEMO_AGENTS, DEMO_TEAM, demoItems, SPIKE_WEEKS_AGO } from '../../server/demo-data';
import { SPIKE_COMPETITOR } from '../../server/demo-phrases';

const NOW = new Date('2025-06-02T12:00:00.000Z');
const WEEK = 7 * 86_400_000;

/** Weeks before NOW (0 = the last week) → how many items carry a tag matching `test`. */
function perWeek(
  items: ReturnType<typeof demoItems>,
  weeks: number,
  test: (i: (typeof items)[0]) => boolean,
) {
  const counts = new Array<number>(weeks).fill(0);
  for (const item of items) {
    const ago = Math.floor((NOW.getTime() - Date.parse(item.capturedAt)) / WEEK);
    if (test(item)) counts[ago] = (counts[ago] ?? 0) + 1;
  }
  return counts;
}

describe('demoItems', () => {
  const items = demoItems(2000, { seed: 42, now: NOW, weeks: 8 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoItems(2000, { seed: 42, now: NOW, weeks: 8 })).toEqual(items);
    expect(demoItems(50, { seed: 43, now: NOW }).map((i) => i.id)).not.toEqual(
      demoItems(50, { seed: 42, now: NOW }).map((i) => i.id),
    );
  });

  it('gives exactly count valid, unique, first-revision items inside the weeks before now', () => {
    expect(items).toHaveLength(2000);
    for (const item of items) expect(ItemSchema.parse(item)).toEqual(item);
    expect(new Set(items.map((i) => i.id)).size).toBe(2000);
    for (const item of items) {
      expect(item).toMatchObject({ revision: 1, deleted: false, updatedAt: item.capturedAt });
      const at = Date.parse(item.capturedAt);
      expect(at).toBeLessThan(NOW.getTime());
      expect(at).toBeGreaterThanOrEqual(NOW.getTime() - 8 * WEEK);
      // uuidv7: the first 48 bits are the capture time in ms.
      expect(Number.parseInt(item.id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
      expect(item.note ?? item.quote).toBeTruthy();
    }
    expect(items.map((i) => i.capturedAt)).toEqual(items.map((i) => i.capturedAt).sort());
  });

  it('uses the default taxonomy, the demo team, and most CRM sites with plausible sources', () => {
    const byId = new Map(DEFAULT_TAXONOMY.map((t) => [t.id, t]));
    for (const item of items) {
      for (const tag of item.tags) expect(byId.get(tag.id)).toMatchObject(tag);
      expect(DEMO_AGENTS).toContainEqual(item.agent);
      expect(item.source.ticketId).toBeTruthy();
      expect(item.source.url).toMatch(/^https:\/\/[^?#]+$/);
    }
    expect(new Set(items.flatMap((i) => i.tags.map((t) => t.id))).size).toBe(DEFAULT_TAXONOMY.length);
    expect(new Set(items.map((i) => i.agent.id)).size).toBe(DEMO_AGENTS.length);
    expect(new Set(items.map((i) => i.source.site))).toEqual(new Set(SITES));
    expect(DEMO_AGENTS.every((a) => a.team === DEMO_TEAM)).toBe(true);
  });

  it('reads as already redacted: placeholders only, counted in redactions, no raw emails or phones', () => {
    for (const item of items) {
      const text = `${item.note ?? ''} ${item.quote ?? ''}`;
      expect(text).not.toMatch(/@|\{|\}|\+?\d[\d\s-]{7,}\d/);
      for (const part of [item.note, item.quote]) if (part) expect(part).toMatch(/^[A-Z"]/);
      expect(item.redactions).toBe(text.match(/\[(email|phone|card|iban|ssn)\]/g)?.length ?? 0);
    }
    expect(items.some((i) => i.redactions > 0)).toBe(true);
  });

  it('shows the trends a lead should spot: chasers growing, one competitor spike', () => {
    const chasers = perWeek(items, 8, (i) => i.tags.some((t) => t.id === 'chaser'));
    // Index 0 is the last week: the last two weeks hold far more chasers than the first two.
    expect((chasers[0] ?? 0) + (chasers[1] ?? 0)).toBeGreaterThan(
      2 * ((chasers[6] ?? 0) + (chasers[7] ?? 0)),
    );
    const competitor = perWeek(items, 8, (i) => i.tags.some((t) => t.id === 'competitor-mention'));
    const spike = competitor[SPIKE_WEEKS_AGO] ?? 0;
    for (const [ago, n] of competitor.entries())
      if (ago !== SPIKE_WEEKS_AGO) expect(spike).toBeGreaterThan(2 * n);
    const named = perWeek(items, 8, (i) => `${i.note} ${i.quote}`.includes(SPIKE_COMPETITOR));
    expect(named[SPIKE_WEEKS_AGO]).toBeGreaterThan(2 * Math.max(named[0] ?? 0, named[5] ?? 0));
  });

  it('honours custom agents and a single week', () => {
    const agents = [{ id: 'a-1', name: 'Ana', team: 'Tier 2' }];
    const few = demoItems(30, { agents, weeks: 1, now: NOW });
    expect(few.every((i) => i.agent.id === 'a-1' && i.agent.team === 'Tier 2')).toBe(true);
    expect(few.every((i) => NOW.getTime() - Date.parse(i.capturedAt) < WEEK)).toBe(true);
  });
});
