import { savedText } from '@/lib/sidebar/saved-text';
import { isTextField } from './keys';
import { dispatchReplayed } from './replayed-events';

// The painted snapshot (lib/sidebar/snapshot.ts) looks like the sidebar before the sidebar app
// has loaded. The agent's first click or key on it must not be lost: the launcher records it here,
// loads the app, and the app replays it once it has rendered over the snapshot. Only input the
// agent really gave is recorded (a page script's events are untrusted); typing into the note is
// left to the browser and the typed text handed over. A click on a tag does not wait for the app:
// painted.ts sends it at once and hands its reply here (captured()), which shows it.
// The shadow root is open, so a page script can change the painted DOM: which button is a tag, and
// which tag, is read from the launcher's own map of the elements it built (BuiltNodes), never from
// a data-tag the page could have set; a button, field or key target the page inserted is ignored.

/**
 * Every element the launcher built for the painted sidebar, with the tag id its snapshot gave a tag
 * button (null: any other element). A page script cannot reach this map (it lives in the
 * extension's isolated world), so a node it inserted is not in it and a data-tag it set is not read.
 */
export type BuiltNodes = WeakMap<Element, string | null>;

/** A click or key the agent gave on the snapshot, to replay on the app's rendering of it. */
export interface RecordedInput {
  type: 'click' | 'keydown';
  target: Element;
  key: KeyboardEventInit | null;
  /** For a click on a tag button, its tag id as the launcher built it (a key, or another button: none). */
  tag?: string | null;
}

/** What the launcher hands the app: the input so far, the agent's note, where focus was. */
export interface EarlyInputRecord {
  events: RecordedInput[];
  /** The note as the agent typed it (a page script's change to the field is not kept). */
  note: string;
  /** The snapshot element that had focus, if any. */
  focused: Element | null;
  /** Raw replies to captures already sent from the painted sidebar (the app shows them). */
  captures: Promise<unknown>[];
}

/** Records until take(); knows the agent's note, and shows captures sent meanwhile. */
export interface EarlyInput {
  take(): EarlyInputRecord;
  /** The note as the agent has typed it so far. */
  note(): string;
  /** A capture was sent: until the app takes over, its outcome shows in the status line. */
  captured(reply: Promise<unknown>): void;
}

/** The status text of an ok capture reply, or the error of a failed one (the app validates it fully). */
function outcome(reply: unknown): { saved: string } | { failed: string } {
  const r = reply as {
    ok?: unknown;
    value?: { tagLabel?: unknown; routed?: unknown };
    error?: unknown;
  } | null;
  if (r?.ok === true && typeof r.value?.tagLabel === 'string') {
    return { saved: savedText(r.value.tagLabel, r.value.routed !== false) };
  }
  return { failed: typeof r?.error === 'string' ? r.error : 'no answer from Earmark' };
}

/** Keys the sidebar acts on (sidebar-keys keyAction); others are left to the browser (Tab, Enter on a button). */
function isSidebarKey(event: KeyboardEvent, inTextField: boolean): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  if (event.key === 'Escape') return true;
  if (inTextField) return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
  return event.key === '/' || (event.key.length === 1 && event.key !== ' ');
}

/**
 * Records the agent's clicks and sidebar keys on `root` (capture phase) until take() is called; a
 * click on a tag button goes to `onTag` instead, when given (painted.ts sends it at once). Only
 * input on elements in `built` counts, and a tag is the one `built` gives its button.
 */
export function recordEarlyInput(
  root: Element,
  built: BuiltNodes,
  onTag?: (tagId: string, early: EarlyInput) => void,
): EarlyInput {
  const events: RecordedInput[] = [];
  const captures: Promise<unknown>[] = [];
  let note = '';
  let taken = false;
  /** The first element the launcher built that matches `selector` (not a look-alike the page put first). */
  const own = (selector: string) => Array.from(root.querySelectorAll(selector)).find((e) => built.has(e));
  const onClick = (event: Event) => {
    const target = (event.target as Element | null)?.closest?.('button');
    const tag = target ? built.get(target) : undefined;
    // undefined: no button, or one the page inserted, which is neither a capture nor the app's input.
    if (!event.isTrusted || tag === undefined || !root.contains(target as Element)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (onTag && tag) onTag(tag, early);
    else events.push({ type: 'click', target: target as Element, key: null, tag });
  };
  const onKeyDown = (event: Event) => {
    const key = event as KeyboardEvent;
    const target = key.target as Element | null;
    if (!event.isTrusted || !target || !built.has(target) || !isSidebarKey(key, isTextField(target))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const { altKey, ctrlKey, metaKey, shiftKey, repeat, code } = key;
    events.push({
      type: 'keydown',
      target,
      key: { key: key.key, code, altKey, ctrlKey, metaKey, shiftKey, repeat },
    });
  };
  const onInput = (event: Event) => {
    const field = event.target as HTMLTextAreaElement | null;
    if (event.isTrusted && field?.localName === 'textarea' && built.has(field)) note = field.value;
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('keydown', onKeyDown, true);
  root.addEventListener('input', onInput, true);
  const early: EarlyInput = {
    note: () => note,
    captured(reply) {
      captures.push(reply);
      const show = (result: ReturnType<typeof outcome>) => {
        if (taken) return; // the app shows it from here on
        const status = own('[role="status"]');
        if ('saved' in result) {
          note = '';
          const field = own('textarea') as HTMLTextAreaElement | undefined;
          if (field) field.value = '';
          if (status) status.textContent = result.saved;
        } else if (status) status.textContent = `Not saved: ${result.failed}`;
      };
      reply.then(
        (r) => show(outcome(r)),
        (e: unknown) => show({ failed: e instanceof Error ? e.message : String(e) }),
      );
    },
    take() {
      taken = true;
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('keydown', onKeyDown, true);
      root.removeEventListener('input', onInput, true);
      const field = own('textarea') as HTMLTextAreaElement | undefined;
      if (field && field.value !== note) field.value = note; // a page script's text, not the agent's
      const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
      const focused = active && built.has(active) && root.contains(active) ? active : null;
      return { events, note, focused, captures };
    },
  };
  return early;
}

/** The element in `root` that stands for `old` (same node if still there, else same tag id or name). */
export function counterpart(root: Element, old: Element): Element | null {
  if (old.isConnected && root.contains(old)) return old;
  const same = (a: Element, name: string) =>
    old.getAttribute(name) !== null && a.getAttribute(name) === old.getAttribute(name);
  const candidates = Array.from(root.querySelectorAll(old.localName));
  return (
    candidates.find((c) => same(c, 'data-tag')) ??
    candidates.find((c) => same(c, 'aria-label')) ??
    candidates.find(
      (c) => c.localName === 'textarea' || (old.textContent !== '' && c.textContent === old.textContent),
    ) ??
    null
  );
}

/**
 * Where a recorded click goes in the app's rendering: a tag's click to the button of that tag, any
 * other click to its counterpart, never to a tag button (whatever data-tag the page gave the button
 * the agent clicked, or whatever that element has become: the app's render has just set every
 * data-tag, and the launcher's map said it was no tag).
 */
function clickTarget(root: Element, input: RecordedInput): Element | null {
  if (input.tag)
    return Array.from(root.querySelectorAll('button')).find((b) => b.dataset.tag === input.tag) ?? null;
  const target = counterpart(root, input.target);
  return target?.hasAttribute('data-tag') ? null : target;
}

/**
 * Replays recorded input on the app's rendering in `root`, in order, as events the sidebar accepts
 * as the agent's (replayed-events.ts), and puts focus back where it was. A key whose element is
 * gone goes to the sidebar itself; a click whose button is gone (a tag removed meanwhile) is dropped.
 */
export function replayEarlyInput(root: Element, record: EarlyInputRecord): void {
  const focus = record.focused ? counterpart(root, record.focused) : null;
  if (focus instanceof HTMLElement && focus !== record.focused) focus.focus();
  for (const input of record.events) {
    const target =
      input.type === 'click'
        ? clickTarget(root, input)
        : (counterpart(root, input.target) ?? root.querySelector('aside'));
    if (!target) continue;
    const init = { bubbles: true, cancelable: true, composed: true };
    const event =
      input.type === 'click'
        ? new MouseEvent('click', init)
        : new KeyboardEvent('keydown', { ...input.key, ...init });
    dispatchReplayed(target, event);
  }
}
