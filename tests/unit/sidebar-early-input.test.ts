// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BuiltNodes,
  counterpart,
  recordEarlyInput,
  replayEarlyInput,
} from '../../components/sidebar/launcher/early-input';
import { isUserInput } from '../../components/sidebar/launcher/keys';

/** Dispatches an event the way the browser does for the agent's own input. */
function agent<E extends Event>(target: EventTarget, event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

const key = (k: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
const click = () => new MouseEvent('click', { bubbles: true, cancelable: true });

/** A painted sidebar: tags, a header button, the note. */
function painted(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'em-root';
  const aside = document.createElement('aside');
  for (const [id, label] of [
    ['bug', 'Bug'],
    ['chaser', 'Chaser'],
  ]) {
    const tag = document.createElement('button');
    tag.className = 'em-tag';
    tag.dataset.tag = id;
    tag.append(label as string);
    aside.append(tag);
  }
  const collapse = document.createElement('button');
  collapse.setAttribute('aria-label', 'Collapse Earmark');
  const note = document.createElement('textarea');
  aside.append(collapse, note);
  root.append(aside);
  document.body.append(root);
  return root;
}

/** The launcher's map of a painted sidebar it built (painted.ts): every element, with its tag id. */
function built(root: Element): BuiltNodes {
  const nodes: BuiltNodes = new WeakMap();
  for (const element of [root, ...root.querySelectorAll('*')])
    nodes.set(element, element.getAttribute('data-tag'));
  return nodes;
}

afterEach(() => document.body.replaceChildren());

describe('input on the painted sidebar before the app is there', () => {
  it("records the agent's clicks and sidebar keys, and leaves the rest to the browser", () => {
    const root = painted();
    const [bug] = root.querySelectorAll('button');
    const bubbled: string[] = [];
    root.addEventListener('click', () => bubbled.push('click'));
    const early = recordEarlyInput(root, built(root));

    bug?.dispatchEvent(click()); // a page script's click: not the agent's
    expect(agent(bug as Element, click()).defaultPrevented).toBe(true);
    expect(agent(bug as Element, key('2')).defaultPrevented).toBe(true);
    expect(agent(bug as Element, key('/')).defaultPrevented).toBe(true);
    expect(agent(bug as Element, key('Tab')).defaultPrevented).toBe(false); // focus moves on
    expect(agent(bug as Element, key('Enter')).defaultPrevented).toBe(false); // the button clicks itself
    expect(agent(bug as Element, key('c', { ctrlKey: true })).defaultPrevented).toBe(false);

    const note = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(agent(note, key('a')).defaultPrevented).toBe(false); // typing is text
    note.value = 'export times out';
    agent(note, new Event('input', { bubbles: true }));
    expect(agent(note, key('Enter', { shiftKey: true })).defaultPrevented).toBe(false);
    expect(agent(note, key('Enter')).defaultPrevented).toBe(true);
    note.value = 'planted by the page'; // no trusted input event

    const record = early.take();
    // Only the page script's own click went on to other listeners; the agent's was held for the app.
    expect(bubbled).toEqual(['click']);
    expect(record.note).toBe('export times out');
    expect(note.value).toBe('export times out');
    expect(record.events.map((e) => [e.type, e.key?.key ?? null])).toEqual([
      ['click', null],
      ['keydown', '2'],
      ['keydown', '/'],
      ['keydown', 'Enter'],
    ]);
    // Recording has stopped.
    agent(bug as Element, click());
    expect(record.events).toHaveLength(4);
  });

  it('replays onto the same elements as input the sidebar accepts, and a page script cannot', () => {
    const root = painted();
    const bug = root.querySelector('button') as HTMLButtonElement;
    const early = recordEarlyInput(root, built(root));
    agent(bug, click());
    agent(bug, key('4'));
    const seen: Array<[string, boolean]> = [];
    root.addEventListener('click', (e) => seen.push(['click', isUserInput(e)]));
    root.addEventListener('keydown', (e) => seen.push([(e as KeyboardEvent).key, isUserInput(e)]));
    replayEarlyInput(root, early.take());
    bug.dispatchEvent(click()); // a page script after the replay
    expect(seen).toEqual([
      ['click', true],
      ['4', true],
      ['click', false],
    ]);
  });

  it('finds the counterpart in a fresh rendering by tag, name or text; a key without one goes to the sidebar', () => {
    const old = painted();
    const fresh = painted();
    const [oldBug, , oldCollapse] = Array.from(old.querySelectorAll('button'));
    expect(counterpart(fresh, oldBug as Element)).toBe(fresh.querySelector('[data-tag="bug"]'));
    expect(counterpart(fresh, oldCollapse as Element)).toBe(
      fresh.querySelector('[aria-label="Collapse Earmark"]'),
    );
    expect(counterpart(fresh, old.querySelector('textarea') as Element)).toBe(
      fresh.querySelector('textarea'),
    );

    const early = recordEarlyInput(old, built(old));
    agent(oldBug as Element, click());
    agent(oldBug as Element, key('1'));
    old.remove();
    fresh.querySelector('[data-tag="bug"]')?.remove(); // the tag was removed meanwhile
    const seen: string[] = [];
    fresh.addEventListener('click', () => seen.push('click'));
    fresh
      .querySelector('aside')
      ?.addEventListener('keydown', (e) => seen.push(`key ${(e as KeyboardEvent).key}`));
    replayEarlyInput(fresh, early.take());
    expect(seen).toEqual(['key 1']);
  });
  it('ignores input on elements the launcher did not build: a look-alike button or field of the page', () => {
    const root = painted();
    const nodes = built(root);
    const fakeTag = document.createElement('button');
    fakeTag.append('Bug'); // looks like the Bug tag, by its text
    const fakeNote = document.createElement('textarea');
    root.querySelector('aside')?.prepend(fakeTag, fakeNote);
    const tags: string[] = [];
    const early = recordEarlyInput(root, nodes, (tag) => tags.push(tag));

    expect(agent(fakeTag, click()).defaultPrevented).toBe(false); // the page's button, the page's click
    expect(agent(fakeTag, key('1')).defaultPrevented).toBe(false);
    fakeNote.value = 'typed into the page’s field';
    agent(fakeNote, new Event('input', { bubbles: true }));
    fakeNote.focus();
    const record = early.take();
    expect(tags).toEqual([]);
    expect(record.events).toEqual([]); // nothing for the app to replay onto the real Bug tag
    expect(record.note).toBe('');
    expect(record.focused).toBeNull();
  });

  it('replays a click by what the launcher built, not by a data-tag or text the page gave the element', () => {
    const old = painted();
    const fresh = painted();
    const [oldBug, , oldCollapse] = Array.from(old.querySelectorAll('button')) as HTMLButtonElement[];
    // Before the agent's clicks, the page made the collapse button look like the Bug tag and
    // retargeted the Bug tag's button; the app's rendering then has no collapse button.
    oldCollapse?.setAttribute('data-tag', 'bug');
    oldCollapse?.setAttribute('aria-label', 'Bug');
    oldCollapse?.replaceChildren('Bug');
    oldBug?.setAttribute('data-tag', 'chaser');
    old.remove();
    fresh.querySelector('[aria-label="Collapse Earmark"]')?.remove();
    const seen: string[] = [];
    fresh.addEventListener('click', (e) => seen.push((e.target as Element).getAttribute('data-tag') ?? '-'));
    replayEarlyInput(fresh, {
      events: [
        { type: 'click', target: oldCollapse as Element, key: null, tag: null },
        { type: 'click', target: oldBug as Element, key: null, tag: 'bug' },
      ],
      note: '',
      focused: null,
      captures: [],
    });
    expect(seen).toEqual(['bug']); // the tag's own click only; the collapse click found nothing
  });
});
