import { describe, expect, it } from 'vitest';
import { checkSnapshot } from '../../../utils/db/thread-bounds';
import { MAX_TITLE } from '../../../utils/db/bound-thread';
import { threadSnapshot } from '../saved-thread-fixture';

const O = 'https://forum.bloodcancer.org.uk';
const NOW = Date.parse('2026-10-01T09:00:00Z');
const DAY = 86_400_000;
/** What the page reports, with whatever a hostile or odd page puts in. */
const report = (over: Record<string, unknown> = {}) => ({ ...threadSnapshot({ lastActivityAt: NOW - DAY }), ...over });

describe('a page’s report of its thread, before it is stored', () => {
  it('keeps a thread with a title longer than any kept, cut with an ellipsis (and never through an emoji)', () => {
    const long = checkSnapshot(report({ title: 'Day by day with myeloma '.repeat(30) }), O, NOW);
    expect(long.ok && long.snapshot.title.length).toBe(MAX_TITLE);
    expect(long.ok && long.snapshot.title.endsWith('…')).toBe(true);
    const emoji = checkSnapshot(report({ title: `${'a'.repeat(MAX_TITLE - 2)}💙💙` }), O, NOW);
    expect(emoji.ok && emoji.snapshot.title).toBe(`${'a'.repeat(MAX_TITLE - 2)}…`);
  });

  it('keeps a thread whose last post the page dates before 2000 or days ahead, the date not known', () => {
    for (const at of [Date.parse('1999-12-31'), NOW + 2 * DAY]) {
      const checked = checkSnapshot(report({ lastActivityAt: at }), O, NOW);
      expect(checked.ok && checked.snapshot.lastActivityAt).toBeNull();
    }
  });

  it('still refuses a report about another forum, another address, or a read past the last post', () => {
    expect(checkSnapshot(report({ origin: 'https://evil.example' }), O, NOW).ok).toBe(false);
    expect(checkSnapshot(report({ url: 'https://evil.example/t/x/1828' }), O, NOW).ok).toBe(false);
    expect(checkSnapshot(report({ readPostNumber: 9 }), O, NOW).ok).toBe(false);
    expect(checkSnapshot(report({ title: 7 }), O, NOW).ok).toBe(false);
  });
});
