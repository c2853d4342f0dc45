import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { noTermTooltip, termTooltip, unreadableTooltip } from '../../components/term-tooltip';
import { createAnnotator, TERM_ATTR, THREADSIDE_ATTR, type Annotator } from '../../utils/glossary/annotate';
import { termMoveTarget } from '../../utils/page/term-keys';
import { matcherFrom } from '../../utils/glossary/matcher';
import { cachedFinder } from '../../utils/glossary/cached-finder';
import { createSlicedQueue } from '../../utils/page/sliced-queue';
import { describedByTooltip, wireTermTooltips } from '../../utils/page/term-tooltips';
import type { GlossaryMode } from '../../utils/browser/settings';
import type { GlossaryEntry } from '../../utils/glossary/schema';
import { onStop } from './lifecycle';
import type { GlossaryDeps } from './glossary-deps';
import type { ReaderStops } from './reader-stops';

/** After a failed read of the explanations, the keyboard does not ask again for this long. */
const RETRY_ENTRIES_MS = 5000;
const TOOLTIP_ID = 'threadside-tooltip';

const MARKER_STYLE = [
  'text-decoration: underline dotted',
  'text-decoration-thickness: 1.5px',
  'text-underline-offset: 0.22em',
  'text-decoration-skip-ink: none',
  'cursor: help',
  'border-radius: 2px',
].join(';');

/**
 * The glossary in the page: annotate post text in small slices as posts appear, and show a
 * tooltip for the term under the pointer or keyboard focus. In a script of its own
 * (`entrypoints/glossary-part.ts`), injected on the first thread: the script every forum
 * page compiles at start does not carry the matcher, the tooltips and their positioning.
 * What it shares with that script (messages, settings, the closed roots) comes in `deps`,
 * so this one does not carry them again.
 */
export async function startGlossary(ctx: ContentScriptContext, stops: ReaderStops, deps: GlossaryDeps) {
  // Compiled by the build: the page only wraps the tables it reads.
  const glossary = await deps.readMatcher();
  const currentMode = deps.glossaryMode;
  // Read before the matcher is made, so taking in the glossary's files and making the
  // matcher from its tables fall in two tasks of the page's, not one long one.
  let mode: GlossaryMode = await currentMode();
  const matcher = matcherFrom(glossary.matcher);
  // The entries (545 kB) only once a tooltip or the summary needs them: most pages never do.
  let byId: Map<string, GlossaryEntry> | null = null;
  let entriesRead: Promise<Map<string, GlossaryEntry>> | null = null;
  let entriesFailedAt = -Infinity;
  const entries = () =>
    (entriesRead ??= deps.readEntries().then(
      (list) => (byId = new Map(list.map((e) => [e.id, e]))),
      (err: unknown) => {
        // Tried again next time (an update of the extension can briefly take the files away).
        entriesRead = null;
        entriesFailedAt = Date.now();
        throw err;
      },
    ));
  const finder = cachedFinder(matcher);
  let annotator: Annotator | null = null;
  let posts: Element[] = [];
  let notOwnWords = '';
  let threadWords = '';
  // Words nearly every reader knows ("chemo", "GP"): marked only when the reader asks for every term.
  const common = new Set(glossary.common);

  const markerTemplate = document.createElement('span');
  // Reached by keyboard one post at a time: the post's first term takes Tab, arrows the rest.
  markerTemplate.tabIndex = -1;
  markerTemplate.setAttribute('style', MARKER_STYLE);
  // Always, not only while its tooltip shows: a page must not learn what was hovered.
  markerTemplate.setAttribute('aria-describedby', TOOLTIP_ID);

  const makeAnnotator = (m: GlossaryMode) =>
    m === 'off'
      ? null
      : createAnnotator(finder, {
          mode: m,
          notOwnWords: () => notOwnWords,
          thread: () => threadWords,
          leaveOut: m === 'every' ? undefined : (ids) => ids.every((id) => common.has(id)),
          // A copy of one made-up marker: its style is parsed once, not once per term.
          createMarker: () => markerTemplate.cloneNode(false) as HTMLElement,
        });
  annotator = makeAnnotator(mode);

  // Underlined where the reader stops: the posts on screen and half a screen either side,
  // once the page has stood still for a moment. A reader who skims past a thousand posts
  // does not pay for underlines they never stop to read; one who reads a post and scrolls
  // on a little finds the next already underlined. Posts come near by an observer, not by
  // measuring at stops: it also sees posts moved near by the page's own layout (images,
  // fonts, a post folding open), with no scroll to stop after.
  const annotate = (el: Element) => {
    near.unobserve(el);
    watched.delete(el);
    onScreen.delete(el);
    if (!el.isConnected || !annotator) return;
    annotator.annotate(el);
    const first = el.querySelector<HTMLElement>(`[${TERM_ATTR}]`);
    if (first) first.tabIndex = 0;
  };
  // Arrow keys, Home and End move between a post's terms; the Tab stop moves with the focus.
  ctx.addEventListener(document, 'keydown', (e) => {
    // A reader moving by keyboard: the explanations are read now, so the first term Tab
    // reaches has its description as it takes focus (when a screen reader reads it out).
    // Not at every Tab after a failed read: a tooltip asks again when it is wanted.
    if (e.key === 'Tab' && !byId && Date.now() - entriesFailedAt > RETRY_ENTRIES_MS)
      void entries().catch(() => undefined);
    const term = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !term.hasAttribute?.(TERM_ATTR)) return;
    let post = term.parentElement;
    while (post && !annotator?.isAnnotated(post)) post = post.parentElement;
    if (!post) return;
    const next = termMoveTarget([...post.querySelectorAll<HTMLElement>(`[${TERM_ATTR}]`)], term, e.key);
    if (!next) return;
    e.preventDefault();
    term.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  // In slices between the page's own tasks, so a screen of short posts is never one long task.
  const soon = createSlicedQueue<Element>({ run: annotate });
  const watched = new Set<Element>();
  const onScreen = new Set<Element>();
  // Queued once per stop, however many posts pass the margin meanwhile (every frame of a scroll).
  let onScreenQueued = false;
  const annotateOnScreen = () => {
    onScreenQueued = false;
    if (stops.timersRun()) soon.push([...onScreen]);
    else for (const el of [...onScreen]) annotate(el);
  };
  const near = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) onScreen.add(e.target);
        else onScreen.delete(e.target);
      }
      if (onScreen.size && !onScreenQueued) {
        onScreenQueued = true;
        stops.whenStill(annotateOnScreen);
      }
    },
    { rootMargin: '50% 0px 50% 0px' },
  );

  const ui = await deps.closedUi(ctx, 'threadside-tooltip');
  ui.mount();
  // Also when the script was stopped while the glossary loaded: WXT removes it only on a later stop.
  onStop(ctx, () => ui.remove());
  const host = ui.shadowHost;
  host.id = TOOLTIP_ID;
  host.setAttribute('role', 'tooltip');
  host.setAttribute('data-threadside', 'tooltip');
  let showing: string[] | null = null;
  const tooltipSurface = {
    host,
    floating: ui.uiContainer,
    render(ids: string[] | null) {
      showing = ids;
      // The first tooltip of the page: drawn once the entries are read (the box follows its size).
      if (ids && !byId)
        void entries().then(
          () => showing === ids && tooltipSurface.render(ids),
          () => showing === ids && ui.uiContainer.replaceChildren(unreadableTooltip(document)),
        );
      const found = (ids ?? []).map((id) => byId?.get(id)).filter((e) => e !== undefined);
      ui.uiContainer.replaceChildren(...(found.length ? [termTooltip(document, found)] : []));
    },
  };
  const tooltips = wireTermTooltips({ doc: document, surface: tooltipSurface });

  const apply = () => {
    annotator?.prune();
    for (const el of watched)
      if (!el.isConnected) {
        near.unobserve(el);
        watched.delete(el);
        onScreen.delete(el);
      }
    // Watched until they come on screen while the reader stops there.
    for (const el of posts)
      if (!watched.has(el) && !annotator?.isAnnotated(el)) {
        watched.add(el);
        near.observe(el);
      }
  };

  const onSettingChange = async () => {
    const next = await currentMode();
    if (next === mode || ctx.isInvalid) return;
    tooltips.hide();
    soon.clear();
    near.disconnect();
    watched.clear();
    onScreen.clear();
    annotator?.clear();
    mode = next;
    annotator = makeAnnotator(mode);
    apply();
  };
  // Stopped with the script: once the reader turns Threadside off for the site, a setting
  // changed later must not bring the underlines back.
  onStop(
    ctx,
    deps.watchGlossaryMode(() => void onSettingChange()),
  );

  onStop(ctx, () => {
    tooltips.stop();
    soon.clear();
    near.disconnect();
    annotator?.clear();
  });

  return {
    matcher,
    /** The entries by id, read on first use. */
    entries,
    /**
     * "Explain with Threadside": the tooltip for the terms in the reader's selection, or a
     * plain "no explanation" with searches. False when nothing is selected.
     */
    async explainSelection(): Promise<boolean> {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
      const range = selection.getRangeAt(0).cloneRange();
      const inPost = posts.find((p) => p.contains(range.commonAncestorContainer));
      const context = (inPost ?? range.commonAncestorContainer).textContent ?? '';
      // Looked up in the background, which holds the glossary: the page's script stays small.
      // The background reads as much of these as it needs.
      const found = await deps.askBackground('explain', {
        selected: selection.toString(),
        context,
        thread: threadWords,
      });
      if (!found || ctx.isInvalid) return false;
      const byId = await entries().catch(() => null);
      if (ctx.isInvalid) return false;
      tooltips.showAtRange(range, () => {
        if (!byId && found.kind === 'terms') return void ui.uiContainer.replaceChildren(unreadableTooltip(document));
        const content =
          found.kind === 'terms'
            ? termTooltip(
                document,
                found.ids.map((id) => byId!.get(id)!),
                false,
              )
            : noTermTooltip(document, found.words, found.searches);
        ui.uiContainer.replaceChildren(content);
      });
      return true;
    },
    /**
     * The terms in the thread's title as the bar shows it (the bar's own closed shadow root),
     * as in posts: marked again whenever the bar has written the title anew.
     */
    markTitle(el: Element) {
      if (ctx.isInvalid || !annotator || el.querySelector(`[${THREADSIDE_ATTR}="term"]`)) return;
      annotator.clearElement(el);
      annotator.annotate(el);
      // A title holds a few terms at most: each its own Tab stop, in the bar's own tab order.
      for (const t of el.querySelectorAll<HTMLElement>(`[${TERM_ATTR}]`)) {
        t.tabIndex = 0;
        describedByTooltip(t, host);
      }
    },
    /** Tooltips for terms inside another shadow root (the summary panel's). */
    attachTooltips(root: ShadowRoot) {
      const extra = wireTermTooltips({ doc: root as unknown as Document, surface: tooltipSurface });
      onStop(ctx, () => extra.stop());
    },
    /** The post text elements on the page now; new ones get annotated, in slices. */
    setPosts(elements: Element[], skip: string, thread = '') {
      if (ctx.isInvalid) return;
      posts = elements;
      notOwnWords = skip;
      threadWords = thread;
      if (annotator) apply();
    },
  };
}
