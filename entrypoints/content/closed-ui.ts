import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import barCss from '../../components/thread-bar.css?inline';
import tooltipCss from '../../components/term-tooltip.css?inline';

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

/**
 * The styles of every root, built into this script: no file for a page to probe for, no
 * read to wait for before the bar can be drawn.
 */
const UI_CSS = barCss + tooltipCss;

/**
 * One of Threadside's closed roots, last in the page's body, holding `nodes()` each time it
 * is mounted (taking it off the page empties it).
 */
export const closedUi = async (ctx: ContentScriptContext, name: string, nodes: () => Node[] = () => []) =>
  createShadowRootUi(ctx, {
    name,
    position: 'inline',
    ...CLOSED_UI,
    css: UI_CSS,
    anchor: 'body',
    append: 'last',
    onMount: (container) => container.append(...nodes()),
  });
