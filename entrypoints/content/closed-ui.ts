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

/**
 * One of Threadside's closed roots, last in the page's body, holding `nodes()` each time it
 * is mounted (taking it off the page empties it).
 */
export const closedUi = (ctx: ContentScriptContext, name: string, nodes: () => Node[] = () => []) =>
  createShadowRootUi(ctx, {
    name,
    position: 'inline',
    ...CLOSED_UI,
    anchor: 'body',
    append: 'last',
    onMount: (container) => container.append(...nodes()),
  });
