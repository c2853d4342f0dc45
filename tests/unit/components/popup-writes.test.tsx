// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { getDb } from '../../../utils/browser/db';
import { newForumState } from '../../../utils/db/forum-state';
import { savedThread } from '../saved-thread-fixture';
import { openPage } from './extension-page';

const SAVED = Date.parse('2026-10-01T09:00:00Z');
let page: ReturnType<typeof openPage>;
let host: HTMLElement;

beforeEach(async () => {
  // A popup's size: the list draws only the rows that fit, and happy-dom lays nothing out.
  for (const [name, px] of [
    ['clientHeight', 600],
    ['clientWidth', 400],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => px });
  await getDb().threads.clear();
  await getDb().forums.clear();
  await getDb().threads.bulkPut([
    savedThread('1', { title: 'Back from clinic', savedAt: SAVED, lastActivityAt: SAVED + 2 }),
    savedThread('2', { title: 'Fatigue after chemo', savedAt: SAVED, lastActivityAt: SAVED + 1 }),
  ]);
  page = openPage(<PopupApp />);
  host = page.host;
});
afterEach(() => {
  page.close();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  vi.restoreAllMocks();
});

const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const until = (done: () => unknown) => page.until(done);
const click = async (name: string) => {
  await until(() => button(name));
  expect(button(name), name).toBeDefined();
  act(() => button(name)!.click());
};
const undoLine = () => host.querySelector('.undo')?.textContent;
const alert = () => host.querySelector('[role=alert]')?.textContent;
const stored = async () => (await getDb().threads.toArray()).map((t) => t.title).sort();

describe('popup: removing and bringing back', () => {
  it('brings back every thread removed while the undo line showed, keeping focus on Undo', async () => {
    await click('Remove “Back from clinic”');
    await until(undoLine);
    expect(document.activeElement?.textContent).toBe('Undo');
    await click('Remove “Fatigue after chemo”');
    await until(() => undoLine() === 'Removed 2 threads.Undo');
    expect(undoLine()).toBe('Removed 2 threads.Undo');
    // The line was there already: focus still goes to Undo, not to the page.
    expect(document.activeElement?.textContent).toBe('Undo');
    expect(await stored()).toEqual([]);
    await click('Undo');
    await until(() => !undoLine());
    expect(await stored()).toEqual(['Back from clinic', 'Fatigue after chemo']);
    expect(host.querySelector('.undo')).toBeNull();
    expect(document.activeElement?.getAttribute('type')).toBe('search');
  });

  it('says so when the browser cannot store it, keeps the undo line, and loses nothing', async () => {
    await click('Remove “Back from clinic”');
    await until(undoLine);
    const db = getDb();
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => {
      throw new Error('QuotaExceededError');
    });
    await click('Undo');
    await until(alert);
    expect(alert()).toBe('Threadside could not bring back “Back from clinic”. Nothing was changed: try again.');
    expect(host.querySelector('.undo')).not.toBeNull();
    // Once: the next write goes through.
    await click('Undo');
    await until(() => !alert());
    expect(await stored()).toEqual(['Back from clinic', 'Fatigue after chemo']);
    expect(alert()).toBeUndefined();
  });
});

describe('popup: a note being typed when the popup closes', () => {
  const editor = () => host.querySelector<HTMLTextAreaElement>('.row-editor textarea');
  /** As React hears typing: the value set natively, then an input event. */
  const typeInto = (el: HTMLTextAreaElement, text: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const reopen = () => {
    page.close();
    page = openPage(<PopupApp />);
    host = page.host;
  };

  it('is back in its editor when the popup opens again, until it is saved', async () => {
    await click('Note on “Back from clinic”');
    await until(editor);
    typeInto(editor()!, 'Ask about the rash');
    // The reader clicks the page to copy a word: the popup closes.
    reopen();
    await until(() => editor()?.value === 'Ask about the rash');
    expect(host.querySelector('.row-hint')?.textContent).toMatch(
      /^Not saved yet: what you typed before the popup closed\./,
    );
    await click('Save note');
    await until(() => !editor());
    expect((await getDb().threads.get(['https://forum.bloodcancer.org.uk', '1']))?.note).toBe('Ask about the rash');
    // Saved: nothing is waiting any more.
    reopen();
    await until(() => host.querySelector('.row-note'));
    expect(editor()).toBeNull();
  });

  it('is forgotten when the reader cancels it', async () => {
    await click('Note on “Fatigue after chemo”');
    await until(editor);
    typeInto(editor()!, 'Never mind');
    act(() => {
      editor()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await until(() => !editor());
    reopen();
    await until(() => button('Note on “Fatigue after chemo”'));
    // Time for a kept draft to come back, had one been kept.
    let turns = 0;
    await until(() => editor() || ++turns > 5);
    expect(editor()).toBeNull();
  });
});

describe('popup: a forum that fails while it is open', () => {
  it('tells the next try from when the failure was stored, not from the popup’s last look at the clock', async () => {
    const origin = savedThread('1', {}).origin;
    await until(() => button('Check now'));
    // Twenty seconds after the popup opened (before its next tick), a timed check fails:
    // the forum waits 55 seconds from then.
    const failedAt = Date.now() + 20_000;
    vi.spyOn(Date, 'now').mockReturnValue(failedAt);
    await getDb().forums.put({
      ...newForumState(origin),
      failures: 1,
      nextAttemptAt: failedAt + 55_000,
      lastError: 'had a problem (error 503).',
      lastErrorKind: 'server',
    });
    const line = () => host.querySelector('[data-testid=forum-problem]')?.textContent;
    await until(line);
    expect(line()).toMatch(/had a problem \(error 503\)\. Next try in under a minute\.$/);
  });
});
