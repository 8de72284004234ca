import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureMany, configure, openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';

// A backlog to a Slack-format endpoint, built and delivered by the real extension in Chromium:
// every capture must reach the channel, none hidden behind "and N more".
const CAPTURES = 200;
let s: Session;

beforeEach(async () => {
  s = await startSession();
});

afterEach(async () => {
  await s?.close();
});

/** Every mrkdwn text of the Slack messages the receiver accepted. */
function slackTexts(): string[] {
  return s.receiver.committed().flatMap((request) => {
    const message = JSON.parse(request.body) as {
      blocks: Array<{ text?: { text: string }; elements?: Array<{ text: string }> }>;
    };
    return message.blocks.flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)]);
  });
}

describe('a Slack backlog', () => {
  it(`${CAPTURES} captures queued while the endpoint was off all reach the channel`, async () => {
    const slack = { ...s.endpoint, format: 'slack' as const };
    // Disabled, the endpoint still queues every capture, so switching it on leaves a backlog.
    await configure(s.browser.worker, [{ ...slack, enabled: false }]);
    const popup = await openExtensionPage(s.browser, 'popup.html');
    const notes = Array.from({ length: CAPTURES }, (_, i) => `backlog-note-${i}.`);
    const ids = await captureMany(
      popup,
      notes.map(() => 'bug'),
      notes,
    );
    expect(new Set(ids).size).toBe(CAPTURES);
    expect(s.receiver.requests).toHaveLength(0);
    await configure(s.browser.worker, [slack]);
    const missing = () => {
      const texts = slackTexts().join('\n');
      return notes.filter((note) => !texts.includes(note));
    };
    await expect.poll(missing, { timeout: 60_000, interval: 500 }).toEqual([]);
    expect(slackTexts().filter((text) => /^and \d+ more$/.test(text))).toEqual([]);
    for (const request of s.receiver.committed()) {
      expect(request.headers['webhook-signature']).toBeUndefined();
      expect((JSON.parse(request.body) as { blocks: unknown[] }).blocks.length).toBeLessThanOrEqual(50);
    }
  });
});
