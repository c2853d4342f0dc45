import { createRoot, type Root } from 'react-dom/client';
import { ThreadBar } from '../../components/ThreadBar';
import '../../components/thread-bar.css';
import '../../components/term-tooltip.css';
import { matchPatterns } from '../../utils/forums/known-forums';
import type { ThreadView } from '../../utils/forums/adapter';
import { trackThread } from '../../utils/page/thread-tracker';
import { startGlossary } from './glossary';

export default defineContentScript({
  matches: matchPatterns(),
  cssInjectionMode: 'ui',
  async main(ctx) {
    let root: Root | null = null;
    const ui = await createShadowRootUi(ctx, {
      name: 'threadside-bar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        root = createRoot(container);
        return root;
      },
      onRemove(mounted) {
        mounted?.unmount();
        root = null;
      },
    });

    // Loaded on the first thread only: most pages a reader opens are not threads.
    let glossary: Promise<Awaited<ReturnType<typeof startGlossary>>> | null = null;

    const render = (thread: ThreadView | null) => {
      // Nothing at all on pages that are not threads.
      if (!thread) {
        if (ui.mounted) ui.remove();
        return;
      }
      glossary ??= startGlossary(ctx);
      const contents = thread.posts.map((p) => p.contentElement);
      void glossary.then((g) => g.setPosts(contents));
      if (!ui.mounted) ui.mount();
      root?.render(
        <ThreadBar title={thread.title} postCount={thread.postCount} loadedCount={thread.posts.length} />,
      );
    };

    const tracker = trackThread({ doc: document, getUrl: () => location.href, onChange: render });
    // Discourse is a single-page app: topics change without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => tracker.refresh());
    ctx.onInvalidated(() => {
      tracker.stop();
      if (ui.mounted) ui.remove();
    });
  },
});
