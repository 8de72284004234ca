import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../lib/schema';
import { verifiedItems } from './support/extension';
import { readAllIndexedDb } from './support/idb';
import { type Session, startSession } from './support/session';

// Personal data in a capture (selected page text and the agent's note) and secrets in the page
// address must be gone before anything is stored or sent: the receiver and the background's
// IndexedDB only ever hold placeholders.

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4821';
const PAGE_URL = `${TICKET_URL}?token=secret123#frag`;
const NOTE = 'Customer also wrote from j.doe.alt@example.org, call back on 415-555-0132 after 3pm';

/** Raw values that must appear nowhere, in each form they could take once serialized. */
const RAW_VALUES = [
  '4111 1111 1111 1111',
  '4111111111111111',
  'jane.doe@example.com',
  'j.doe.alt@example.org',
  '415-555-0132',
  '4155550132',
  'secret123',
];

/** What the customer's message reads as once redacted (its text collapsed to single spaces). */
const REDACTED_QUOTE =
  'Hi, the CSV export has failed three times this week. If it fails again we will look at ' +
  'Competitor Co, they have scheduled exports. My card [card] was charged anyway and you can reach ' +
  'me at [email].';
const REDACTED_NOTE = 'Customer also wrote from [email], call back on [phone] after 3pm';

let session: Session;
let item: Item;

beforeAll(async () => {
  session = await startSession();
  const page = await session.browser.context.newPage();
  await page.goto(PAGE_URL);
  const sidebar = page.getByRole('complementary', { name: 'Earmark' });
  const bug = sidebar.getByRole('button', { name: 'Bug', exact: true });
  await bug.waitFor();

  // The note first: typing into it moves focus (and the selection) into the sidebar, so an agent
  // selects the page text last, right before clicking the tag.
  await sidebar.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  const selected = await page.evaluate(() => {
    const message = document.getElementById('customer-message');
    if (!message) throw new Error('fixture has no #customer-message');
    const range = document.createRange();
    range.selectNodeContents(message);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return selection?.toString() ?? '';
  });
  expect(selected).toContain('4111 1111 1111 1111');
  expect(selected).toContain('jane.doe@example.com');

  await bug.click();
  await sidebar.getByRole('status').filter({ hasText: 'Saved: Bug' }).waitFor();
  // expect.poll only runs inside a test; the receiver's own wait polls here.
  await session.receiver.waitFor((r) => r.answer === 200, 20_000);
  const items = verifiedItems(session.receiver.committed(), session.secret);
  expect(items).toHaveLength(1);
  item = items[0]!;
  await page.close();
});

afterAll(async () => {
  await session?.close();
});

describe('privacy of a capture with personal data on a Zendesk ticket', () => {
  it('delivers the quote and note redacted, counting each replacement', () => {
    expect(item.quote?.replace(/\s+/g, ' ')).toBe(REDACTED_QUOTE);
    expect(item.note).toBe(REDACTED_NOTE);
    // Two in the quote (card, email), two in the note (email, phone); the subject has none.
    expect(item.redactions).toBe(4);
    const sent = JSON.stringify(item);
    for (const placeholder of ['[card]', '[email]', '[phone]']) expect(sent).toContain(placeholder);
  });

  it('drops the query and fragment of the page address from source.url', () => {
    expect(item.source).toMatchObject({ site: 'zendesk', ticketId: '4821', url: TICKET_URL });
  });

  it('sends no raw value in any request body', () => {
    const bodies = session.receiver.requests.map((r) => r.body).join('\n');
    expect(bodies).toContain('[card]');
    for (const raw of RAW_VALUES) expect(bodies, raw).not.toContain(raw);
  });

  it('stores no raw value anywhere in the background IndexedDB', async () => {
    const dump = await readAllIndexedDb(session.browser.worker);
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(['items', 'outbox', 'endpoints']));
    const stored = JSON.stringify(dump);
    // Not vacuous: the captured item is there, with its placeholders.
    expect(stored).toContain(item.id);
    for (const placeholder of ['[card]', '[email]', '[phone]']) expect(stored).toContain(placeholder);
    for (const raw of RAW_VALUES) expect(stored, raw).not.toContain(raw);
  });

  it('keeps no raw value in the extension local storage either', async () => {
    const local = await session.browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } })
        .chrome;
      return JSON.stringify(await api.storage.local.get());
    });
    for (const raw of RAW_VALUES) expect(local, raw).not.toContain(raw);
  });
});
