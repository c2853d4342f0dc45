import type { ThreadView } from '../../utils/forums/adapter';
import { askBackground } from '../../utils/browser/messages';
import { goToPost, scrollToPost } from '../../utils/page/go-to-post';
import { readerOf } from './page-adapters';

/**
 * Shows post `n`, loading the page of the thread that holds it if need be (see `landings`),
 * with the keyboard's place when `focus` (see `scrollToPost`).
 */
export function showPost(thread: ThreadView, n: number, focus = false): void {
  void goToPost(
    thread,
    n,
    readerOf(thread.engine),
    () => askBackground('landAt', { threadId: thread.threadId, post: n }),
    focus,
  );
}

/** How long a landing waits for its post to be drawn (a forum that renders late). */
const LANDING_WAIT_MS = 15_000;

/**
 * On arrival: if Threadside opened this tab (or left the last page) to show a post, scroll to
 * it once the forum has drawn it. `seen` is called with each reading of the thread.
 */
export function createLander() {
  let key: string | null = null;
  let post: number | null = null;
  let until = 0;
  let latest: ThreadView | null = null;
  const tryLand = () => {
    if (post === null || !latest) return;
    if (Date.now() > until) post = null;
    // The keyboard's place too, unless the reader has already put it somewhere (typing a
    // reply while the forum drew the post).
    else if (scrollToPost(latest, post, !document.activeElement || document.activeElement === document.body))
      post = null;
  };
  return {
    seen(thread: ThreadView) {
      latest = thread;
      const k = `${thread.origin} ${thread.threadId}`;
      if (k !== key) {
        key = k;
        post = null;
        void askBackground('landing', { threadId: thread.threadId })
          .then((n) => {
            if (key !== k || n === null) return;
            post = n;
            until = Date.now() + LANDING_WAIT_MS;
            tryLand();
          })
          .catch(() => undefined);
      } else tryLand();
    },
  };
}
