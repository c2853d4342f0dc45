import { useEffect, useState } from 'react';

/**
 * The time for "2 days ago" and "Next try in 5 minutes", kept fresh while the popup stays
 * open; rendering reads the clock only when `changed` is new, so a render is the same each
 * time. `changed` is what a wait is told from (a forum's stored state): new data is told
 * from now, not from the last tick up to `everyMs` before.
 */
export function useNow(everyMs = 30_000, changed?: unknown): number {
  const [now, setNow] = useState(Date.now);
  const [seen, setSeen] = useState(changed);
  if (seen !== changed) {
    setSeen(changed);
    setNow(Date.now());
  }
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
