/**
 * How Threadside's UI sits in a forum page: in a closed shadow root, with what the reader
 * does inside it (keys, clicks, focus, the wheel) kept inside, so the page's own scripts can
 * neither read it nor learn which of its buttons were used.
 */
export const CLOSED_UI: { mode: 'closed'; isolateEvents: string[] } = {
  mode: 'closed',
  isolateEvents: [
    'keydown',
    'keyup',
    'keypress',
    'beforeinput',
    'input',
    'change',
    'click',
    'dblclick',
    'auxclick',
    'contextmenu',
    'mousedown',
    'mouseup',
    'pointerdown',
    'pointerup',
    'touchstart',
    'touchend',
    'focusin',
    'focusout',
    'wheel',
  ],
};
