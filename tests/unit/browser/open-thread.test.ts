import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openThread } from '../../../utils/browser/open-thread';
import { takeLanding } from '../../../utils/browser/landings';
import { savedThread } from '../saved-thread-fixture';

// Read to post 4, saved when there were 8; posts 9 and 10 came since.
const thread = savedThread('1828', { lastReadPostNumber: 4, baselinePostNumber: 8, highestPostNumber: 10 });
const ORIGIN = thread.origin;

/** The reader already has the thread open in a tab; `answer` is what Threadside there says. */
async function withOpenTab(answer: () => Promise<unknown>) {
  const tab = await fakeBrowser.tabs.create({ url: thread.url });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
  const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer);
  const updated = vi.spyOn(fakeBrowser.tabs, 'update');
  const created = vi.spyOn(fakeBrowser.tabs, 'create');
  return { tab, told, updated, created };
}

describe('opening a thread already open in a tab', () => {
  afterEach(() => vi.restoreAllMocks());

  it('brings the tab forward and has its page show the first new reply, without loading it again', async () => {
    const { tab, told, updated, created } = await withOpenTab(() => Promise.resolve(true));
    await openThread(thread);
    expect(told).toHaveBeenCalledWith(
      tab.id,
      { threadside: 'showPost', data: { threadId: '1828', post: 9 } },
      { frameId: 0 },
    );
    expect(updated.mock.calls).toEqual([[tab.id, { active: true }]]);
    expect(created).not.toHaveBeenCalled();
  });

  const noAnswer = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

  it('loads the first new reply in a tab the browser discarded, where Threadside is not running', async () => {
    const { tab, updated } = await withOpenTab(noAnswer);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, discarded: true });
    await openThread(thread);
    expect(updated.mock.calls).toEqual([
      [tab.id, { active: true }],
      [tab.id, { url: `${ORIGIN}/t/t-1828/1828/9` }],
    ]);
    expect(await takeLanding(tab.id!, ORIGIN, '1828')).toBe(9);
  });

  it('does not reload a loaded page where Threadside does not answer: it may hold a half-written reply', async () => {
    const { tab, updated } = await withOpenTab(noAnswer);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, discarded: false, status: 'complete' });
    await openThread(thread);
    expect(updated.mock.calls).toEqual([[tab.id, { active: true }]]);
    expect(await takeLanding(tab.id!, ORIGIN, '1828')).toBeNull();
  });

  it('leaves the tab where it is when its page shows another thread by now', async () => {
    const { tab, updated } = await withOpenTab(() => Promise.resolve(false));
    await openThread(thread);
    expect(updated.mock.calls).toEqual([[tab.id, { active: true }]]);
    expect(await takeLanding(tab.id!, ORIGIN, '1828')).toBeNull();
  });

  it('only brings the tab forward when nothing is new: the reader is reading there', async () => {
    const { tab, told, updated } = await withOpenTab(() => Promise.resolve(true));
    await openThread({ ...thread, highestPostNumber: 8 });
    expect(told).not.toHaveBeenCalled();
    expect(updated.mock.calls).toEqual([[tab.id, { active: true }]]);
  });
});
