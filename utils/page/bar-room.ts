/**
 * Where the bar (bottom left) and the summary panel (right) would meet, a narrow or zoomed
 * window, the panel ends above the bar: it must never cover the bar's buttons. The space is
 * set inside the panel's closed root; on its host, the page could read the bar's height.
 */
const PANEL_MAX = 420;
const EDGE = 16;
const GAP = 8;

export function keepPanelClearOfBar(container: HTMLElement, bar: readonly Element[], win: Window = window) {
  const update = () => {
    const shown = bar.map((el) => el.getBoundingClientRect()).find((r) => r.width > 0);
    const panelLeft = win.innerWidth - EDGE - Math.min(PANEL_MAX, win.innerWidth - 2 * EDGE);
    const space = shown && shown.right > panelLeft ? Math.ceil(win.innerHeight - shown.top + GAP) : EDGE;
    container.style.setProperty('--ts-bar-space', `${space}px`);
  };
  const watch = new ResizeObserver(update);
  for (const el of bar) watch.observe(el);
  win.addEventListener('resize', update);
  update();
  return () => {
    watch.disconnect();
    win.removeEventListener('resize', update);
  };
}
