import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepRemoved, takeRemoved } from '../../../utils/browser/removed-threads';
import { savedThread } from '../saved-thread-fixture';

const FORUM = 'https://forum.bloodcancer.org.uk';
const HOUR = 60 * 60_000;

describe('a thread unsaved from the page, kept for saving again', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is given back once, for that thread on that forum only', async () => {
    await keepRemoved(savedThread('1828', { note: 'Ask about the dose' }), 1000);
    expect(await takeRemoved(['https://other.example', '1828'], 1001)).toBeUndefined();
    expect(await takeRemoved([FORUM, '1902'], 1001)).toBeUndefined();
    expect((await takeRemoved([FORUM, '1828'], 1002))?.note).toBe('Ask about the dose');
    expect(await takeRemoved([FORUM, '1828'], 1003)).toBeUndefined();
  });

  it('is forgotten after an hour, and the latest removal of a thread is the one kept', async () => {
    await keepRemoved(savedThread('1828', { note: 'first' }), 0);
    await keepRemoved(savedThread('1828', { note: 'second' }), 10);
    expect((await takeRemoved([FORUM, '1828'], 20))?.note).toBe('second');
    await keepRemoved(savedThread('1902'), 0);
    expect(await takeRemoved([FORUM, '1902'], HOUR)).toBeUndefined();
  });

  it('keeps at most twenty, the oldest going first', async () => {
    for (let i = 0; i < 25; i++) await keepRemoved(savedThread(String(100 + i)), i);
    expect(await takeRemoved([FORUM, '100'], 30)).toBeUndefined();
    expect(await takeRemoved([FORUM, '104'], 30)).toBeUndefined();
    expect(await takeRemoved([FORUM, '105'], 30)).toBeDefined();
    expect(await takeRemoved([FORUM, '124'], 30)).toBeDefined();
  });
});
