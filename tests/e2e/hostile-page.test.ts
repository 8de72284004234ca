import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../lib/config/settings';
import { seedSettings } from '../../scripts/harness/launch';
import { TEST_AGENT, verifiedItems } from './support/extension';
import { readAllIndexedDb } from './support/idb';
import { openWithSidebar } from './support/pages';
import { openPainted, sidebarState, storedSnapshot } from './support/painted';
import { type Session, startSession } from './support/session';

// The sidebar lives in an OPEN shadow root, so the CRM page's own scripts can reach it. Here the
// page (Playwright's page.evaluate runs in the page's main world, as the page's scripts do) tries
// to drive it: click() on every tag, synthetic pointer and key events (digits, hotkeys, Enter),
// writing the Note, clicking Undo, Edit and Delete. None of that may capture or change a capture,
// and nothing of the settings (endpoint URL and secret, hub tokens) may be readable in the page.

const ZENDESK = 'acme.zendesk.com';
const TICKET = `https://${ZENDESK}/agent/tickets/4821`;
const ticket = (id: number) => `https://${ZENDESK}/agent/tickets/${id}`;
/** Another CRM, another company's page: it shows the sidebar too. */
const OTHER_SITE = 'acme.freshdesk.com';
const OTHER_TICKET = `https://${OTHER_SITE}/a/tickets/77`;
const INJECTED_NOTE = 'INJECTED BY THE PAGE';
const HUB: Hub = {
  // Nothing listens there: the status poll fails quietly, which is all this test needs.
  url: 'http://127.0.0.1:9',
  agentToken: 'agentTOKEN_hostile_0123456789',
  leadToken: 'leadTOKEN_hostile_9876543210',
};

let session: Session;

/** Items in the background's IndexedDB (none before the first capture created the store). */
async function storedItems(): Promise<Array<{ item: { id: string; revision: number; deleted: boolean } }>> {
  const dump = await readAllIndexedDb(session.browser.worker);
  return (dump.items ?? []) as Array<{ item: { id: string; revision: number; deleted: boolean } }>;
}

/** Everything the page's own scripts can read of the sidebar: the text of every open shadow root. */
function readableSidebarText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Document | ShadowRoot) => {
      for (const el of node.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        for (const child of el.shadowRoot.childNodes)
          parts.push(new XMLSerializer().serializeToString(child));
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

/** A site's stored sidebar snapshot as JSON ('' while it has none). */
async function storedSnapshotJson(host: string): Promise<string> {
  const stored = await storedSnapshot(session.browser, host);
  return stored ? JSON.stringify(stored) : '';
}

/** Every webhook POST the receiver verified, as items. */
const received = () => verifiedItems(session.receiver.requests, session.secret);

/** The tags of each item the receiver got from a ticket, in the order they came. */
const tagsFrom = (ticketId: string) =>
  received()
    .filter((i) => i.source.ticketId === ticketId)
    .map((i) => i.tags.map((t) => t.id));

/** What the page plants in the sidebar: a paragraph, a look-alike tag button, a tag id of its own. */
const PLANTED = { text: 'Planted by the page', button: 'Escalate now', tag: 'planted-tag' } as const;

/**
 * Runs in the page's main world, on the sidebar's open shadow root: retargets the Bug button to
 * `retargetTo`, puts a look-alike tag button (for the "Feature request" tag) before it, or a
 * paragraph after the tags. From the first call on, it also notes for each click inside the
 * sidebar whether the sidebar was still the painted one (what clicksOnPainted reads).
 */
function plant(
  page: Page,
  steps: Array<'retarget' | 'button' | 'paragraph'>,
  retargetTo: string = PLANTED.tag,
) {
  return page.evaluate(
    ({ steps, retargetTo, planted }) => {
      const root = document.querySelector('earmark-sidebar')?.shadowRoot;
      if (!root) throw new Error('the sidebar is not in an open shadow root the page can reach');
      const world = window as unknown as { clicksOnPainted?: boolean[] };
      if (!world.clicksOnPainted) {
        const clicks: boolean[] = [];
        world.clicksOnPainted = clicks;
        // On the shadow root, capture phase: before any listener of the sidebar's own elements.
        root.addEventListener(
          'click',
          () => clicks.push(root.querySelector('[data-em-snapshot]') !== null),
          true,
        );
      }
      const bug = [...root.querySelectorAll('button')].find((b) => b.getAttribute('data-tag') === 'bug');
      if (!bug) throw new Error('no Bug button');
      if (steps.includes('retarget')) bug.setAttribute('data-tag', retargetTo);
      if (steps.includes('button')) {
        const fake = document.createElement('button');
        fake.type = 'button';
        fake.className = 'em-tag';
        fake.dataset.tag = 'feature-request';
        fake.textContent = planted.button;
        bug.before(fake);
      }
      if (steps.includes('paragraph')) {
        const paragraph = document.createElement('p');
        paragraph.textContent = planted.text;
        root.querySelector('.em-tags')?.after(paragraph);
      }
      return { painted: root.querySelector('[data-em-snapshot]') !== null };
    },
    { steps, retargetTo, planted: PLANTED },
  );
}

/** For each click inside the sidebar since plant(): whether it reached the painted sidebar. */
function clicksOnPainted(page: Page): Promise<boolean[]> {
  return page.evaluate(() => (window as unknown as { clicksOnPainted?: boolean[] }).clicksOnPainted ?? []);
}

/**
 * Opens a ticket with the sidebar painted, lets the page `prepare` it, and clicks the button named
 * `name` in it. The run counts only when that click reached the painted sidebar (on a loaded
 * machine the app can take over between the paint and the click, and then the run proves nothing
 * about the painted one): otherwise it tries again on a fresh ticket, up to 5 times.
 */
async function clickOnPainted(
  firstId: number,
  prepare: (page: Page) => Promise<{ painted: boolean }>,
  name: { name: string; exact?: boolean },
): Promise<{ page: Page; sidebar: Locator; id: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = firstId * 10 + attempt;
    const { page, sidebar } = await openPainted(session.browser, ticket(id));
    if ((await prepare(page)).painted) {
      await sidebar.getByRole('button', name).click();
      if ((await clicksOnPainted(page)).join() === 'true') return { page, sidebar, id };
    }
    await page.close();
  }
  throw new Error('in 5 page loads, no click reached the painted sidebar before the app took it over');
}

/**
 * Runs in the page's main world: finds the sidebar in an open shadow root and fires untrusted
 * events at it. Returns what it found, so the test can prove the attack had something to hit.
 */
function attack(page: Page, steps: Array<'tags' | 'keys' | 'note' | 'undo' | 'recent'>) {
  return page.evaluate(
    async ({ steps, note }) => {
      // React renders discrete updates in a microtask: let it, between steps.
      const tick = () => new Promise((resolve) => setTimeout(resolve, 50));
      const roots: ShadowRoot[] = [];
      const walk = (node: Document | ShadowRoot) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.shadowRoot) {
            roots.push(el.shadowRoot);
            walk(el.shadowRoot);
          }
        }
      };
      walk(document);
      const root = roots.find((r) => r.querySelector('aside[aria-label="Earmark"]'));
      if (!root) throw new Error('the sidebar is not in an open shadow root the page can reach');
      const aside = root.querySelector('aside') as HTMLElement;
      const tags = [...root.querySelectorAll<HTMLButtonElement>('button.em-tag')];
      const opts = { bubbles: true, composed: true, cancelable: true };
      const press = (target: EventTarget, key: string) => {
        target.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key }));
        target.dispatchEvent(new KeyboardEvent('keyup', { ...opts, key }));
      };
      const clickAll = (button: HTMLElement) => {
        button.dispatchEvent(new PointerEvent('pointerdown', opts));
        button.dispatchEvent(new MouseEvent('mousedown', opts));
        button.dispatchEvent(new PointerEvent('pointerup', opts));
        button.dispatchEvent(new MouseEvent('mouseup', opts));
        button.click();
        button.dispatchEvent(new MouseEvent('click', opts));
      };
      const buttonNamed = (label: RegExp) =>
        [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) =>
          label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
        );
      const keys = [...'123456789', 'Enter', ' ', ...'abcdefghijklmnopqrstuvwxyz'];
      const found = { tags: tags.length, keysSent: 0, noteSet: false, undo: 0, recent: 0 };

      if (steps.includes('tags')) {
        for (const tag of tags) clickAll(tag);
        await tick();
      }
      if (steps.includes('keys')) {
        tags[0]?.focus();
        for (const key of keys) {
          for (const target of [tags[0], aside, root.activeElement]) {
            if (!target) continue;
            press(target, key);
            found.keysSent++;
          }
        }
        await tick();
      }
      if (steps.includes('note')) {
        const textarea = root.querySelector('textarea');
        if (textarea) {
          // The React-aware way to "type": the native value setter, then an input event.
          const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
          textarea.focus();
          setter?.call(textarea, note);
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
          textarea.dispatchEvent(new Event('change', { bubbles: true }));
          found.noteSet = true;
          await tick();
          press(textarea, 'Enter'); // "submit": back to the tags…
          tags[0]?.focus();
          press(tags[0] ?? aside, '1'); // …and capture with it
          for (const form of root.querySelectorAll('form')) form.requestSubmit();
          await tick();
        }
      }
      if (steps.includes('undo')) {
        for (const undo of buttonNamed(/^Undo$/)) {
          clickAll(undo);
          found.undo++;
        }
        await tick();
      }
      if (steps.includes('recent')) {
        for (const del of buttonNamed(/^Delete: /)) {
          del.click(); // opens the inline confirmation (a UI mode, not a change)…
          found.recent++;
        }
        await tick();
        for (const yes of buttonNamed(/^Yes$/)) {
          clickAll(yes); // …whose "Yes" must not delete
          found.recent++;
        }
        await tick();
        for (const no of buttonNamed(/^No$/)) no.click();
        await tick();
        for (const edit of buttonNamed(/^Edit note: /)) edit.click();
        await tick();
        for (const input of root.querySelectorAll<HTMLInputElement>('input.em-input')) {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          setter?.call(input, note);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await tick();
          press(input, 'Enter');
          found.recent++;
        }
        for (const save of buttonNamed(/^Save$/)) clickAll(save);
        await tick();
      }
      return found;
    },
    { steps, note: INJECTED_NOTE },
  );
}

beforeAll(async () => {
  session = await startSession();
  await seedSettings(session.browser.worker, {
    endpoints: [session.endpoint],
    agent: TEST_AGENT,
    hub: HUB,
  });
});

afterAll(async () => {
  await session?.close();
});

describe('a hostile CRM page driving the sidebar', () => {
  let page: Page;

  it('cannot capture with clicks, keys or a note it writes; the agent still can', async () => {
    const opened = await openWithSidebar(session.browser, TICKET);
    page = opened.page;
    const found = await attack(page, ['tags', 'keys', 'note']);
    expect(found.tags).toBeGreaterThanOrEqual(9);
    expect(found.keysSent).toBeGreaterThan(100);
    expect(found.noteSet).toBe(true);
    // The Note field is put back: the page's text is neither shown nor kept for the next capture.
    const note = opened.sidebar.getByRole('textbox', { name: 'Note', exact: true });
    await expect.poll(() => note.inputValue()).toBe('');
    expect(await opened.sidebar.getByRole('status').textContent()).not.toContain('Saved');

    // The agent's own click (trusted input) captures. The capture messages of the attack, had there
    // been any, went to the background before this one: once this one is stored, all would be.
    await opened.sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect.poll(() => opened.sidebar.getByRole('status').textContent()).toContain('Saved');
    // "Undo" is shown for 10 s after a capture: the page clicks it at once.
    expect((await attack(page, ['undo'])).undo).toBe(1);
    await session.receiver.waitFor((r) => r.body.includes('"bug"'), 15_000);
    const stored = await storedItems();
    expect(stored).toHaveLength(1);
    const items = received();
    expect(items.map((i) => [i.tags[0]?.id, i.note, i.revision])).toEqual([['bug', null, 1]]);
  });

  it('cannot edit or delete the agent’s capture in Recent captures', async () => {
    // Delete: and its Yes, then the edit field's Enter: three attempts that reached their target.
    expect((await attack(page, ['recent'])).recent).toBe(3);
    const [captured] = received();
    // Proof that nothing went out: the agent's own edit is revision 2, right after the attack.
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    const field = sidebar.getByRole('textbox', { name: /^Edit note for / });
    // The page left the edit field open, with the agent's draft untouched.
    expect(await field.inputValue()).toBe('');
    await field.fill('Agent edit');
    await field.press('Enter');
    await session.receiver.waitFor((r) => r.body.includes('Agent edit'), 15_000);
    const revisions = received().filter((i) => i.id === captured?.id);
    expect(revisions.map((i) => [i.revision, i.deleted, i.note])).toEqual([
      [1, false, null],
      [2, false, 'Agent edit'],
    ]);
    const stored = await storedItems();
    expect(stored.map((s) => [s.item.revision, s.item.deleted])).toEqual([[2, false]]);
  });

  it('finds no endpoint URL, secret or hub token anywhere it can read', async () => {
    const readable = await page.evaluate(() => {
      const parts: string[] = [new XMLSerializer().serializeToString(document)];
      const walk = (node: Document | ShadowRoot) => {
        for (const el of node.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          for (const child of el.shadowRoot.childNodes)
            parts.push(new XMLSerializer().serializeToString(child));
          for (const sheet of el.shadowRoot.adoptedStyleSheets) {
            for (const rule of sheet.cssRules) parts.push(rule.cssText);
          }
          walk(el.shadowRoot);
        }
      };
      walk(document);
      for (const store of [localStorage, sessionStorage]) {
        for (let i = 0; i < store.length; i++)
          parts.push(`${store.key(i)}=${store.getItem(store.key(i) ?? '')}`);
      }
      parts.push(document.cookie, JSON.stringify(performance.getEntries().map((e) => e.name)));
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      return { text: parts.join('\n'), canMessageExtensions: typeof runtime?.sendMessage === 'function' };
    });
    // The sidebar is really in there (so the search covered it), with the capture it shows.
    expect(readable.text).toContain('Recent captures');
    expect(readable.text).toContain('Agent edit');
    const secretBody = session.secret.replace(/^whsec_/, '');
    for (const value of [session.secret, secretBody, session.receiver.url, HUB.agentToken, HUB.leadToken]) {
      expect(readable.text).not.toContain(value);
    }
    const port = new URL(session.receiver.url).port;
    expect(readable.text).not.toContain(`127.0.0.1:${port}`);
    expect(readable.canMessageExtensions).toBe(false);
  });

  it('on another CRM, finds none of the captures made on this one: not listed, not in its snapshot', async () => {
    const other = await openWithSidebar(session.browser, OTHER_TICKET);
    // The agent captures on this site too, so its list and snapshot have something to show.
    await other.sidebar.getByRole('textbox', { name: 'Note', exact: true }).fill('Noted on Freshdesk');
    await other.sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect.poll(() => other.sidebar.getByRole('status').textContent()).toContain('Saved');
    const list = other.sidebar.getByRole('list', { name: 'Recent captures' });
    await expect.poll(() => list.textContent()).toContain('Noted on Freshdesk');
    // What the page's scripts can read: this site's capture, nothing of the Zendesk one.
    const readable = await readableSidebarText(other.page);
    expect(readable).toContain('Noted on Freshdesk');
    expect(readable).not.toContain('Agent edit');
    // This site's snapshot, painted at its next page load, holds its capture and nothing else.
    await expect
      .poll(() => storedSnapshotJson(OTHER_SITE), { timeout: 10_000 })
      .toContain('Noted on Freshdesk');
    expect(await storedSnapshotJson(OTHER_SITE)).not.toContain('Agent edit');
    // Back on the Zendesk page: its own capture is there, the Freshdesk one is not.
    await page.reload();
    const zendesk = page.getByRole('complementary', { name: 'Earmark' });
    await expect
      .poll(() => zendesk.getByRole('list', { name: 'Recent captures' }).textContent())
      .toContain('Agent edit');
    expect(await readableSidebarText(page)).not.toContain('Noted on Freshdesk');
    await other.page.close();
  });
});

describe('a hostile CRM page and the sidebar painted from its snapshot', () => {
  it('cannot retarget a painted tag: the agent’s click captures the tag the button shows', async () => {
    const { page, sidebar, id } = await clickOnPainted(9001, (p) => plant(p, ['retarget'], 'praise'), {
      name: 'Bug',
      exact: true,
    });
    await expect.poll(() => sidebar.getByRole('status').textContent()).toContain('Saved: Bug');
    await session.receiver.waitFor((r) => r.body.includes(`"${id}"`), 15_000);
    expect(tagsFrom(String(id))).toEqual([['bug']]);
    await page.close();
  });

  it('cannot plant a tag button: the agent’s click on it captures nothing', async () => {
    const { page, sidebar, id } = await clickOnPainted(9002, (p) => plant(p, ['button']), {
      name: PLANTED.button,
    });
    await page.waitForTimeout(500);
    expect(await sidebar.getByRole('status').textContent()).not.toContain('Saved');
    // The agent's own capture: one from the planted button, had there been one, went before it.
    await sidebar.getByRole('button', { name: 'Chaser', exact: true }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toContain('Saved: Chaser');
    await session.receiver.waitFor((r) => r.body.includes(`"${id}"`) && r.body.includes('"chaser"'), 15_000);
    expect(tagsFrom(String(id))).toEqual([['chaser']]);
    await page.close();
  });

  it('cannot plant anything in the snapshot painted at the next page load', async () => {
    const { page, sidebar } = await openWithSidebar(session.browser, ticket(9003));
    await sidebar.getByRole('heading', { name: 'Earmark' }).hover(); // the app renders over a painted one
    await expect.poll(async () => (await sidebarState(page)).painted).toBe(false);
    expect(await plant(page, ['retarget', 'button', 'paragraph'])).toEqual({ painted: false });
    // The agent captures with a note: the list changes, and the sidebar is saved again.
    const note = 'Noted after the page planted its nodes';
    await sidebar.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
    await sidebar.getByRole('button', { name: 'Praise', exact: true }).click();
    await expect.poll(() => storedSnapshotJson(ZENDESK), { timeout: 15_000 }).toContain(note);
    // What the page planted is still on its page, but not in the snapshot…
    const shown = await readableSidebarText(page);
    const saved = await storedSnapshotJson(ZENDESK);
    for (const planted of Object.values(PLANTED)) {
      expect(shown).toContain(planted);
      expect(saved).not.toContain(planted);
    }
    expect(saved).toContain('"data-tag","bug"');
    await page.close();
    // …so the next page load paints none of it, and the Bug button still captures Bug.
    const next = await openPainted(session.browser, ticket(9004));
    const painted = (await sidebarState(next.page)).markup;
    expect(painted).toContain(note);
    for (const planted of Object.values(PLANTED)) expect(painted).not.toContain(planted);
    await next.sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect.poll(() => next.sidebar.getByRole('status').textContent()).toContain('Saved: Bug');
    await session.receiver.waitFor((r) => r.body.includes('"9004"'), 15_000);
    expect(tagsFrom('9004')).toEqual([['bug']]);
    await next.page.close();
  });
});
