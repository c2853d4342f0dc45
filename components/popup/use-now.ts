import { useEffect, useState } from 'react';

/**
 * The time for "2 days ago" and "Next try in 5 minutes", kept fresh while the popup stays
 * open; rendering itself never reads the clock, so a render is the same each time.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
