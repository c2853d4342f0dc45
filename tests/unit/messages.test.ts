import { beforeEach, describe, expect, it, vi } from 'vitest';
import { types } from 'node:util';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  answerBackgroundMessages,
  askTab,
  hearFromBackground,
  type BackgroundHandlers,
} from '../../utils/browser/messages';

const FORUM = 'https://forum.bloodcancer.org.uk';
const asked: Array<{ name: string; origin: string | null; data: unknown }> = [];

const handlers: BackgroundHandlers = {
  page: {
    explain: () => null,
    savedState: (data, page) => (
      asked.push({ name: 'savedState', origin: page.origin, data }),
      { thread: null, saveKey: null }
    ),
    save: () => Promise.reject(new Error('not in this test')),
    unsave: () => null,
    markRead: () => null,
    visit: () => null,
    cachedSummary: () => null,
    summarise: () => Promise.reject(new Error('not in this test')),
    threadPosts: (data, page) => (
      asked.push({ name: 'threadPosts', origin: page.origin, data }),
      { ok: false, message: 'x', read: 0 }
    ),
    firstPage: () => ({ ok: false, message: 'x' }),
    summaryPanel: () => null,
    glossaryPart: () => null,
    forumReaders: () => null,
    landing: () => null,
    landAt: () => null,
  },
  extension: {
    checkNow: () => (asked.push({ name: 'checkNow', origin: null, data: undefined }), { forums: [], stopped: false }),
    stopCheck: () => null,
    openThread: () => null,
  },
  runsOn: (origin) => Promise.resolve(origin === FORUM),
};

const send = async (message: unknown, sender: object): Promise<unknown> => {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(message, sender)) as unknown[];
  return reply;
};
const tab = (url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { id: 7 } });

beforeEach(() => {
  asked.length = 0;
  answerBackgroundMessages(handlers);
});

describe('who the background answers', () => {
  it('takes the forum from the page that asked, never from the message', async () => {
    await send(
      { threadside: 'threadPosts', data: { threadId: '9001', origin: 'https://other.example' } },
      tab(`${FORUM}/t/x/1828`),
    );
    expect(asked).toEqual([
      { name: 'threadPosts', origin: FORUM, data: { threadId: '9001', origin: 'https://other.example' } },
    ]);
  });

  it('refuses pages on sites Threadside does not run on, other extensions, and senders with no tab', async () => {
    await expect(
      send({ threadside: 'savedState', data: { threadId: '1' } }, tab('https://elsewhere.example/t/1')),
    ).rejects.toThrow(/does not run on this page/);
    await expect(
      send(
        { threadside: 'savedState', data: { threadId: '1' } },
        { ...tab(`${FORUM}/t/x/1`), id: 'another-extension' },
      ),
    ).rejects.toThrow(/answers only itself/);
    await expect(
      send(
        { threadside: 'savedState', data: { threadId: '1' } },
        { id: fakeBrowser.runtime.id, url: `${FORUM}/t/x/1` },
      ),
    ).rejects.toThrow(/does not run on this page/);
    expect(asked).toEqual([]);
  });

  it('answers the popup’s requests from the popup only, not from a forum page', async () => {
    expect(await send({ threadside: 'checkNow' }, tab(`${FORUM}/t/x/1`))).toBeUndefined();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await send({ threadside: 'checkNow' }, popup)).toEqual({ forums: [], stopped: false });
    expect(asked.map((a) => a.name)).toEqual(['checkNow']);
  });

  it('passes a storage failure on as a plain Error with its reason, which the browser carries to the asker', async () => {
    // Chromium carries only a script's own Error across (util.types.isNativeError); Dexie's
    // errors and DOMExceptions are not, and the reason was lost on the way.
    const full = new Dexie.QuotaExceededError('The disk is full.');
    expect(types.isNativeError(full)).toBe(false);
    // The only listener: the others answer save with a failure of their own.
    fakeBrowser.reset();
    answerBackgroundMessages({
      ...handlers,
      page: { ...handlers.page, save: () => Promise.reject(full) },
    });
    const failure: unknown = await fakeBrowser.runtime.onMessage
      .trigger({ threadside: 'save', data: { snapshot: {} } }, tab(`${FORUM}/t/x/1`) as never)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(types.isNativeError(failure)).toBe(true);
    expect((failure as Error).message).toBe('The disk is full.');
  });

  it('ignores messages that are not Threadside’s', async () => {
    expect(await send({ type: 'something-else' }, tab(`${FORUM}/t/x/1`))).toBeUndefined();
    expect(await send({ threadside: 'toString' }, tab(`${FORUM}/t/x/1`))).toBeUndefined();
  });
});

describe('what a page answers the background', () => {
  it('answers its own kind of message only; a message with nothing to answer leaves the reply to others', async () => {
    const stopShowing = hearFromBackground('showPost', ({ post }) => post === 9);
    hearFromBackground('toggleSave', () => undefined);
    const background = { id: fakeBrowser.runtime.id };
    const showPost = { threadside: 'showPost', data: { threadId: '1828', post: 9 } };
    const replies = (await fakeBrowser.runtime.onMessage.trigger(showPost, background)) as unknown[];
    expect(await Promise.all(replies)).toContain(true);
    const saves = (await fakeBrowser.runtime.onMessage.trigger({ threadside: 'toggleSave' }, background)) as unknown[];
    expect(saves.every((r) => r === undefined)).toBe(true);
    stopShowing();
    const after = (await fakeBrowser.runtime.onMessage.trigger(showPost, background)) as unknown[];
    expect(after.every((r) => r === undefined)).toBe(true);
  });

  it('hears nothing back from a tab where Threadside is not running', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    expect(await askTab(7, 'showPost', { threadId: '1828', post: 9 })).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce(false);
    expect(await askTab(7, 'showPost', { threadId: '1828', post: 9 })).toBe(false);
    vi.restoreAllMocks();
  });
});
