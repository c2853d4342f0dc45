import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { SavedThread } from '../../utils/db/saved-thread';
import { firstThreads, markRead, removeThread, restoreThread, setNote } from '../../utils/db/threads-repo';
import { getDb } from '../../utils/browser/db';
import { askBackground } from '../../utils/browser/messages';
import { count, plural, withoutBidiControls } from '../../utils/words';
import { CheckReport, useCheckStatus } from './CheckReport';
import { ForumProblems } from './ForumProblems';
import { filterThreads, SORT_LABELS, sortThreads, type SortOrder } from '../../utils/saved-list';
import { SavedThreadList } from './SavedThreadList';
import { SiteAccess } from './SiteAccess';
import { EmptyState } from './EmptyState';
import { useNow } from './use-now';

const SORT_KEY = 'threadside.popupSort';
const FIRST_PAGE = 12;
/** How long a removed thread can be brought back once the reader has moved on. */
const UNDO_MS = 10_000;

/** The popup: the reader's saved threads, searchable and sortable, quick to act on. */
export function PopupApp() {
  const db = getDb();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>(() => (localStorage.getItem(SORT_KEY) as SortOrder) || 'activity');
  // Reading thousands of records takes a moment; the first screenful comes straight from
  // the index the chosen sort uses, so rows show at once, and the full list (for search and
  // the other sorts) is read just after the first paint.
  const [wantAll, setWantAll] = useState(false);
  const threads = useLiveQuery(async () => (wantAll ? await db.threads.toArray() : undefined), [wantAll]);
  const firstPage = useLiveQuery(() => firstThreads(db, sort, FIRST_PAGE), [sort]);
  // Every thread removed while the undo line shows: a second removal must not take the
  // first one's undo away.
  const [removed, setRemoved] = useState<SavedThread[]>([]);
  // A write to the saved threads that failed, said where the reader looks; nothing changed.
  const [problem, setProblem] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [asking, setAsking] = useState(false);
  const [askFailed, setAskFailed] = useState(false);
  const checkStatus = useCheckStatus();
  // The lines above the list (this site's access, the last check) come from reads of their
  // own: the list waits for them, so its rows never jump down under a reader's pointer as
  // the popup opens (a click meant for one row's Remove landed elsewhere).
  const [siteSettled, setSiteSettled] = useState(false);
  const headDrawn = siteSettled && checkStatus !== undefined;
  const forums = useLiveQuery(() => db.forums.toArray(), []);
  const now = useNow(30_000, forums);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const undoHeld = useRef({ focus: false, pointer: false });
  /** The undo line goes UNDO_MS from now (from the last time the reader left it). */
  const undoLater = () => {
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setRemoved([]), UNDO_MS);
  };
  /** `write`, or the reader is told it failed and that nothing changed; true when it was done. */
  const attempt = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
      setProblem(null);
      return true;
    } catch {
      setProblem(`Threadside could not ${what}. Nothing was changed: try again.`);
      return false;
    }
  };
  const named = (t: SavedThread) => `“${withoutBidiControls(t.title)}”`;
  // The row's Remove button goes with its row: focus goes to Undo, also when the line was
  // already there for an earlier removal.
  useEffect(() => {
    if (removed.length) undoButton.current?.focus();
  }, [removed]);

  useEffect(() => localStorage.setItem(SORT_KEY, sort), [sort]);
  useEffect(() => {
    if (wantAll || (firstPage === undefined && sort !== 'new-replies')) return;
    const id = requestAnimationFrame(() => setTimeout(() => setWantAll(true), 0));
    return () => cancelAnimationFrame(id);
  }, [firstPage, sort, wantAll]);

  const shown = useMemo(
    () => sortThreads(filterThreads(threads ?? firstPage ?? [], query), sort),
    [threads, firstPage, query, sort],
  );
  const loaded = threads ?? (firstPage?.length ? firstPage : undefined);

  const remove = async (t: SavedThread) => {
    let record: SavedThread | undefined;
    const done = await attempt(`remove ${named(t)}`, async () => {
      record = await removeThread(db, [t.origin, t.threadId]);
    });
    if (!done || !record) return;
    const gone = record;
    setRemoved((r) => [gone, ...r.filter((x) => x.origin !== gone.origin || x.threadId !== gone.threadId)]);
    undoHeld.current = { focus: false, pointer: false };
    undoLater();
  };
  // While the reader is on the undo line (its button has focus when it appears), it stays:
  // reading a long title or finding the button must not race a timer. Focus and pointer
  // each hold it; the time starts again only when neither is on it.
  const holdUndo = (by: 'focus' | 'pointer', on: boolean) => {
    undoHeld.current = { ...undoHeld.current, [by]: on };
    if (on) clearTimeout(undoTimer.current);
    else if (!undoHeld.current.focus && !undoHeld.current.pointer) undoLater();
  };
  const undo = async () => {
    if (!removed.length) return;
    const what = removed.length === 1 ? `bring back ${named(removed[0])}` : `bring back ${removed.length} threads`;
    // Failed, the undo line stays (held while the reader is on it) for another try.
    if (!(await attempt(what, async () => Promise.all(removed.map((r) => restoreThread(db, r)))))) return;
    setRemoved([]);
    searchBox.current?.focus();
  };
  const checkNow = async () => {
    setAsking(true);
    setAskFailed(false);
    try {
      await askBackground('checkNow');
    } catch {
      setAskFailed(true);
    } finally {
      setAsking(false);
    }
  };
  const checking = asking || !!checkStatus?.progress;
  const saveNote = (t: SavedThread, note: string) =>
    attempt(`save the note on ${named(t)}`, () => setNote(db, [t.origin, t.threadId], note));
  const open = useCallback((t: SavedThread) => {
    void askBackground('openThread', { origin: t.origin, threadId: t.threadId }).then(() => window.close());
  }, []);

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>
          <span className="logo" aria-hidden="true" /> Saved threads
        </h1>
        <div className="header-actions">
          <button type="button" className="check-now" onClick={() => void checkNow()} disabled={checking}>
            Check now
          </button>
          <a className="options-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Options
          </a>
        </div>
      </header>
      <SiteAccess onSettled={() => setSiteSettled(true)} />
      {askFailed ? (
        <p className="check-status" role="status">
          Threadside could not check just now. It will try again later.
        </p>
      ) : (
        <CheckReport status={checkStatus ?? null} asking={asking} onStop={() => void askBackground('stopCheck')} />
      )}

      {loaded === undefined || !headDrawn ? (
        <p className="status" role="status">
          Loading your saved threads…
        </p>
      ) : loaded.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <div className="controls">
            <label className="search">
              <span className="visually-hidden">Search saved threads</span>
              <input
                ref={searchBox}
                type="search"
                placeholder="Search titles and notes"
                autoFocus
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                aria-controls="saved-threads"
              />
            </label>
            <label className="sort">
              <span className="visually-hidden">Sort by</span>
              <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
                {Object.entries(SORT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {query
              ? `${count(shown.length)} of ${plural(loaded.length, 'thread', 'threads')} ${shown.length === 1 ? 'matches' : 'match'}`
              : ''}
          </p>
          {shown.length === 0 ? (
            <p className="status">No saved thread has “{query}” in its title or note.</p>
          ) : (
            <SavedThreadList
              threads={shown}
              now={now}
              onOpen={(t) => void open(t)}
              onRemove={(t) => void remove(t)}
              onMarkRead={(t) => void attempt(`mark ${named(t)} as read`, () => markRead(db, [t.origin, t.threadId]))}
              onSaveNote={saveNote}
            />
          )}
        </>
      )}

      {problem && (
        <p className="store-problem" role="alert">
          {problem}
        </p>
      )}
      {removed.length > 0 && (
        <div
          className="undo"
          role="status"
          onFocus={() => holdUndo('focus', true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) holdUndo('focus', false);
          }}
          onPointerEnter={() => holdUndo('pointer', true)}
          onPointerLeave={() => holdUndo('pointer', false)}
        >
          <span>
            {removed.length === 1 ? (
              <>
                Removed “<bdi>{withoutBidiControls(removed[0].title)}</bdi>”.
              </>
            ) : (
              `Removed ${count(removed.length)} threads.`
            )}
          </span>
          <button type="button" ref={undoButton} onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
      <ForumProblems
        forums={(forums ?? []).filter((f) => !checkStatus?.last?.forums.some((o) => o.origin === f.origin))}
        now={now}
      />
      <footer className="disclaimer">Threadside explains and organises. It is not medical advice.</footer>
    </main>
  );
}
