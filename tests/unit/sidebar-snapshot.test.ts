// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  buildElement,
  isSidebarSnapshot,
  type SnapshotNode,
  serializeElement,
  stableStringify,
} from '../../lib/sidebar/snapshot';

/** Markup like the sidebar's: nested elements, aria and data attributes, a style, empty text. */
function sample(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'em-root';
  const aside = document.createElement('aside');
  aside.setAttribute('aria-label', 'Earmark');
  aside.style.width = '280px';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'em-tag';
  button.dataset.tag = 'bug';
  button.setAttribute('aria-keyshortcuts', '2');
  button.append('Bug');
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.append('');
  const field = document.createElement('textarea');
  field.setAttribute('maxlength', '10000');
  field.value = 'typed by the agent'; // a property, never part of the markup
  aside.append(button, status, field, document.createComment('left out'));
  root.append(aside);
  return root;
}

describe('sidebar snapshots', () => {
  it('serializes markup and rebuilds the same markup, text nodes and styles included', () => {
    const original = sample();
    const tree = serializeElement(original);
    const rebuilt = buildElement(document, JSON.parse(JSON.stringify(tree)));
    expect(rebuilt?.outerHTML).toBe(original.outerHTML.replace('<!--left out-->', ''));
    expect(serializeElement(rebuilt as Element)).toEqual(tree);
    expect(rebuilt?.querySelector<HTMLElement>('aside')?.style.width).toBe('280px');
    expect(rebuilt?.querySelector('textarea')?.value).toBe('');
    expect(rebuilt?.querySelector('[role="status"]')?.childNodes).toHaveLength(1);
  });

  it('refuses anything the sidebar does not render: scripts, handlers, links, odd styles, deep or huge trees', () => {
    const bad: unknown[] = [
      ['script', [], ['alert(1)']],
      ['div', ['onclick', 'alert(1)'], []],
      ['div', [], [['a', ['href', 'https://evil.example'], ['x']]]],
      ['div', ['style', 'background: url(https://evil.example/x.png)'], []],
      ['div', ['style', 'width: expression(alert(1)'], []],
      ['div', ['aria-label', 42], []],
      ['div', ['aria-label'], []],
      ['div', { class: 'em-root' }, []],
      ['div', [], 'not a list'],
      ['div', []],
      'just text',
      null,
    ];
    for (const tree of bad) expect(buildElement(document, tree), JSON.stringify(tree)).toBeNull();
    let deep: SnapshotNode = 'x';
    for (let i = 0; i < 50; i++) deep = ['div', [], [deep]];
    expect(buildElement(document, deep)).toBeNull();
    const wide: SnapshotNode = ['div', [], Array.from({ length: 6000 }, () => 'x')];
    expect(buildElement(document, wide)).toBeNull();
  });

  it('writes JSON with sorted keys, so equal data gives equal text', () => {
    expect(stableStringify({ b: 1, a: [undefined, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[null,{"c":"x"}],"b":1}',
    );
  });

  it('accepts a stored snapshot only in its own shape', () => {
    const snapshot = {
      key: 'k',
      live: false,
      sites: [{ match: 'https://*.example.com/*', adapter: 'zendesk' }],
      tree: ['div', [], []],
    };
    expect(isSidebarSnapshot(snapshot)).toBe(true);
    expect(isSidebarSnapshot({ ...snapshot, live: 'no' })).toBe(false);
    expect(isSidebarSnapshot({ ...snapshot, sites: [{ match: 1 }] })).toBe(false);
    expect(isSidebarSnapshot({ ...snapshot, tree: '<div>' })).toBe(false);
    expect(isSidebarSnapshot(null)).toBe(false);
  });
});
