import type { TaxonomyTag } from '@/lib/config/settings';
import { isReplayedEvent } from './replayed-events';

/** A tag in display order with the key that captures it (null: no key). */
export interface TagShortcut {
  tag: TaxonomyTag;
  key: string | null;
}

/** What a key press inside the sidebar does. */
export type SidebarKeyAction =
  | { kind: 'capture'; tag: TaxonomyTag }
  | { kind: 'focus-note' }
  | { kind: 'leave' }
  | null;

/** The parts of a keydown event the mapping looks at. */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  /** True when the event's target is a text field (input, textarea, contenteditable). */
  inTextField: boolean;
}

/** Positional digits cover the first nine tags only. */
const POSITIONAL_KEYS = 9;

/** Tags grouped by category (categories in order of first appearance), as the sidebar shows them. */
export function displayOrder(taxonomy: readonly TaxonomyTag[]): TaxonomyTag[] {
  const categories = [...new Set(taxonomy.map((t) => t.category))];
  return categories.flatMap((category) => taxonomy.filter((t) => t.category === category));
}

/**
 * Assigns capture keys, in this order of precedence:
 * 1. A tag's own `hotkey` from the taxonomy (letters are case-insensitive); if two tags claim the
 *    same key, the first in display order keeps it and the other counts as having none.
 * 2. Digits 1–9 by display position (the nth tag gets n) for tags without a hotkey of their own,
 *    unless some tag's hotkey already uses that digit: then that position has no key.
 * `/` (focus the note) and Escape (back to the page) are never capture keys.
 */
export function assignShortcuts(taxonomy: readonly TaxonomyTag[]): TagShortcut[] {
  const ordered = displayOrder(taxonomy);
  const claimed = new Map<string, string>();
  for (const tag of ordered) {
    const key = tag.hotkey?.toLowerCase();
    if (key && !claimed.has(key)) claimed.set(key, tag.id);
  }
  return ordered.map((tag, index) => {
    const own = tag.hotkey?.toLowerCase();
    if (own && claimed.get(own) === tag.id) return { tag, key: own };
    const digit = String(index + 1);
    const positional = index < POSITIONAL_KEYS && !claimed.has(digit) ? digit : null;
    return { tag, key: positional };
  });
}

/** Maps a key press inside the sidebar to what it does (null: let the browser handle it). */
export function keyAction(press: KeyPress, shortcuts: readonly TagShortcut[]): SidebarKeyAction {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Escape') return { kind: 'leave' };
  // Typing in our own note or edit fields is text, never a shortcut.
  if (press.inTextField) return null;
  if (press.key === '/') return { kind: 'focus-note' };
  // Holding a key down must not turn into a stream of captures.
  if (press.repeat || press.key.length !== 1) return null;
  const key = press.key.toLowerCase();
  const hit = shortcuts.find((s) => s.key === key);
  return hit ? { kind: 'capture', tag: hit.tag } : null;
}

/** True for elements that take typed text, so bare keys there are text and not shortcuts. */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return element.isContentEditable === true;
}

/**
 * True only for input the agent really gave (a click, a key, typing), or its replay by the launcher
 * (input given on the painted snapshot before the app was there: see early-input.ts). The
 * sidebar's shadow root is open, so a CRM page's own script can reach our controls and call
 * `click()` or dispatch key events; such events are never trusted, and must never capture, undo,
 * edit or delete.
 */
export function isUserInput(event: { nativeEvent: Event } | Event): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isTrusted === true || isReplayedEvent(native);
}

/**
 * The value a controlled field's change handler accepts: the agent's typing, or else the current
 * value, which it also puts back in the field. A page script can set our field's value and fire
 * `input`; React would restore a controlled value by itself, Preact (the sidebar's build) does not,
 * so the field would show text that is not part of the capture.
 */
export function typedValue(
  event: { nativeEvent: Event; target: HTMLInputElement | HTMLTextAreaElement },
  current: string,
): string {
  if (isUserInput(event)) return event.target.value;
  event.target.value = current;
  return current;
}
