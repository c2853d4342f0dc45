import { h } from './dom';
import { count as countText, plural, withoutBidiControls } from '../utils/words';
import { fromReader } from '../utils/page/reader-input';

export interface ThreadBarState {
  title: string;
  postCount: number;
  /** Posts the page holds right now; forums load long threads in pieces. */
  loadedCount: number;
  /** The page states no total: "at least" this many. */
  atLeast?: boolean;
}

const postsLabel = (n: number) => plural(n, 'post', 'posts');

/**
 * The in-page presence of Threadside on a thread: title, post count, and the actions later
 * features fill (shown switched off so the layout does not jump when they arrive).
 *
 * Plain DOM rather than React: this runs on every forum page, and React alone pushed the
 * first page load past the 50 ms long-task budget.
 */
export interface ThreadBarActions {
  onToggleSave(): void;
  /** `byKeyboard`: pressed with a key (a click's `detail` is 0), so the keyboard's place goes to the post too. */
  onJumpToNew(byKeyboard: boolean): void;
  /** The reader has seen the new replies: nothing stays new. */
  onMarkRead(): void;
  onToggleSummary(): void;
  /** The reader folded the bar away (×) or brought it back: remembered for the site. */
  onHiddenChange(hidden: boolean): void;
}

export function createThreadBar(doc: Document, actions: ThreadBarActions) {
  // Ids are scoped to the bar's shadow root, so a fixed one cannot meet the forum's.
  const title = h(doc, 'span', {
    class: 'ts-title',
    id: 'ts-thread-title',
    dir: 'auto',
    'data-testid': 'thread-title',
  });
  // Two lines keep the bar small over the forum; what they cut off is one click away.
  const wholeTitle = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'ts-link-button',
      hidden: true,
      'aria-expanded': 'false',
      'aria-controls': 'ts-thread-title',
      'data-testid': 'whole-title',
    },
    'Show whole title',
  );
  const openTitle = (open: boolean) => {
    title.classList.toggle('ts-title--open', open);
    wholeTitle.setAttribute('aria-expanded', String(open));
    wholeTitle.textContent = open ? 'Show less' : 'Show whole title';
  };
  wholeTitle.addEventListener(
    'click',
    fromReader(() => openTitle(wholeTitle.getAttribute('aria-expanded') !== 'true')),
  );
  // Whether the clamp cut anything depends on the title, the screen and the zoom: measured
  // whenever the title's box changes, not guessed from its length. Only from a resize
  // observer, whose callback comes just after the browser's layout: measured at any other
  // time, a page still drawing its posts would be laid out again there and then.
  const titleCut = () => title.scrollHeight > title.clientHeight + 1;
  const measureTitle = () => {
    const open = title.classList.contains('ts-title--open');
    if (!open) wholeTitle.hidden = !titleCut();
    // Whole, it may scroll (a third of the window at most): then the keyboard can scroll it
    // too, and a screen reader names the stop it makes.
    if (open && titleCut()) {
      title.tabIndex = 0;
      title.setAttribute('role', 'region');
      title.setAttribute('aria-label', 'Whole thread title');
    } else for (const a of ['tabindex', 'role', 'aria-label']) title.removeAttribute(a);
  };
  const titleBox = typeof ResizeObserver === 'function' ? new ResizeObserver(measureTitle) : null;
  titleBox?.observe(title);
  const count = h(doc, 'span', { class: 'ts-count', 'data-testid': 'post-count' });
  // What a save or an unsave came to, said to a screen reader (a shortcut's too, which
  // moves no focus). Of no size: the page, which sees the bar's box, learns nothing by it.
  const said = h(doc, 'span', { class: 'ts-visually-hidden', role: 'status', 'data-testid': 'bar-status' });
  const save = h(
    doc,
    'button',
    { type: 'button', class: 'ts-button ts-save', 'aria-pressed': 'false', disabled: true, 'data-testid': 'save' },
    'Save',
  );
  save.addEventListener(
    'click',
    fromReader(() => actions.onToggleSave()),
  );
  const summary = h(
    doc,
    'button',
    { type: 'button', class: 'ts-button', 'data-testid': 'summary', title: 'Summarise this thread on this computer' },
    'Summary',
  );
  summary.addEventListener(
    'click',
    fromReader(() => actions.onToggleSummary()),
  );
  const jump = h(doc, 'button', {
    type: 'button',
    class: 'ts-button ts-jump',
    hidden: true,
    'data-testid': 'jump-new',
  });
  jump.addEventListener(
    'click',
    fromReader((e: MouseEvent) => actions.onJumpToNew(e.detail === 0)),
  );
  const markRead = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'ts-button ts-icon-button',
      hidden: true,
      'data-testid': 'mark-read',
      'aria-label': 'Mark as read',
      title: 'Mark as read: nothing here stays new',
    },
    '✓',
  );
  markRead.addEventListener(
    'click',
    fromReader(() => {
      // The button goes with the news: focus stays in the bar, not dropped onto the page.
      save.focus();
      actions.onMarkRead();
    }),
  );
  const hide = h(
    doc,
    'button',
    { type: 'button', class: 'ts-button ts-icon-button', 'aria-label': 'Hide Threadside bar', 'aria-expanded': 'true' },
    '×',
  );
  const show = h(
    doc,
    'button',
    { type: 'button', class: 'ts-button ts-brand-button', 'aria-expanded': 'false' },
    h(doc, 'span', { class: 'ts-logo', 'aria-hidden': 'true' }),
    'Threadside',
  );

  const full = h(
    doc,
    'div',
    { class: 'ts-bar', role: 'region', 'aria-label': 'Threadside' },
    h(doc, 'span', { class: 'ts-logo', 'aria-hidden': 'true' }),
    h(doc, 'div', { class: 'ts-thread' }, title, wholeTitle, count),
    // The jump button comes and goes, and "Save" becomes "Saved": neither moves the buttons
    // before it, where the reader may be about to click.
    h(doc, 'div', { class: 'ts-actions' }, save, summary, jump, markRead, hide, said),
  );
  const collapsed = h(
    doc,
    'div',
    { class: 'ts-bar ts-bar--collapsed', role: 'region', 'aria-label': 'Threadside', hidden: true },
    show,
  );

  const fold = (hidden: boolean) => {
    full.hidden = hidden;
    collapsed.hidden = !hidden;
  };
  hide.addEventListener(
    'click',
    fromReader(() => {
      fold(true);
      show.focus();
      actions.onHiddenChange(true);
    }),
  );
  show.addEventListener(
    'click',
    fromReader(() => {
      fold(false);
      hide.focus();
      actions.onHiddenChange(false);
    }),
  );

  let shown = '';
  let saveKey: string | null = null;
  const saveTitle = () => {
    const key = saveKey ? ` (${saveKey})` : '';
    save.title =
      save.getAttribute('aria-pressed') === 'true'
        ? `Saved to your Threadside list. Click to remove it${key}`
        : `Save this thread to follow it${key}`;
  };
  return {
    elements: [full, collapsed],
    /** Folded to its small button (the reader hid it on this site before), or opened. */
    setHidden(hidden: boolean) {
      if (full.hidden !== hidden) fold(hidden);
    },
    /** The title's element, for the glossary to mark the terms in it. */
    titleElement: title,
    /** New replies since the reader's last visit: offers a jump to the first one. */
    setNewReplies(n: number) {
      jump.hidden = n <= 0;
      markRead.hidden = n <= 0;
      jump.textContent = `Jump to first new reply (${countText(n)})`;
    },
    /** null while Threadside does not know yet (the button waits, switched off). */
    setSaved(saved: boolean | null) {
      if (saved !== null) save.classList.remove('ts-save--failed');
      save.disabled = saved === null;
      save.setAttribute('aria-pressed', String(saved === true));
      save.textContent = saved ? 'Saved' : 'Save';
      saveTitle();
    },
    /**
     * The reader's key for Save as their browser has it ("Alt+Shift+K"), or null for none:
     * they may have changed it, or lost it to another add-on.
     */
    setSaveKey(key: string | null) {
      saveKey = key;
      if (!save.classList.contains('ts-save--failed')) saveTitle();
    },
    /** A save or an unsave the reader asked for was done: said, as the button already shows. */
    saveDone(saved: boolean) {
      // Saving again within the hour is the undo: the note and place come back with it.
      said.textContent = saved
        ? 'Saved to your Threadside list.'
        : 'Removed from your Threadside list. Save it again to undo: its note and place come back.';
    },
    /**
     * A save or an unsave could not be done (storage full, the extension updating): the
     * button offers it again, in the same space, and says why on hover and aloud.
     */
    saveFailed(wasSaved: boolean) {
      const why = wasSaved
        ? 'Threadside could not remove this thread from your list just now. Try again, or reload the page.'
        : 'Threadside could not save this thread just now. Try again, or reload the page.';
      save.classList.add('ts-save--failed');
      save.textContent = 'Retry';
      save.title = why;
      said.textContent = why;
    },
    update(state: ThreadBarState) {
      // Read again on every change to the stream: most readings change nothing here.
      const key = `${state.title}\n${state.postCount}\n${state.loadedCount}\n${state.atLeast}`;
      if (key === shown) return;
      shown = key;
      const text = withoutBidiControls(state.title);
      // Only a new title is written and measured: a reading that brought more posts leaves
      // the title's underlines in place and forces no layout of the page.
      if (title.textContent !== text) {
        // A new thread's title starts shut again.
        openTitle(false);
        title.textContent = text;
        title.title = text;
        // A new title two lines long keeps the box's size, so the observer would not say:
        // observed anew, it reports the box once more after the next layout.
        titleBox?.unobserve(title);
        titleBox?.observe(title);
      }
      const total = `${state.atLeast ? 'at least ' : ''}${postsLabel(state.postCount)}`;
      count.textContent = total;
      count.title = `${countText(state.loadedCount)} of ${total} loaded on this page`;
    },
  };
}
