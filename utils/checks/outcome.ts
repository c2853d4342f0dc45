import type { FetchError } from '../forums/http-errors';
import { count, duration, plural } from '../words';

/**
 * What one check did with each forum, as the popup tells it: checked (and what it found),
 * not asked and why, failed and why, with when the next try is. A forum that was not asked
 * is never reported as having no new replies.
 */
export type ForumOutcome =
  | {
      origin: string;
      kind: 'checked';
      threads: number;
      /** Unread new replies on this forum's saved threads after the check. */
      newReplies: number;
      /** The reader's Check now asked before the wait after a failure was over. */
      overrodeWait: boolean;
    }
  /** Not asked: the forum's Retry-After is not over (or, for a timed check, the backoff). */
  | { origin: string; kind: 'waiting'; until: number; rateLimited: boolean }
  | {
      origin: string;
      kind: 'failed';
      error: FetchError['kind'];
      reason: string;
      nextTry: number;
      overrodeWait: boolean;
    }
  /** Not asked: Threadside has no access to this site (the reader can give it). */
  | { origin: string; kind: 'no-access' }
  /** Not asked: the reader turned Threadside off for this forum. */
  | { origin: string; kind: 'turned-off' }
  /** The reader stopped the check before this forum's threads were all asked about. */
  | { origin: string; kind: 'stopped' };

/** Why a forum failed, without its name (the line names it once) and without a time. */
export function forumReason(error: FetchError): string {
  switch (error.kind) {
    case 'rate-limited':
      return 'asked Threadside to slow down.';
    case 'server':
      return `had a problem (error ${error.status}).`;
    case 'not-found':
      return 'said a saved thread is no longer there.';
    case 'needs-sign-in':
      return 'wants you to sign in first. Sign in on the forum, then check again.';
    case 'malformed':
      return 'sent something Threadside could not read. Nothing was changed.';
    case 'network':
      return 'could not be reached. Check your connection.';
    case 'timeout':
      return 'took too long to answer.';
    case 'elsewhere':
      return 'sent Threadside to another site (often a sign-in page), so nothing was read.';
    case 'moved':
      return 'sent Threadside to another address (often a sign-in page), so nothing was read. Open the thread there once, signed in.';
  }
}

/** "Next try in 5 minutes." Never "just now": under a minute is said as such. */
export function nextTryText(at: number, now: number): string {
  const s = (at - now) / 1000;
  return s < 60 ? 'Next try in under a minute.' : `Next try in ${duration(s)}.`;
}

/**
 * A forum's failure as an earlier version stored it: a whole sentence with its own wait
 * ("It will try again in 90 seconds.", "Threadside will try again later."). That wait was
 * fixed when it was stored; the popup says the next try from the forum's time instead, so
 * the line never says when twice, nor a wait that is already over.
 */
export function withoutStoredWait(sentence: string): string {
  return sentence
    .replace(/;\s*Threadside will try again later\./gi, '.')
    .replace(/\s*(?:It|Threadside) will try again\b[^.]*\./gi, '')
    .trim();
}

const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The status line above the list: what was checked, and every forum that was not. */
export function checkHeadline(outcomes: readonly ForumOutcome[], name: (origin: string) => string): string {
  if (outcomes.length === 0) return 'No saved threads to check.';
  const checked = outcomes.filter((o) => o.kind === 'checked');
  const others = outcomes.filter((o) => o.kind !== 'checked');
  const found = checked.reduce((n, o) => n + o.newReplies, 0);
  const replies = found === 0 ? 'no new replies' : plural(found, 'new reply', 'new replies');
  if (others.length === 0) return `Checked: ${replies}.`;
  const problems = `Not checked: ${listOf(others.map((o) => name(o.origin)))}.`;
  if (checked.length === 0) return problems;
  return `Checked ${count(checked.length)} of ${plural(outcomes.length, 'forum', 'forums')}: ${replies}. ${problems}`;
}

/** One line per forum, saying what happened to it and, if it was not checked, what next. */
export function forumLine(o: ForumOutcome, name: string, now: number): string {
  switch (o.kind) {
    case 'checked':
      return (
        `${name}: checked ${plural(o.threads, 'thread', 'threads')}, ` +
        `${o.newReplies === 0 ? 'no new replies' : plural(o.newReplies, 'new reply', 'new replies')}.` +
        (o.overrodeWait ? ' Asked now, without waiting for its next try.' : '')
      );
    case 'waiting':
      return o.rateLimited
        ? `${name} asked Threadside to wait, so it was not asked this time. ${nextTryText(o.until, now)}`
        : `${name} was not asked: it failed at the last check. ${nextTryText(o.until, now)}`;
    case 'failed':
      return `${name} ${o.reason} ${nextTryText(o.nextTry, now)}`;
    case 'no-access':
      return `Threadside has no access to ${name}, so it was not asked.`;
    case 'turned-off':
      return `Threadside is turned off for ${name}, so it was not asked.`;
    case 'stopped':
      return `${name}: stopped before all its threads were checked.`;
  }
}

/** A long check's progress: "Checked 120 of 10,000 · about 2 h 40 min left". */
export interface CheckProgress {
  done: number;
  total: number;
  startedAt: number;
}

/** Time left: at least a second per request (Threadside's own gap), longer if answers are slow. */
export function timeLeftMs(p: CheckProgress, now: number, gapMs: number): number {
  const left = Math.max(0, p.total - p.done);
  const perRequest = p.done > 0 ? Math.max(gapMs, (now - p.startedAt) / p.done) : gapMs;
  return left * perRequest;
}

export function roughDuration(ms: number): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return plural(min, 'minute', 'minutes');
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m === 0 ? `${count(h)} h` : `${count(h)} h ${m} min`;
}

export function progressText(p: CheckProgress, now: number, gapMs: number): string {
  const left = timeLeftMs(p, now, gapMs);
  const when = left < 60_000 ? 'less than a minute left' : `about ${roughDuration(left)} left`;
  return `Checked ${count(p.done)} of ${count(p.total)} · ${when}`;
}
