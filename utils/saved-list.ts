import { firstNewPostNumber, newReplies, type SavedThread } from './db/saved-thread';
import { hostOf } from './forums/host';
import { adapterFor, isThreadAddress } from './forums/registry';
import { KNOWN_FORUMS } from './forums/known-forums';

/** What the popup shows and in which order: pure functions of the saved threads and the clock. */
export type SortOrder = 'activity' | 'saved' | 'new-replies';

export const SORT_LABELS: Record<SortOrder, string> = {
  activity: 'Recent activity',
  saved: 'Date saved',
  'new-replies': 'New replies first',
};

const activity = (t: SavedThread) => t.lastActivityAt ?? t.savedAt;

export function sortThreads(threads: readonly SavedThread[], order: SortOrder): SavedThread[] {
  const list = [...threads];
  const byTitle = (a: SavedThread, b: SavedThread) => a.title.localeCompare(b.title, 'en-GB');
  if (order === 'saved') return list.sort((a, b) => b.savedAt - a.savedAt || byTitle(a, b));
  if (order === 'new-replies')
    return list.sort((a, b) => newReplies(b) - newReplies(a) || activity(b) - activity(a) || byTitle(a, b));
  return list.sort((a, b) => activity(b) - activity(a) || byTitle(a, b));
}

/** Every word typed must appear in the title or the note, in any order, any case. */
export function filterThreads(threads: readonly SavedThread[], query: string): SavedThread[] {
  const words = query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...threads];
  return threads.filter((t) => {
    const hay = `${t.title}\n${t.note}`.toLocaleLowerCase('en-GB');
    return words.every((w) => hay.includes(w));
  });
}

const rtf = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "2 days ago", "yesterday", "just now". */
export function relativeTime(ms: number | null, now: number): string {
  if (ms === null) return 'no activity yet';
  const diff = ms - now;
  for (const [unit, size] of UNITS) if (Math.abs(diff) >= size) return rtf.format(Math.round(diff / size), unit);
  return 'just now';
}

export function forumName(origin: string): string {
  const host = hostOf(origin);
  return KNOWN_FORUMS.find((f) => host === f.host || host.startsWith(`${f.host}:`))?.name ?? host;
}

/**
 * The saved thread's address, at post `post` when given; null when what is stored is not
 * the thread's own address on its forum (nothing is opened then).
 */
export function threadUrlAt(t: SavedThread, post: number | null): string | null {
  if (!isThreadAddress(t.engine, t.origin, t.threadId, t.url)) return null;
  if (!post) return t.url;
  const url = adapterFor(t.engine).postAddress({ url: t.url, perPage: t.perPage }, post);
  return isThreadAddress(t.engine, t.origin, t.threadId, url) ? url : t.url;
}

/**
 * Where Open, a notification and the bar's jump land: the first new reply when there are
 * new replies (not older posts the reader skipped), else the first unread post.
 */
export const landingPost = (t: SavedThread) => firstNewPostNumber(t) ?? firstUnreadPost(t);

/**
 * Where Open and a notification take a tab that already shows the thread: to the first new
 * reply. With nothing new it stays where the reader is: the tab is their place in the thread,
 * fresher than the stored progress.
 */
export const landingInOpenTab = (t: SavedThread) => firstNewPostNumber(t);

/** The first unread post when the reader has read some. */
export const firstUnreadPost = (t: SavedThread) =>
  t.lastReadPostNumber > 0 && t.lastReadPostNumber < t.highestPostNumber ? t.lastReadPostNumber + 1 : null;

export const firstUnreadUrl = (t: SavedThread) => threadUrlAt(t, firstUnreadPost(t));
