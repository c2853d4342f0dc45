import { Keys, useShortcut } from '../Shortcut';

/** The popup before anything is saved: how to save a thread. */
export function EmptyState() {
  const keys = useShortcut('toggle-save');
  return (
    <section className="empty">
      <h2>No saved threads yet</h2>
      <p>
        Open a thread on a forum you read and press <strong>Save</strong> in the Threadside bar at the bottom of the
        page
        {keys && (
          <>
            , or press <Keys keys={keys} />
          </>
        )}
        .
      </p>
      <p>Saved threads appear here, newest activity first, with a count of new replies.</p>
    </section>
  );
}
