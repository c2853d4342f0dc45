/**
 * One forum engine = one adapter. Adapters read a page and hand back plain data plus the
 * elements that hold post text; they never change the page and never touch browser APIs, so
 * they run the same in the extension, in happy-dom unit tests and in Node tools.
 */

export const ENGINES = [
  'discourse',
  'phpbb',
  'xenforo',
  'vbulletin',
  'invision',
  'flarum',
  'nodebb',
  'khoros',
  'healthunlocked',
  'reddit',
  'schema-org',
] as const;
export type EngineId = (typeof ENGINES)[number];

/** What a URL tells us before the page is read. */
export interface ThreadRef {
  engine: EngineId;
  /** Origin of the forum, e.g. "https://forum.bloodcancer.org.uk". */
  origin: string;
  /** The engine's own thread id, as a string so every engine fits. */
  threadId: string;
  /** Post number the URL points at, when it points at one. */
  postNumber?: number;
}

export interface PostView {
  /** 1-based position in the thread as the engine numbers it. */
  postNumber: number;
  /** Engine's post id when the page carries one. */
  postId?: string;
  /** Username (stable handle), not the display name. */
  author: string;
  /** ISO 8601, when the page says. */
  time?: string;
  /** The element that holds the post's own text (not its header, quotes stay inside). */
  contentElement: Element;
}

export interface ThreadView extends ThreadRef {
  title: string;
  canonicalUrl: string;
  /** Total posts in the thread as the forum reports it; may exceed `posts.length`. */
  postCount: number;
  /** The page states no total: the thread has at least `postCount` posts, maybe more. */
  postCountAtLeast?: boolean;
  /** Highest post number the forum reports, when known (deleted posts leave gaps). */
  highestPostNumber?: number;
  /** The posts present in the DOM right now, in thread order. */
  posts: PostView[];
  /**
   * Where the thread is split into pages: this page's number (1-based), how many pages the
   * page says there are, and how many posts a full page holds. Absent on one-page views.
   */
  pages?: ThreadPages;
}

export interface ThreadPages {
  current: number;
  count: number;
  perPage: number;
}

/** What is known about a thread's address without its page: enough to build a post's link. */
export interface ThreadPlace {
  /** The thread's own address, as stored (page 1, no anchor). */
  url: string;
  /** Posts on a full page, when a page said; the engine's default otherwise. */
  perPage?: number;
}

export interface ForumAdapter {
  engine: EngineId;
  /** Does this document come from this engine? Cheap: run on every page load. */
  detect: (doc: Document) => boolean;
  /** Is this URL a thread, and which? Pure string work. */
  parseThreadUrl(url: string): ThreadRef | null;
  /** Read the thread from the page, or null if the page is not a thread. */
  readThread(doc: Document, url: string): ThreadView | null;
  /**
   * The address of post `n` (1-based) the engine's own way: its post-number address where it
   * has one, else the page that holds the post (Threadside then scrolls to it).
   */
  postAddress(thread: ThreadPlace, n: number): string;
  /**
   * Parts of a post's content element that are not the poster's own words: quotes, code,
   * signatures, interface labels. The glossary skips them and `postText` leaves them out.
   */
  notOwnWords: string;
  /** A post's readable text (see `notOwnWords`), for the summary. */
  postText: (content: Element) => string;
}

/**
 * Engines' readers as a page has them: which engine made a page is known at once, while an
 * engine's reader may have to be brought in first (see entrypoints/content/page-adapters.ts).
 */
export interface PageAdapters {
  detect(doc: Document): EngineId | null;
  /** The engine's reader, if it is here already. */
  loaded(engine: EngineId): ForumAdapter | null;
  /** Brings the engine's reader in; asking again while it comes gives the same wait. */
  load(engine: EngineId): Promise<ForumAdapter>;
}
