/**
 * "1,000": a whole number as British English writes it. Without Intl for whole numbers: a
 * page's first Intl formatter loads locale data (about 15 ms when the content script starts)
 * and toLocaleString builds a new one on every call.
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** "1 post", "2 posts", "1,000 posts": a count with the noun that goes with it. */
export function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A wait in words: "45 seconds" below two minutes, then whole minutes ("3 minutes"). */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? plural(s, 'second', 'seconds') : plural(Math.round(s / 60), 'minute', 'minutes');
}
