// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { createSidebarHost } from '../../components/sidebar/launcher/host';

/** What the app renders (its outer element, enough for Preact to match a painted copy). */
const app = () => h('aside', { 'aria-label': 'Earmark' }, h('button', null, 'Bug'));

/** A painted snapshot of the same sidebar, built as plain DOM (what the launcher paints). */
function paint(container: HTMLElement): void {
  const aside = document.createElement('aside');
  aside.setAttribute('aria-label', 'Earmark');
  const button = document.createElement('button');
  button.textContent = 'Bug';
  aside.append(button);
  container.append(aside);
}

describe('the sidebar host', () => {
  it('switched off and on, the app takes a painted snapshot over instead of adding a second sidebar', () => {
    const containers: HTMLElement[] = [];
    const host = createSidebarHost(document, {
      onMount: (container) => containers.push(container),
      onRemove: () => render(null, containers.at(-1) as HTMLElement), // what the app's unmount does
    });
    host.mount('');
    render(app(), containers[0] as HTMLElement); // first showing: no snapshot yet, the app renders
    host.remove(); // the agent switches Earmark off for the site...
    host.mount(''); // ...and on again: the launcher paints the snapshot the app saved, then the app comes
    const second = containers[1] as HTMLElement;
    paint(second);
    render(app(), second);
    const shadow = document.querySelector('earmark-sidebar')?.shadowRoot;
    expect(shadow?.querySelectorAll('aside[aria-label="Earmark"]')).toHaveLength(1);
    expect(shadow?.querySelectorAll('button')).toHaveLength(1);
  });

  it('keeps keys typed in the sidebar from the page after a remount too', () => {
    const containers: HTMLElement[] = [];
    const host = createSidebarHost(document, { onMount: (c) => containers.push(c), onRemove: () => {} });
    host.mount('');
    host.remove();
    host.mount('');
    const seen: string[] = [];
    document.addEventListener('keydown', (event) => seen.push(event.key));
    const field = document.createElement('textarea');
    containers[1]?.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
  });
});
