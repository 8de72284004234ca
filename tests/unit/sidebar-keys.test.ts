import { describe, expect, it } from 'vitest';
import {
  assignShortcuts,
  displayOrder,
  type KeyPress,
  keyAction,
} from '../../components/sidebar/launcher/keys';
import { DEFAULT_TAXONOMY, type TaxonomyTag } from '../../lib/config/settings';

const tag = (id: string, category: string, hotkey?: string): TaxonomyTag => ({
  id,
  label: id.toUpperCase(),
  category,
  ...(hotkey ? { hotkey } : {}),
});

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  inTextField: false,
  ...extra,
});

const keysOf = (taxonomy: TaxonomyTag[]) =>
  Object.fromEntries(assignShortcuts(taxonomy).map((s) => [s.tag.id, s.key]));

describe('display order', () => {
  it('groups by category in order of first appearance, keeping order inside a category', () => {
    const order = displayOrder([tag('a', 'X'), tag('b', 'Y'), tag('c', 'X'), tag('d', 'Z'), tag('e', 'Y')]);
    expect(order.map((t) => t.id)).toEqual(['a', 'c', 'b', 'e', 'd']);
  });
});

describe('shortcut precedence', () => {
  it('without hotkeys, digits 1–9 go to the first nine tags in display order', () => {
    const taxonomy = Array.from({ length: 11 }, (_, i) => tag(`t${i}`, i % 2 ? 'Odd' : 'Even'));
    const keys = assignShortcuts(taxonomy).map((s) => s.key);
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', null, null]);
  });

  it('a taxonomy hotkey wins; its tag gets no positional digit, and a digit it claims is skipped', () => {
    const keys = keysOf([tag('a', 'X'), tag('b', 'X', 'B'), tag('c', 'X'), tag('d', 'X', '1')]);
    // a is 1st but "1" belongs to d; b uses its own "b"; c keeps its position digit.
    expect(keys).toEqual({ a: null, b: 'b', c: '3', d: '1' });
  });

  it('a duplicate hotkey stays with the first tag in display order', () => {
    const keys = keysOf([tag('early', 'First', 'q'), tag('late', 'Second', 'q'), tag('other', 'First')]);
    expect(keys).toEqual({ early: 'q', other: '2', late: '3' });
  });

  it('the default taxonomy uses its own keys and every key is distinct', () => {
    const shortcuts = assignShortcuts(DEFAULT_TAXONOMY);
    const keys = shortcuts.map((s) => s.key).filter((k): k is string => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    expect(shortcuts.find((s) => s.tag.id === 'bug')?.key).toBe('2');
    expect(shortcuts.find((s) => s.tag.id === 'chaser')?.key).toBe('4');
    expect(shortcuts.find((s) => s.tag.id === 'competitor-mention')?.key).toBeNull();
  });
});

describe('key actions inside the sidebar', () => {
  const shortcuts = assignShortcuts([tag('a', 'X'), tag('b', 'X', 'k')]);

  it('captures by digit or hotkey (letters in either case)', () => {
    expect(keyAction(press('1'), shortcuts)).toEqual({ kind: 'capture', tag: shortcuts[0]?.tag });
    expect(keyAction(press('K'), shortcuts)).toEqual({ kind: 'capture', tag: shortcuts[1]?.tag });
    expect(keyAction(press('2'), shortcuts)).toBeNull();
  });

  it('"/" focuses the note and Escape leaves, even from a text field', () => {
    expect(keyAction(press('/'), shortcuts)).toEqual({ kind: 'focus-note' });
    expect(keyAction(press('Escape', { inTextField: true }), shortcuts)).toEqual({ kind: 'leave' });
  });

  it('never acts on typing in a text field, modified keys, held-down keys or named keys', () => {
    expect(keyAction(press('1', { inTextField: true }), shortcuts)).toBeNull();
    expect(keyAction(press('/', { inTextField: true }), shortcuts)).toBeNull();
    expect(keyAction(press('1', { ctrlKey: true }), shortcuts)).toBeNull();
    expect(keyAction(press('1', { altKey: true }), shortcuts)).toBeNull();
    expect(keyAction(press('k', { metaKey: true }), shortcuts)).toBeNull();
    expect(keyAction(press('1', { repeat: true }), shortcuts)).toBeNull();
    expect(keyAction(press('Enter'), shortcuts)).toBeNull();
  });
});
