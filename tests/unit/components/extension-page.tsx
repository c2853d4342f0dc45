import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React warns on every update outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * An extension page (the popup, the options page) drawn into the test's document: its
 * element, a way to let time pass for its reads and writes, and a way to take it down.
 */
export function openPage(ui: ReactNode) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const root: Root = createRoot(host);
  act(() => root.render(ui));
  return {
    host,
    /** Time passes for the page (its storage, React's updates) until `done()`, a second at most. */
    async until(done: () => unknown) {
      for (let i = 0; i < 100 && !done(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    },
    close: () => act(() => root.unmount()),
  };
}
