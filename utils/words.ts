// One formatter: toLocaleString builds a new one on every call.
const numbers = new Intl.NumberFormat('en-GB');

/** "1 post", "2 posts", "1,000 posts": a count with the noun that goes with it. */
export function plural(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/** A wait in words: "45 seconds" below two minutes, then whole minutes ("3 minutes"). */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? plural(s, 'second', 'seconds') : plural(Math.round(s / 60), 'minute', 'minutes');
}
