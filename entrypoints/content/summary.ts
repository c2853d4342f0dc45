import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { keepPanelClearOfBar } from '../../utils/page/bar-room';
import { createSummaryPanel, type SectionId } from '../../components/summary-panel';
import type { ThreadView } from '../../utils/forums/adapter';
import { askBackground, hearFromBackground } from '../../utils/browser/messages';
import { panelOpenOn } from '../../utils/browser/settings';
import { summaryPanelSetting } from '../../utils/browser/summary-panel-setting';
import { cookedToText } from '../../utils/summary/cooked-text';
import type { Summary, ThreadInput } from '../../utils/summary/summarise';
import { gistSource, linkGist } from '../../utils/summary/gist';
import { canWriteGist, onDeviceSummarizer, writeGist } from '../../utils/browser/on-device-gist';
import { gistSetting } from '../../utils/browser/gist-setting';
import { snapshotOf } from '../../utils/page/snapshot';
import type { showPost } from './landing';
import type { pagePosts } from './page-posts';
import type { PostsRead } from '../../utils/summary/read-status';
import type { startGlossary } from './glossary';
import { count, plural } from '../../utils/words';

type Glossary = Awaited<ReturnType<typeof startGlossary>>;

/**
 * The Summary button and panel, in a script of its own (`entrypoints/summary-panel.ts`)
 * that the background injects when a thread is found, so the script every forum page
 * compiles at start stays small: the whole thread read through the forum's own API (or the
 * posts on the page where an engine has none), summarised here, cached by thread and
 * highest post number.
 */
/** Which thread a summary is of: a single-page forum changes it without a page load. */
const threadKey = (t: ThreadView) => `${t.origin} ${t.threadId}`;

export async function startSummary(
  deps: {
    thread: () => ThreadView | null;
    glossary: () => Promise<Glossary>;
    firstNew: () => number | null;
    /** The page script's own, so this script does not carry the forum adapters again. */
    pagePosts: typeof pagePosts;
    showPost: typeof showPost;
    /** The bar's elements, which the panel keeps clear of. */
    bar: readonly Element[];
  },
  /** The panel's closed root, made by the page's script (its styles come with it). */
  ui: ShadowRootContentScriptUi<unknown>,
) {
  let loadedFor: string | null = null;
  let loading = false;

  const panel = createSummaryPanel(document, {
    onClose: () => {
      // Closed from inside (its × or Escape): focus goes back to the bar's Summary button,
      // not to the top of the forum's page.
      const hadFocus = panel.element.matches(':focus-within');
      void setOpen(false);
      if (hadFocus)
        deps.bar
          .map((el) => el.querySelector<HTMLElement>('[data-testid=summary]'))
          .find(Boolean)
          ?.focus();
    },
    onJumpToPost: (n, byKeyboard) => jumpToPost(n, byKeyboard),
    onSectionToggle: (id, open) => void rememberSection(id, open),
    onRetry: () => {
      const thread = deps.thread();
      if (thread) void load(thread);
    },
    onWriteGist: () => void gist(),
  });
  let shownSummary: Summary | null = null;

  /** The on-device gist, from the key points only, on the reader's click. */
  async function gist() {
    const model = onDeviceSummarizer();
    if (!model || !shownSummary) return;
    const points = shownSummary.keyPoints;
    try {
      panel.showGist(linkGist(await writeGist(model, gistSource(shownSummary)), points));
    } catch {
      panel.showGist('This browser’s model could not write a gist just now. The key points below are unchanged.');
    }
  }

  /** Offered where the browser has a model and the reader turned the gist on (off by default). */
  async function offerGist(summary: Summary) {
    shownSummary = summary;
    const model = onDeviceSummarizer();
    if (model && summary.keyPoints.length && (await gistSetting.getValue()) && (await canWriteGist(model)))
      panel.offerGist();
  }
  // Wired before the panel is in its root: a term that takes focus as soon as it is shown
  // (a keyboard reader, a screen reader) is described. Without the glossary (it could not
  // start) the panel's terms are simply not explained.
  void deps.glossary().then(
    (g) => g.attachTooltips(ui.shadow),
    () => undefined,
  );
  ui.uiContainer.append(panel.element);
  keepPanelClearOfBar(ui.uiContainer, deps.bar);
  const saved = await summaryPanelSetting.getValue();
  panel.setOpenSections(saved.sections as SectionId[]);

  async function rememberSection(id: SectionId, open: boolean) {
    const s = await summaryPanelSetting.getValue();
    const sections = new Set(s.sections);
    if (open) sections.add(id);
    else sections.delete(id);
    await summaryPanelSetting.setValue({ ...s, sections: [...sections] });
  }

  function jumpToPost(n: number, byKeyboard: boolean) {
    const thread = deps.thread();
    if (thread) deps.showPost(thread, n, byKeyboard);
  }

  async function load(thread: ThreadView) {
    const key = threadKey(thread);
    if (loading || loadedFor === key) return;
    loading = true;
    // Said at once: starting the glossary or reading page 1 can take a moment.
    panel.progress(0, 0);
    // Still the topic on screen: a single-page forum can move to another while this one is read.
    const here = () => {
      const now = deps.thread();
      return !!now && threadKey(now) === key;
    };
    try {
      // Without the glossary or its entries the summary still stands; its terms are then not explained.
      const glossary = await deps.glossary().catch(() => null);
      const byId = (await glossary?.entries().catch(() => null)) ?? new Map<string, never>();
      const firstNew = deps.firstNew();
      const highest = snapshotOf(thread, 0).highestPostNumber;
      let read: PostsRead | null = null;
      // Only Discourse's summaries read the whole thread; one page's is quick to make again.
      let result =
        thread.engine === 'discourse'
          ? await askBackground('cachedSummary', {
              threadId: thread.threadId,
              highestPostNumber: highest,
              firstNew,
            }).catch(() => null)
          : null;
      if (!result) {
        let input: ThreadInput;
        let summaryHighest = highest;
        if (thread.engine === 'discourse') {
          panel.progress(0, thread.postCount);
          const stopHearing = hearFromBackground('threadPostsProgress', (p) => {
            if (p.threadId === thread.threadId && here()) panel.progress(p.read, p.total, p.retryIn);
          });
          const res = await askBackground('threadPosts', { threadId: thread.threadId }).finally(stopHearing);
          if (!res.ok) {
            // The whole thread could not be read: the posts on this page, said plainly.
            const why = `Threadside could not read the whole thread: ${res.message}`;
            const kept =
              res.read === 1
                ? ' The post read so far is kept for the next try.'
                : res.read
                  ? ` The ${count(res.read)} posts read so far are kept for the next try.`
                  : '';
            const page = await deps.pagePosts(thread);
            if (!here()) return;
            if (!page.input.posts.length) return panel.error(why + kept);
            const partial = await askBackground('summarise', {
              threadId: thread.threadId,
              highestPostNumber: highest,
              firstNew,
              thread: page.input,
              partial: true,
            });
            const n = page.input.posts.length;
            if (!here()) return;
            panel.show(
              partial.whole,
              partial.since,
              (id) => byId.get(id),
              page.read,
              `From the ${plural(n, 'post', 'posts')} on this page. ${why}${kept}`,
            );
            void offerGist(partial.whole);
            return;
          }
          // Post HTML becomes text here: the background has no HTML parser.
          const parser = new DOMParser();
          input = {
            ...res.thread,
            posts: res.thread.posts.map((p) => ({ ...p, text: cookedToText(p.text, parser) })),
          };
          summaryHighest = res.highestPostNumber;
        } else {
          ({ input, read } = await deps.pagePosts(thread));
        }
        result = await askBackground('summarise', {
          threadId: thread.threadId,
          highestPostNumber: summaryHighest,
          firstNew,
          thread: input,
        });
      }
      if (!here()) return;
      panel.show(result.whole, result.since, (id) => byId.get(id), read);
      void offerGist(result.whole);
      loadedFor = key;
    } catch (err) {
      if (here()) panel.error(`Threadside could not summarise this thread: ${(err as Error).message}`);
    } finally {
      loading = false;
      // The reader moved on meanwhile: the summary of the topic now on screen, not of the last.
      const now = deps.thread();
      if (!here() && panel.open && now) void load(now);
    }
  }

  // One change of the stored choice at a time, in the order the reader made them: two
  // read-then-write changes running together could store the older one last.
  let remembering = Promise.resolve();
  const rememberOpen = (open: boolean) =>
    (remembering = remembering
      .then(async () =>
        summaryPanelSetting.setValue(panelOpenOn(await summaryPanelSetting.getValue(), location.host, open)),
      )
      // Not stored (the extension was reloaded meanwhile): the panel still does as asked.
      .catch(() => undefined));

  /** `remember`: the reader's own doing (stored, and focus moves in); false as the panel comes back by itself. */
  async function setOpen(open: boolean, remember = true) {
    panel.setOpen(open, remember);
    if (remember) await rememberOpen(open);
    const thread = deps.thread();
    if (open && thread) await load(thread);
  }

  // The panel comes back as the reader left it (already stored: nothing to remember).
  if (saved.openOn.includes(location.host)) void setOpen(true, false);

  return {
    toggle: () => setOpen(!panel.open),
    show: () => setOpen(true),
    /** Another topic in the single-page forum: the summary is out of date. */
    threadChanged() {
      loadedFor = null;
      if (panel.open) {
        const thread = deps.thread();
        if (thread) void load(thread);
      }
    },
  };
}
