import { Fragment, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The reader's own key for saving a thread: they may have changed it in the browser's
 * shortcut settings, or have none (taken by another add-on), so it is read, not written in.
 */
function useSaveKeys(): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    // A browser without the shortcuts API (or one that throws for it) offers no key.
    const commands = async () => browser.commands.getAll();
    commands()
      .then((all) => {
        const shortcut = all.find((c) => c.name === 'toggle-save')?.shortcut;
        if (live) setKeys(shortcut ? shortcut.split('+') : null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return keys;
}

/** The popup before anything is saved: how to save a thread. */
export function EmptyState() {
  const keys = useSaveKeys();
  return (
    <section className="empty">
      <h2>No saved threads yet</h2>
      <p>
        Open a thread on a forum you read and press <strong>Save</strong> in the Threadside bar at the bottom of the
        page
        {keys && (
          <>
            , or press{' '}
            {keys.map((k, i) => (
              <Fragment key={i}>
                {i > 0 && '+'}
                <kbd>{k}</kbd>
              </Fragment>
            ))}
          </>
        )}
        .
      </p>
      <p>Saved threads appear here, newest activity first, with a count of new replies.</p>
    </section>
  );
}
