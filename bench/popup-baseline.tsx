/**
 * The popup's list without virtualisation, for `npm run bench -- popup`: the same data
 * from the same kind of database, the same sort and the same row component, but every
 * row in the DOM.
 */
import { createRoot } from 'react-dom/client';
import { ThreadsideDb } from '../utils/db/database';
import type { SavedThread } from '../utils/db/saved-thread';
import { sortThreads } from '../utils/saved-list';
import { ThreadRow } from '../components/popup/ThreadRow';

const w = window as unknown as { __seed(threads: SavedThread[]): Promise<void>; __render(): Promise<void> };

w.__seed = async (threads) => {
  const db = new ThreadsideDb();
  await db.threads.clear();
  await db.threads.bulkPut(threads);
  db.close();
};

w.__render = async () => {
  const db = new ThreadsideDb();
  const threads = sortThreads(await db.threads.toArray(), 'activity');
  const noop = () => {};
  createRoot(document.getElementById('root')!).render(
    <ul className="thread-list" style={{ position: 'static' }}>
      {threads.map((t) => (
        <li key={`${t.origin} ${t.threadId}`} className="thread-row" style={{ position: 'static' }}>
          <ThreadRow
            thread={t}
            now={Date.now()}
            onOpen={noop}
            onRemove={noop}
            onMarkRead={noop}
            onSaveNote={async () => {}}
          />
        </li>
      ))}
    </ul>,
  );
};
