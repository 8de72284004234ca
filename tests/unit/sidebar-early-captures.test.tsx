// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { recordEarlyInput } from '../../components/sidebar/launcher/early-input';
import { unwrapReply } from '../../lib/protocol/messages';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

afterEach(unmountSidebars);

/** A painted sidebar's status line and note. */
function painted(): HTMLElement {
  const element = document.createElement('div');
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  element.append(status, document.createElement('textarea'));
  document.body.append(element);
  return element;
}

describe('captures sent from the painted sidebar', () => {
  it('show in the painted status line, clearing the note, until the app takes over', async () => {
    const element = painted();
    const early = recordEarlyInput(
      element,
      new WeakMap([element, ...element.querySelectorAll('*')].map((e) => [e, null])),
    );
    const note = element.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'asked twice';
    const typed = new Event('input', { bubbles: true });
    Object.defineProperty(typed, 'isTrusted', { value: true });
    note.dispatchEvent(typed);
    expect(early.note()).toBe('asked twice');

    early.captured(Promise.resolve({ ok: true, value: { id: 'c1', tagLabel: 'Chaser' } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Saved: Chaser');
    expect(note.value).toBe('');
    expect(early.note()).toBe('');

    early.captured(Promise.resolve({ ok: false, error: 'queue full' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Not saved: queue full');

    const record = early.take();
    expect(record.captures).toHaveLength(2);
    early.captured(Promise.resolve({ ok: true, value: { id: 'c3', tagLabel: 'Bug' } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Not saved: queue full'); // the app's now
  });

  it('are taken over by the app: "Saved" with Undo, or the error, and the note cleared', async () => {
    const api = fakeSidebarApi({
      config: async () => ({
        taxonomy: [{ id: 'bug', label: 'Bug', category: 'Customer insight' }],
        agentName: 'Ada',
        sites: [],
      }),
      adoptCapture: async (reply) => unwrapReply('capture', await reply),
    });
    const saved = {
      ok: true,
      value: { id: '0190a000-0000-7000-8000-000000000001', tagLabel: 'Bug', routed: true },
    };
    const host = await renderSidebar({
      api,
      early: { note: 'asked twice', captures: [Promise.resolve(saved)] },
    });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Saved: Bug');
    expect(host.querySelector('button.em-undo')).not.toBeNull();
    expect(host.querySelector('textarea')?.value).toBe('');

    await unmountSidebars();
    const failed = await renderSidebar({
      api,
      early: { note: 'kept', captures: [Promise.resolve({ ok: false, error: 'queue full' })] },
    });
    expect(failed.querySelector('[role="alert"]')?.textContent).toBe('Not saved: queue full');
    expect(failed.querySelector('textarea')?.value).toBe('kept');
  });
});
