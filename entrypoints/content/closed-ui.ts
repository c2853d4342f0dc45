import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How Threadside's UI sits in a forum page: in a closed shadow root, with what the reader
 * does inside it (keys, clicks, focus, the wheel) kept inside, so the page's own scripts can
 * neither read it nor learn which of its buttons were used.
 */
export const CLOSED_UI: { mode: 'closed'; isolateEvents: string[] } = {
  mode: 'closed',
  isolateEvents:
    'keydown keyup keypress beforeinput input change click dblclick auxclick contextmenu mousedown mouseup pointerdown pointerup touchstart touchend focusin focusout wheel'.split(
      ' ',
    ),
};

let uiCss: Promise<string> | null = null;
/**
 * The styles of every root, read once per page: WXT's "ui" mode would fetch the file again
 * for each of the three roots. A failed read leaves the roots unstyled rather than missing,
 * and is tried again by the next root. The file is web-accessible (wxt.config.ts).
 */
const readUiCss = () =>
  (uiCss ??= fetch((browser.runtime.getURL as (p: string) => string)('/content-scripts/content.css'))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
    .then((css) => css.replaceAll(':root', ':host'))
    .catch(() => {
      uiCss = null;
      return '';
    }));

/**
 * One of Threadside's closed roots, last in the page's body, holding `nodes()` each time it
 * is mounted (taking it off the page empties it).
 */
export const closedUi = async (ctx: ContentScriptContext, name: string, nodes: () => Node[] = () => []) =>
  createShadowRootUi(ctx, {
    name,
    position: 'inline',
    ...CLOSED_UI,
    css: await readUiCss(),
    anchor: 'body',
    append: 'last',
    onMount: (container) => container.append(...nodes()),
  });
