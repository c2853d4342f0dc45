import Dexie, { type Table } from 'dexie';
import type { ForumState } from './forum-state';
import type { Summary, ThreadInput } from '../summary/summarise';

/** Summaries made by an older Threadside (another shape) are made again, not shown. */
export const SUMMARY_FORMAT = 3;

/** A thread's summary, valid while the thread's highest post number stays the same. */
export interface CachedSummary {
  /** SUMMARY_FORMAT when it was made; older entries have none. */
  format?: number;
  /** About how much room it takes (its JSON's length), for the cache's bound. */
  bytes?: number;
  origin: string;
  threadId: string;
  highestPostNumber: number;
  thread: ThreadInput;
  summary: Summary;
  createdAt: number;
}
import { NEW_CHECK_STATE, type SavedThread, type ThreadKey } from './saved-thread';

/**
 * The one IndexedDB database. It is opened only in extension pages and the background
 * worker, never in a content script: there it would belong to the forum's origin and the
 * forum's own scripts could read which threads someone follows.
 *
 * Schema changes add a `version(n)` with an `upgrade`; never edit an old version.
 */
const DB_NAME = 'threadside';

export class ThreadsideDb extends Dexie {
  threads!: Table<SavedThread, ThreadKey>;
  forums!: Table<ForumState, string>;
  summaries!: Table<CachedSummary, ThreadKey>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      // Compound primary key, then the indexes the popup sorts and searches by.
      threads: '[origin+threadId], savedAt, lastActivityAt, lastVisitedAt, origin',
    });
    // 2: new-reply checks. Existing threads start with nothing new: the baseline is what
    // the reader had already seen.
    this.version(2)
      .stores({ forums: 'origin' })
      .upgrade((tx) =>
        tx
          .table('threads')
          .toCollection()
          .modify((t: SavedThread) => {
            t.baselinePostNumber = t.highestPostNumber;
            t.deletedSeen = Math.max(0, t.highestPostNumber - t.postCount);
            t.check = { ...NEW_CHECK_STATE };
          }),
      );
    // 3: summaries cached by thread; a new reply (a higher post number) makes a new one.
    this.version(3).stores({ summaries: '[origin+threadId]' });
    // 4: the cache is bounded, oldest first.
    this.version(4).stores({ summaries: '[origin+threadId], createdAt' });
  }
}
