// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  captureMessage,
  keepTagSelection,
  readPageSelection,
} from '../../components/sidebar/launcher/tag-capture';
import { PROTOCOL } from '../../lib/protocol/messages';

const context = {
  site: 'zendesk' as const,
  url: 'https://acme.zendesk.com/agent/tickets/6200',
  title: null,
  ticketId: '6200',
};

/** Dispatches `event` as the agent's own input (a page script's events are untrusted). */
function agent<E extends Event>(target: EventTarget, event: E): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

const press = () => new PointerEvent('pointerdown', { bubbles: true });

/** A sidebar root with a tag button and another button, and a page paragraph outside it. */
function page() {
  document.body.innerHTML = '';
  const paragraph = document.createElement('p');
  paragraph.textContent = '  the CSV export has failed three times  ';
  const root = document.createElement('div');
  const tag = document.createElement('button');
  tag.setAttribute('data-tag', 'bug');
  const other = document.createElement('button');
  root.append(tag, other);
  document.body.append(paragraph, root);
  return { paragraph, root, tag, other };
}

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

describe('the capture message', () => {
  it('trims the note (blank: none) and is what the protocol accepts', () => {
    const message = captureMessage('bug', '  asked twice \n', 'a quote', context);
    expect(message).toEqual({
      type: 'capture',
      tagId: 'bug',
      note: 'asked twice',
      quote: 'a quote',
      context,
    });
    expect(PROTOCOL.capture.request.parse(message)).toEqual(message);
    expect(captureMessage('bug', '   ', null, context).note).toBeNull();
    expect(captureMessage('bug', null, null, context).note).toBeNull();
  });

  it('reads the page selection trimmed, and none when nothing is selected', () => {
    const { paragraph } = page();
    expect(readPageSelection()).toBeNull();
    window.getSelection()?.selectAllChildren(paragraph);
    expect(readPageSelection()).toBe('the CSV export has failed three times');
  });
});

describe('the selection kept when the agent presses a tag', () => {
  it('is the selection at pointer-down, even when it is gone by the click, and is taken once', () => {
    const { root, tag } = page();
    let selected: string | null = 'selected before the press';
    const kept = keepTagSelection(root, () => selected);
    agent(tag, press());
    selected = null; // focus moved to the button and the page dropped its selection
    expect(kept.take()).toBe('selected before the press');
    expect(kept.take()).toBeNull(); // taken once: nothing kept, nothing selected
    selected = 'selected now';
    expect(kept.take()).toBe('selected now');
    kept.stop();
  });

  it("ignores a page script's press, a press on another button, and presses after stop()", () => {
    const { root, tag, other } = page();
    let selected: string | null = 'chosen by a page script';
    const kept = keepTagSelection(root, () => selected);
    tag.dispatchEvent(press()); // untrusted
    agent(other, press());
    selected = null;
    expect(kept.take()).toBeNull();

    selected = 'selected';
    kept.stop();
    agent(tag, press());
    selected = null;
    expect(kept.take()).toBeNull();
  });

  it('keeps the real page selection', () => {
    const { paragraph, root, tag } = page();
    const kept = keepTagSelection(root, readPageSelection);
    window.getSelection()?.selectAllChildren(paragraph);
    agent(tag, press());
    window.getSelection()?.removeAllRanges();
    expect(kept.take()).toBe('the CSV export has failed three times');
    kept.stop();
  });
});
