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

/** A wait in words: "45 seconds" below two minutes, whole minutes below two hours, then hours. */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return plural(s, 'second', 'seconds');
  if (s < 7200) return plural(Math.round(s / 60), 'minute', 'minutes');
  return plural(Math.round(s / 3600), 'hour', 'hours');
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 * in a title from a forum they could make it read backwards, or pull the text after it
 * along. Taken out wherever a stranger's text is stored or shown; `dir="auto"` then lays
 * Arabic or Hebrew out right to left on its own.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
export const withoutBidiControls = (s: string) => s.replace(BIDI_CONTROLS, '');
