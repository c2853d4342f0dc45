/**
 * The forum's own script, as analytics or session replay would run it: it tries to read and
 * drive Threadside's UI, listens for messages, and records every Threadside element it can
 * see, where it is, and every event that bubbles out of one. (A listener in the capture
 * phase still sees that something on Threadside's bar was pressed, and where: only an
 * iframe would hide that. See the README's privacy section.)
 */
export const SPY = `(() => {
  const spy = (window.__spy = { messages: [], events: [], reached: [] });
  addEventListener('message', (e) => spy.messages.push(JSON.stringify(e.data)));
  const own = (t) => t instanceof Element && t.localName.startsWith('threadside-');
  for (const type of ['click', 'pointerdown', 'mousedown', 'keydown', 'focusin', 'input', 'wheel'])
    document.addEventListener(type, (e) => { if (own(e.target)) spy.events.push(type + ':' + e.target.localName); });
  spy.attack = () => {
    for (const host of document.querySelectorAll('threadside-bar, threadside-summary, threadside-tooltip')) {
      if (host.shadowRoot) spy.reached.push(host.localName + ':' + host.shadowRoot.textContent);
      host.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
  };
  spy.observe = () => ({
    html: document.body.outerHTML,
    // What the page's own timeline shows of Threadside's file reads (its first tooltip or
    // summary reads the glossary's entries): nothing, or the page would see when.
    loads: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith('http')),
    threadside: [...document.querySelectorAll('*')].filter(own).map((e) => {
      const r = e.getBoundingClientRect();
      // What a closed shadow root draws still counts in its host's scroll size.
      return [e.localName, e.shadowRoot === null, Math.round(r.width), Math.round(r.height), e.scrollWidth, e.scrollHeight].join(' ');
    }),
  });
})();`;

export interface Spy {
  messages: string[];
  events: string[];
  reached: string[];
}

/** Runs in the page: what the spy has recorded so far (without its functions, which do not cross over). */
export function spyRecordInPage(): Spy {
  const { messages, events, reached } = (window as unknown as { __spy: Spy }).__spy;
  return { messages, events, reached };
}
