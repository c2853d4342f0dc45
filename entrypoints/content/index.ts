/**
 * Threadside in a forum page. What runs depends on the page's state:
 *
 * - Not a thread (a forum's home page, a category list, any other page): only the thread
 *   tracker, reading the page once and again when a single-page forum navigates, and the
 *   listener for "turned off". No bar, no glossary, nothing added to the page.
 * - A thread: the bar (title, post count, Save, Summary), saving and reading progress, and
 *   the glossary (loaded from the background on the first thread only: underlines and the
 *   tooltip); the summary panel, hidden unless the reader left it open. Nothing the page can
 *   read differs with what the reader follows, reads or hovers (closed shadow roots).
 * - Turned off for this site (the reader chose Disable, here or in another tab): the context
 *   is aborted and every part stops with it (listeners, setting watchers, timers, observers)
 *   and takes what it added off the page; nothing comes back until the page is loaded again
 *   with Threadside on.
 */
import { pageCategory } from '../../utils/forums/dom-reading';
import { createThreadBar } from '../../components/thread-bar';
import { matchPatterns } from '../../utils/forums/known-forums';
import type { ThreadView } from '../../utils/forums/adapter';
import { trackThread } from '../../utils/page/thread-tracker';
import type { startGlossary } from './glossary';
import { glossaryDeps } from './glossary-deps';
import { startSaving } from './saving';
import type { startSummary } from './summary';
import { GLOSSARY_PART, SUMMARY_PANEL, partIn } from '../../utils/page/part-keys';
import { onStop } from './lifecycle';
import { askBackground, hearFromBackground } from '../../utils/browser/messages';
import { barHiddenSetting, knownForumsOffSetting, setBarFolded, panelLeftOpenOn } from '../../utils/browser/settings';
import { matchesPattern } from '../../utils/forums/match-pattern';
import { closedUi } from './closed-ui';
import { createLander, showPost } from './landing';
import { pagePosts } from './page-posts';
import { pageAdapters, readerOf } from './page-adapters';
import { watchReaderStops } from './reader-stops';

export default defineContentScript({
  matches: matchPatterns(),
  // WXT's "script started" message would hand every page the extension's id.
  noScriptStartedPostMessage: true,
  // Styles only inside Threadside's own roots (closed-ui.ts), none added to the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Compiling this script is already one task of the page's: the bar is built in a later
    // one, once these settings have come (an extension's own answer, which arrives even
    // where the page's scripts, and so its timers, are off).
    const [knownOff, barHiddenOn] = await Promise.all([knownForumsOffSetting.getValue(), barHiddenSetting.getValue()]);
    // A known forum the reader turned off: leave the page as the forum made it.
    if (knownOff.includes(location.hostname) || ctx.isInvalid) return;
    let barElements: Node[] = [];
    const ui = await closedUi(ctx, 'threadside-bar', () => barElements);
    if (ctx.isInvalid) return;
    const bar = createThreadBar(document, {
      onToggleSave: () => void saving.toggle(),
      onJumpToNew: (byKeyboard) => saving.jumpToNew(byKeyboard),
      onMarkRead: () => void saving.markRead(),
      onHiddenChange: (hidden) => void setBarFolded(location.host, hidden),
      // A click before the panel is ready (it may yet open by itself, as the reader left it)
      // means "show me": the reader saw it closed.
      onToggleSummary: () => void (summaryReady ? summaryReady.toggle() : summaryPanel().then((p) => p.show())),
    });
    const lander = createLander();
    let current: ThreadView | null = null;
    const stops = watchReaderStops(ctx, (box) => {
      const first = current?.posts[0]?.contentElement;
      return !!first && box.contains(first);
    });
    const saving = startSaving(ctx, stops, {
      onSavedChange: (saved) => bar.setSaved(saved),
      onToggled: (saved) => bar.saveDone(saved),
      onToggleFailed: (was) => bar.saveFailed(was),
      onNewReplies: (n) => bar.setNewReplies(n),
      onSaveKey: (key) => bar.setSaveKey(key),
    });
    barElements = bar.elements;
    // Folded where the reader hid it before; the popup or the options page can bring it back.
    const fold = (hosts: string[]) => bar.setHidden(hosts.includes(location.host));
    fold(barHiddenOn);
    onStop(ctx, barHiddenSetting.watch(fold));
    // A newer copy of this script started while we waited: it owns the page now.
    if (ctx.isInvalid) return;

    let shown = false;
    let category = '';
    let summary: ReturnType<typeof startSummary> | null = null;
    let summaryReady: Awaited<ReturnType<typeof startSummary>> | null = null;
    // The panel's root, empty, at once on every thread, used or not: the page must not learn
    // that the reader opened it. Its code is injected by the background, into this script's
    // world, when the reader first asks for it or left it open on this forum.
    let summaryRoot: ReturnType<typeof closedUi> | null = null;
    let leftOpen: Promise<void> | null = null;
    const summaryUi = () =>
      (summaryRoot ??= closedUi(ctx, 'threadside-summary').then((ui) => {
        ui.mount();
        onStop(ctx, () => ui.remove());
        return ui;
      }));
    const summaryPanel = () =>
      (summary ??= (async () => {
        const ui = await summaryUi();
        if (!partIn(SUMMARY_PANEL)) await askBackground('summaryPanel', null);
        const start = partIn(SUMMARY_PANEL) as typeof startSummary;
        return start(
          {
            thread: () => current,
            glossary: () => glossaryNow(),
            firstNew: () => saving.firstNew(),
            pagePosts,
            showPost,
            bar: bar.elements,
          },
          ui,
        );
      })().then((p) => (summaryReady = p)));
    // Loaded on the first thread only: most pages a reader opens are not threads. Its code
    // too is injected then by the background, as the summary panel's is.
    let glossary: ReturnType<typeof startGlossary> | null = null;
    // Started with the tooltips wired into the bar too: its title's terms are explained.
    const glossaryNow = () =>
      (glossary ??= (async () => {
        if (!partIn(GLOSSARY_PART)) await askBackground('glossaryPart', null);
        const start = partIn(GLOSSARY_PART) as typeof startGlossary;
        const g = await start(ctx, stops, glossaryDeps());
        g.attachTooltips(ui.shadow);
        return g;
      })().catch((err: unknown) => {
        // Injecting the part fails when the page is on its way out (Firefox says "An
        // unexpected error occurred"), or the files could not be read: tried again on the
        // next reading of the thread.
        glossary = null;
        throw err;
      }));
    /** Work with the glossary once it is there; none if it could not start (see above). */
    const withGlossary = (use: (g: Awaited<ReturnType<typeof startGlossary>>) => unknown) =>
      void glossaryNow().then(use, () => undefined);

    const render = (thread: ThreadView | null) => {
      // Nothing at all on pages that are not threads.
      if (!thread) {
        if (shown) ui.remove();
        shown = false;
        current = null;
        return;
      }
      const changed = !current || current.threadId !== thread.threadId || current.origin !== thread.origin;
      // The category changes only with the thread: read again then, or while the page has none yet.
      if (changed || !category) category = pageCategory(document);
      current = thread;
      if (changed && summary) void summary.then((p) => p.threadChanged());
      void summaryUi();
      // Once per page, not on every change of the post stream.
      leftOpen ??= panelLeftOpenOn().then((hosts) => {
        if (hosts.includes(location.host)) void summaryPanel();
      });
      const contents = thread.posts.map((p) => p.contentElement);
      stops.watchPosts(contents);
      const threadWords = `${thread.title}\n${category}`;
      bar.update({
        title: thread.title,
        postCount: thread.postCount,
        loadedCount: thread.posts.length,
        atLeast: thread.postCountAtLeast,
      });
      withGlossary((g) => {
        g.setPosts(contents, readerOf(thread.engine).notOwnWords, threadWords);
        g.markTitle(bar.titleElement);
      });
      saving.update(thread);
      lander.seen(thread);
      if (!shown) ui.mount();
      shown = true;
    };

    const tracker = trackThread({
      doc: document,
      adapters: pageAdapters,
      getUrl: () => location.href,
      onChange: render,
      // Where timers do not run (scripts off in Chromium) nothing could wait for a stop; nor
      // does the page change by itself there.
      reader: {
        onMove: (work) => stops.onMove(() => stops.timersRun() && work()),
        whenStill: (work) => stops.whenStill(work),
      },
    });
    // Discourse is a single-page app: topics change without a page load.
    // The event comes as the navigation starts, while location.href still names the old page.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => tracker.refresh(e.newUrl.href));
    // The reader turned Threadside off for this site: leave the page as the forum made it.
    const stopHearing = hearFromBackground('sitesDisabled', ({ origins }) => {
      if (origins.some((o) => matchesPattern(o, location.href))) ctx.abort('Threadside was turned off for this site');
    });
    const stopExplaining = hearFromBackground('explainSelection', () => {
      withGlossary((g) => g.explainSelection());
    });
    // Open or a notification, for the thread already open here: this tab goes to its post,
    // without a reload when the post is on the page (a half-written reply stays).
    const stopShowing = hearFromBackground('showPost', ({ threadId, post }) => {
      if (!current || current.threadId !== threadId || !Number.isInteger(post) || post < 1) return false;
      showPost(current, post);
      return true;
    });
    onStop(ctx, () => {
      stopShowing();
      stopExplaining();
      stopHearing();
      tracker.stop();
      ui.remove();
    });
  },
});
