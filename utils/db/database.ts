import Dexie, { type Table } from 'dexie';
import type { SavedThread, ThreadKey } from './saved-thread';

/**
 * The one IndexedDB database. It is opened only in extension pages and the background
 * worker, never in a content script: there it would belong to the forum's origin and the
 * forum's own scripts could read which threads someone follows.
 *
 * Schema changes add a `version(n)` with an `upgrade`; never edit an old version.
 */
export const DB_NAME = 'threadside';

export class ThreadsideDb extends Dexie {
  threads!: Table<SavedThread, ThreadKey>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      // Compound primary key, then the indexes the popup sorts and searches by.
      threads: '[origin+threadId], savedAt, lastActivityAt, lastVisitedAt, origin',
    });
  }
}

export const SCHEMA_VERSION = 1;
