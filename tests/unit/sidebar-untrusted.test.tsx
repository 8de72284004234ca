// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentItem } from '../../components/sidebar/app/RecentItem';
import { TagButtons } from '../../components/sidebar/app/TagButtons';
import { assignShortcuts, isUserInput, typedValue } from '../../components/sidebar/launcher/keys';
import type { TaxonomyTag } from '../../lib/config/settings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A CRM page's script can reach the sidebar's open shadow root and dispatch events; browsers mark
// those `isTrusted: false`. happy-dom leaves `isTrusted` unset (as untrusted); the agent's own input
// is stood in for by defining it true on the event.
const TAGS: TaxonomyTag[] = [
  { id: 'bug', label: 'Bug', category: 'Customer insight' },
  { id: 'praise', label: 'Praise', category: 'Customer insight' },
];

function click(target: Element, trusted: boolean): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

async function render(node: React.ReactNode): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(node));
  return host;
}

afterEach(() => document.body.replaceChildren());

describe('untrusted events in the sidebar', () => {
  it('isUserInput accepts only trusted native events, also through React wrappers', () => {
    const untrusted = new Event('click');
    const trusted = new Event('click');
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    expect(isUserInput(untrusted)).toBe(false);
    expect(isUserInput(trusted)).toBe(true);
    expect(isUserInput({ nativeEvent: untrusted })).toBe(false);
    expect(isUserInput({ nativeEvent: trusted })).toBe(true);
  });

  it('typedValue keeps the agent’s typing and puts a page script’s value back in the field', () => {
    // Preact (the sidebar's build) does not restore a controlled field by itself, as React does.
    const field = document.createElement('textarea');
    field.value = 'typed by the agent';
    const trusted = new Event('input');
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    expect(typedValue({ nativeEvent: trusted, target: field }, 'before')).toBe('typed by the agent');
    expect(field.value).toBe('typed by the agent');

    field.value = 'INJECTED';
    expect(typedValue({ nativeEvent: new Event('input'), target: field }, 'the agent’s draft')).toBe(
      'the agent’s draft',
    );
    expect(field.value).toBe('the agent’s draft');
  });

  it('a tag captures on the agent’s click, never on a page script’s', async () => {
    const onCapture = vi.fn();
    const host = await render(<TagButtons shortcuts={assignShortcuts(TAGS)} onCapture={onCapture} />);
    const bug = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Bug'));
    if (!bug) throw new Error('no Bug button');
    await act(async () => {
      bug.click();
      click(bug, false);
    });
    expect(onCapture).not.toHaveBeenCalled();
    await act(async () => click(bug, true));
    expect(onCapture).toHaveBeenCalledTimes(1);
    expect(onCapture.mock.calls[0]?.[0]).toMatchObject({ id: 'bug' });
  });

  it('"Yes" deletes a recent capture only on the agent’s click', async () => {
    const onRevise = vi.fn(async () => true);
    const host = await render(
      <RecentItem
        entry={{
          id: 'i1',
          tags: ['Bug'],
          note: null,
          capturedAt: '2026-11-23T10:00:00Z',
          status: 'Sent',
          detail: null,
        }}
        label="10:00"
        mode="delete"
        onMode={() => {}}
        onRevise={onRevise}
        onDeleted={() => {}}
      />,
    );
    const yes = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Yes');
    if (!yes) throw new Error('no Yes button');
    await act(async () => click(yes, false));
    expect(onRevise).not.toHaveBeenCalled();
    await act(async () => click(yes, true));
    expect(onRevise).toHaveBeenCalledWith({ kind: 'delete' });
  });
});
