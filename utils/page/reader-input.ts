/**
 * Only the reader's own input reaches Threadside: an event a page's script makes up and
 * dispatches (`isTrusted` false) does nothing. (Test DOMs without `isTrusted` count as the
 * reader.)
 */
export const fromReader =
  <E extends Event>(handler: (e: E) => void) =>
  (e: E): void => {
    if (e.isTrusted !== false) handler(e);
  };
