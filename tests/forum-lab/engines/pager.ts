/**
 * The numbered part of a forum's pager, pages 1 to `count`, each engine in its own markup: the
 * page being read drawn by `here`, the others by `link`. Engines that list only some pages of
 * a long thread pass `window`: the pages it leaves out are drawn as one `gap` for each run.
 */
export function numberedPages(o: {
  count: number;
  current: number;
  here: (k: number) => string;
  link: (k: number) => string;
  window?: { shows: (k: number) => boolean; gap: string };
}): string[] {
  const listed = (k: number) => k === o.current || !o.window || o.window.shows(k);
  const items: string[] = [];
  for (let k = 1; k <= o.count; k++) {
    if (k === o.current) items.push(o.here(k));
    else if (listed(k)) items.push(o.link(k));
    else if (o.window && (k === 1 || listed(k - 1))) items.push(o.window.gap);
  }
  return items;
}
