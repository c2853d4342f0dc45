import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expectLanding, takeLanding } from '../../../utils/browser/landings';

const FORUM = 'https://forum.example.org';

describe('landing on a post in a tab Threadside opened', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is taken once, by the same tab on the same thread', async () => {
    await expectLanding({ tabId: 7, origin: FORUM, threadId: '314', post: 23 }, 1000);
    expect(await takeLanding(8, FORUM, '314', 1001)).toBeNull();
    expect(await takeLanding(7, FORUM, '999', 1001)).toBeNull();
    expect(await takeLanding(7, 'https://elsewhere.example', '314', 1001)).toBeNull();
    expect(await takeLanding(7, FORUM, '314', 1002)).toBe(23);
    expect(await takeLanding(7, FORUM, '314', 1003)).toBeNull();
  });

  it('waits for a tab not yet opened: the first tab on that thread takes it', async () => {
    await expectLanding({ tabId: null, origin: FORUM, threadId: '314', post: 41 }, 1000);
    expect(await takeLanding(12, FORUM, '999', 1001)).toBeNull();
    expect(await takeLanding(12, FORUM, '314', 1002)).toBe(41);
    expect(await takeLanding(13, FORUM, '314', 1003)).toBeNull();
  });

  it('is forgotten after a minute, and a tab keeps only its latest', async () => {
    await expectLanding({ tabId: 7, origin: FORUM, threadId: '314', post: 23 }, 1000);
    expect(await takeLanding(7, FORUM, '314', 1000 + 61_000)).toBeNull();
    await expectLanding({ tabId: 7, origin: FORUM, threadId: '314', post: 5 }, 2000);
    await expectLanding({ tabId: 7, origin: FORUM, threadId: '314', post: 9 }, 2001);
    expect(await takeLanding(7, FORUM, '314', 2002)).toBe(9);
  });
});
