import { describe, expect, it } from 'vitest';
import { checkHeadline, forumLine, nextTryText, progressText, type ForumOutcome } from '../../../utils/checks/outcome';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const A = 'https://forum.example.org';
const B = 'https://other.example.net';
const names: Record<string, string> = { [A]: 'Example forum', [B]: 'other.example.net' };
const name = (o: string) => names[o];
const checked = (origin: string, newReplies = 0): ForumOutcome => ({
  origin,
  kind: 'checked',
  threads: 2,
  newReplies,
  overrodeWait: false,
});

describe('what the popup says after a check', () => {
  it('says "no new replies" only when every forum was asked', () => {
    expect(checkHeadline([checked(A), checked(B)], name)).toBe('Checked: no new replies.');
    expect(checkHeadline([checked(A, 1), checked(B, 2)], name)).toBe('Checked: 3 new replies.');
    const waiting: ForumOutcome = { origin: B, kind: 'waiting', until: NOW + 600_000, rateLimited: false };
    expect(checkHeadline([checked(A), waiting], name)).toBe(
      'Checked 1 of 2 forums: no new replies. Not checked: other.example.net.',
    );
  });

  it('names every forum with a problem, once each', () => {
    const failed: ForumOutcome = {
      origin: A,
      kind: 'failed',
      error: 'network',
      reason: 'could not be reached. Check your connection.',
      nextTry: NOW + 120_000,
      overrodeWait: true,
    };
    const headline = checkHeadline([failed, { origin: B, kind: 'no-access' }], name);
    expect(headline).toBe('Not checked: Example forum and other.example.net.');
    expect(forumLine(failed, 'Example forum', NOW)).toBe(
      'Example forum could not be reached. Check your connection. Next try in 2 minutes.',
    );
    expect(forumLine({ origin: B, kind: 'no-access' }, 'other.example.net', NOW)).toBe(
      'Threadside has no access to other.example.net, so it was not asked.',
    );
  });

  it('never says "just now" for a next try, nor gives two times', () => {
    expect(nextTryText(NOW + 5_000, NOW)).toBe('Next try in under a minute.');
    expect(nextTryText(NOW, NOW)).toBe('Next try in under a minute.');
    const limited = forumLine({ origin: A, kind: 'waiting', until: NOW + 90_000, rateLimited: true }, 'X', NOW);
    expect(limited).toBe('X asked Threadside to wait, so it was not asked this time. Next try in 90 seconds.');
    expect(limited.match(/\d+ (second|minute)/g)).toHaveLength(1);
  });

  it('shows a long check as so many of so many, with the time left', () => {
    // 120 of 10,000 asked in two minutes: one a second, the most Threadside asks of a forum.
    expect(progressText({ done: 120, total: 10_000, startedAt: NOW - 120_000 }, NOW, 1000)).toBe(
      'Checked 120 of 10,000 · about 2 h 45 min left',
    );
    // Slow answers make it longer.
    expect(progressText({ done: 10, total: 40, startedAt: NOW - 30_000 }, NOW, 1000)).toBe(
      'Checked 10 of 40 · about 2 minutes left',
    );
    expect(progressText({ done: 39, total: 40, startedAt: NOW - 39_000 }, NOW, 1000)).toBe(
      'Checked 39 of 40 · less than a minute left',
    );
  });
});
