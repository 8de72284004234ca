import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Assignment, ThemeEngine } from '../../server/themes/engine';
import { mergeThemes, moveItem, removeItem, renameTheme } from '../../server/themes/feedback';
import { centroidsFrom, frequenciesOf, MemoryThemeStore } from '../../server/themes/memory-store';

interface Labelled {
  note: string;
  family: string | null;
}
const labelled = JSON.parse(readFileSync('tests/fixtures/themes/labelled-notes.json', 'utf8')) as Labelled[];
const notes = labelled.map((e, i) => ({ id: `n${String(i).padStart(3, '0')}`, text: e.note }));

/** An engine with predictable ids and clock, so two runs can be compared record for record. */
function engine(store = new MemoryThemeStore()): ThemeEngine {
  let next = 0;
  return new ThemeEngine(store, {
    newId: () => `theme-${String(++next).padStart(4, '0')}`,
    now: () => '2026-12-07T00:00:00.000Z',
  });
}

function themeOf(e: ThemeEngine, itemId: string): string {
  return e.resolve(e.store.getItem(itemId)?.themeId ?? '');
}

describe('theme engine: stability', () => {
  it('re-ingesting the same items changes no theme and no record', () => {
    const store = new MemoryThemeStore();
    const e = engine(store);
    for (const note of notes) e.assign(note);
    const before = store.snapshot();
    store.drainChanges();
    const again: Assignment[] = notes.map((note) => e.assign(note));
    expect(again.every((a) => !a.created)).toBe(true);
    expect(again.map((a) => a.themeId)).toEqual(notes.map((n) => themeOf(e, n.id)));
    expect(store.snapshot()).toEqual(before);
    const changes = store.drainChanges();
    expect(changes.themes).toEqual([]);
    expect(changes.items).toEqual([]);
  });

  it('a store saved as JSON and loaded again groups the rest exactly as the one that kept running', () => {
    const running = engine();
    const half = notes.length / 2;
    for (const note of notes.slice(0, half)) running.assign(note);
    const saved = JSON.parse(JSON.stringify((running.store as MemoryThemeStore).snapshot()));
    const reloaded = engine(MemoryThemeStore.fromSnapshot(saved));
    // The reloaded engine's id counter starts again: give it the same next ids as the running one.
    const liveIds = (running.store as MemoryThemeStore).snapshot().themes.length;
    let next = liveIds;
    const continued = new ThemeEngine(reloaded.store, {
      newId: () => `theme-${String(++next).padStart(4, '0')}`,
      now: () => '2026-12-07T00:00:00.000Z',
    });
    for (const note of notes.slice(half)) {
      expect(continued.assign(note)).toEqual(running.assign(note));
    }
  });

  it('keeps incremental changes for the database: only what an assignment touched', () => {
    const store = new MemoryThemeStore();
    const e = engine(store);
    for (const note of notes.slice(0, 50)) e.assign(note);
    store.drainChanges();
    const a = e.assign({ id: 'extra', text: 'refund still not received after three weeks' });
    const changes = store.drainChanges();
    expect(changes.items.map((i) => i.itemId)).toEqual(['extra']);
    expect(changes.themes.map((t) => t.id)).toContain(a.themeId);
    expect(changes.documentCount).toBe(51);
  });
});

describe('theme engine: what the database does not store', () => {
  it("document frequencies and centroids follow from the items' vectors, after moves, merges and deletes", () => {
    const e = engine();
    for (const note of notes.slice(0, 120)) e.assign(note);
    const store = e.store as MemoryThemeStore;
    const live = () => store.liveThemes().sort((a, b) => b.count - a.count);
    const [first, second, third] = live();
    moveItem(e, store.itemsOf(first?.id as string)[0]?.itemId as string, second?.id as string);
    mergeThemes(e, [second?.id as string, third?.id as string]);
    for (const note of notes.slice(0, 10)) removeItem(e, note.id);
    for (const note of notes.slice(120, 200)) e.assign(note);

    const running = store.snapshot();
    const counted = Object.fromEntries(Object.entries(running.documentFrequencies).filter(([, n]) => n > 0));
    expect(frequenciesOf(running.items)).toEqual(counted);
    expect(running.documentCount).toBe(running.items.length);

    const rebuilt = structuredClone(running.themes);
    centroidsFrom(rebuilt, running.items);
    expect(rebuilt.length).toBeGreaterThan(3);
    for (const [i, theme] of rebuilt.entries()) {
      const kept = running.themes[i] as (typeof running.themes)[number];
      expect(Object.keys(theme.centroid).sort()).toEqual(Object.keys(kept.centroid).sort());
      for (const [term, w] of Object.entries(kept.centroid)) expect(theme.centroid[term]).toBeCloseTo(w, 9);
      expect(theme.norm2).toBeCloseTo(kept.norm2, 9);
    }
  });
});

describe("theme engine: a lead's choices", () => {
  /** Two clear themes (CSV export, invoice copies) and an item between them. */
  function twoThemes() {
    const e = engine();
    const csv = e.assign({ id: 'a1', text: 'CSV export times out on the reports page' }).themeId;
    e.assign({ id: 'a2', text: 'export to csv fails with a timeout' });
    e.assign({ id: 'a3', text: 'spreadsheet download times out for big reports' });
    const copies = e.assign({ id: 'b1', text: 'needs a copy of last months invoice' }).themeId;
    e.assign({ id: 'b2', text: 'asks us to resend the invoice' });
    e.assign({ id: 'b3', text: 'cant find the invoice from march' });
    return { e, csv, copies };
  }

  it('learns from a move: a later note like the moved item follows it to its new theme', () => {
    const { e, csv, copies } = twoThemes();
    expect(e.assign({ id: 'x', text: 'invoice pdf export times out' }).themeId).toBe(csv);
    moveItem(e, 'x', copies);
    expect(themeOf(e, 'x')).toBe(copies);
    expect(e.store.getTheme(copies)?.pins).toEqual(['x']);
    expect(e.assign({ id: 'y', text: 'exporting the invoice as pdf times out' }).themeId).toBe(copies);
  });

  it('without the move the same later note goes to the export theme (the learning is the move)', () => {
    const { e, csv } = twoThemes();
    e.assign({ id: 'x', text: 'invoice pdf export times out' });
    expect(e.assign({ id: 'y', text: 'exporting the invoice as pdf times out' }).themeId).toBe(csv);
  });

  it('a move, a merge and a rename survive new items', () => {
    const e = engine();
    for (const note of notes.slice(0, 200)) e.assign(note);
    const [first, second, third] = [...new Set(notes.slice(0, 200).map((n) => themeOf(e, n.id)))];
    const moved = notes.find((n) => themeOf(e, n.id) === third)?.id as string;
    moveItem(e, moved, first as string);
    const survivor = mergeThemes(e, [first as string, second as string]);
    renameTheme(e, survivor, 'Exports and more');
    const count = e.store.getTheme(survivor)?.count as number;
    for (const note of notes.slice(200)) e.assign(note);
    expect(survivor).toBe(first);
    expect(e.resolve(second as string)).toBe(survivor);
    expect(themeOf(e, moved)).toBe(survivor);
    expect(e.titleOf(survivor)).toBe('Exports and more');
    expect(e.store.getTheme(survivor)?.count).toBeGreaterThanOrEqual(count);
    expect(e.store.itemsOf(survivor).length).toBe(e.store.getTheme(survivor)?.count);
  });

  it('a merged theme keeps attracting what either half attracted, even its smaller half', () => {
    const { e, csv, copies } = twoThemes();
    e.assign({ id: 'a4', text: 'excel export broken, times out after two minutes' });
    e.assign({ id: 'a5', text: 'csv download never finishes for the big reports' });
    e.assign({ id: 'a6', text: 'exporting orders to csv keeps timing out' });
    const merged = mergeThemes(e, [csv, copies]);
    expect(merged).toBe(csv);
    expect(e.store.getTheme(merged)?.count).toBe(9);
    expect(e.assign({ id: 'c1', text: 'csv export timed out again' }).themeId).toBe(merged);
    // Alone in the summed centroid the invoice copies weigh a third; their own facet still matches.
    expect(e.assign({ id: 'c2', text: 'please resend a copy of the invoice' }).themeId).toBe(merged);
  });

  it('titles a theme with its most central note until a lead renames it', () => {
    const { e, copies } = twoThemes();
    expect([
      'needs a copy of last months invoice',
      'asks us to resend the invoice',
      'cant find the invoice from march',
    ]).toContain(e.titleOf(copies));
    renameTheme(e, copies, 'Invoice copies');
    e.assign({ id: 'b4', text: 'resend the invoice pls' });
    expect(e.titleOf(copies)).toBe('Invoice copies');
  });

  it('a deleted item leaves its theme and the title moves on', () => {
    const { e, copies } = twoThemes();
    const title = e.store.getTheme(copies)?.titleItemId as string;
    removeItem(e, title);
    expect(e.store.getItem(title)).toBeUndefined();
    expect(e.store.getTheme(copies)?.count).toBe(2);
    expect(e.store.getTheme(copies)?.titleItemId).not.toBe(title);
  });

  it('rejects a move to an unknown theme and a merge of one theme', () => {
    const { e, csv } = twoThemes();
    expect(() => moveItem(e, 'a1', 'nope')).toThrow(/no theme/);
    expect(() => mergeThemes(e, [csv, csv])).toThrow(/two different/);
  });
});
