import { plural } from '../../utils/words';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { SavedThread } from '../../utils/db/saved-thread';
import { ThreadRow } from './ThreadRow';

export interface SavedThreadListProps {
  threads: SavedThread[];
  now: number;
  onOpen: (t: SavedThread) => void;
  onRemove: (t: SavedThread) => void;
  onMarkRead: (t: SavedThread) => void;
  onSaveNote: (t: SavedThread, note: string) => Promise<unknown>;
}

const keyOf = (t: SavedThread) => `${t.origin} ${t.threadId}`;

const LIST_MIN_PX = 150;

/**
 * Only the rows in view are in the DOM, so 5,000 saved threads open as fast as 5.
 * Up and Down move between threads; the focused row is scrolled into view first, since it
 * may not be rendered yet.
 */
export function SavedThreadList({ threads, now, onOpen, onRemove, onMarkRead, onSaveNote }: SavedThreadListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // TanStack Virtual hands back new functions each render; nothing here is memoised by the
  // React Compiler, so its warning about that does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const virtualizer = useVirtualizer({
    count: threads.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => keyOf(threads[i]),
  });

  useEffect(() => {
    if (focusIndex === null) return;
    virtualizer.scrollToIndex(focusIndex);
    const id = requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] .row-open`)?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [focusIndex, virtualizer]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || (e.target as HTMLElement).tagName === 'TEXTAREA') return;
    const i = Number(row.dataset.index);
    const next =
      e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? threads.length - 1
              : null;
    if (next === null || next < 0 || next >= threads.length) return;
    e.preventDefault();
    setFocusIndex(next);
  };

  return (
    <div
      ref={scroller}
      className="list-scroller"
      onKeyDown={onKeyDown}
      // Squeezed by what is above it, the list keeps room for a row or two, not a sliver.
      style={{ minHeight: Math.min(virtualizer.getTotalSize(), LIST_MIN_PX) }}
    >
      <ul
        id="saved-threads"
        className="thread-list"
        aria-label={plural(threads.length, 'saved thread', 'saved threads')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const t = threads[item.index];
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="thread-row"
              aria-setsize={threads.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ThreadRow
                thread={t}
                now={now}
                onOpen={onOpen}
                onRemove={onRemove}
                onMarkRead={onMarkRead}
                onSaveNote={onSaveNote}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
