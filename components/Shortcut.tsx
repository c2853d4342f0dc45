import { Fragment, useEffect, useState } from 'react';
import { shortcutOf, type CommandName } from '../utils/browser/shortcuts';

/**
 * The keys the reader's browser has for one of Threadside's commands, as ["Alt", "Shift",
 * "K"], or null while unread or when it has none: the reader may have changed the key in
 * the browser's shortcut settings, or lost it to another add-on, so it is read, not written in.
 */
export function useShortcut(name: CommandName): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void shortcutOf(name).then((shortcut) => {
      if (live) setKeys(shortcut ? shortcut.split('+') : null);
    });
    return () => {
      live = false;
    };
  }, [name]);
  return keys;
}

/** A shortcut as the reader presses it: each key in its own <kbd>, joined by "+". */
export function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </>
  );
}
