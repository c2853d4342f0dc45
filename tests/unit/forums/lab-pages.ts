import { expect, it } from 'vitest';
import type { ForumAdapter, PostView, ThreadView } from '../../../utils/forums/adapter';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import type { PagedPost } from '../../forum-lab/data/paged-threads';
import { otherEngineAnswer } from '../../forum-lab/other-engines';

/** The demo forum's origin in these tests; pages are answered without a server. */
export const LAB_ORIGIN = 'http://127.0.0.1:4317';
export const LAB = LAB_ORIGIN;

export interface LabPage {
  status: number;
  /** Where a redirect sends the browser. */
  location?: string;
  url: string;
  body: string;
  doc: Document;
}

/**
 * A demo-forum page as the forum answers it: its status, its HTML (after `edit`, what a
 * forum's version or theme could change) and the page as a Document of its own, which a
 * test may change (`readLabThread` shares its readings, which nothing changes).
 */
export function labPage(path: string, edit?: (html: string) => string): LabPage {
  const url = new URL(path, LAB_ORIGIN);
  const answer = otherEngineAnswer(url, LAB_ORIGIN);
  if (!answer) throw new Error(`No demo engine owns ${path}`);
  const body = edit ? edit(answer.body) : answer.body;
  return {
    status: answer.status,
    location: answer.location,
    url: url.href,
    body,
    doc: new DOMParser().parseFromString(body, 'text/html'),
  };
}

/** The page at `path` as a Document, failing loudly when the demo forum has no such page. */
export function labDoc(path: string, edit?: (html: string) => string): Document {
  const page = labPage(path, edit);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  return page.doc;
}

/** A page's text with its runs of white space made one space, to compare with what was written. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const read = new Map<string, ThreadView>();
/** A demo-forum page that must answer 200, as the adapter reads it; each parsed once (parsing is slow). */
export function readLabThread(path: string): ThreadView {
  if (!read.has(path)) {
    const { status, url, doc } = labPage(path);
    expect(status, path).toBe(200);
    read.set(path, readThreadFromPage(doc, url)!);
  }
  return read.get(path)!;
}

/** The numbers of the posts on page `k` (from 1) of a thread of `total` posts, `perPage` a full page. */
function postNumbersOnPage(k: number, total: number, perPage: number): number[] {
  const first = (k - 1) * perPage + 1;
  const last = Math.min(total, k * perPage);
  return Array.from({ length: last - first + 1 }, (_, j) => first + j);
}

/** A post as the adapter read it and as the demo thread has it, field by field. */
type PostField = 'postId' | 'author' | 'time';
const asRead = (p: PostView, fields: PostField[]) => [p.postNumber, ...fields.map((f) => p[f])];
const asWritten = (p: PagedPost, fields: PostField[]) => [
  p.number,
  ...fields.map((f) => (f === 'postId' ? String(p.id) : p[f])),
];

/**
 * One test for each page of a demo thread of `pages.total` posts split into full pages of
 * `pages.perPage` (`pages.path(k)` is page k, from 1), as `read` (the adapter's reading of a
 * lab path) sees it: the page names the thread (`thread`, whose `canonicalUrl` must be an
 * address of that thread), states the whole thread's count (not "at least"), its place among
 * the pages and its posts' numbers; with `written`, also those `fields` of each post as the
 * thread has them. `stated` says where the page states the count, for the tests' names.
 */
export function itReadsEveryPage(
  stated: string,
  read: (path: string) => ThreadView,
  d: {
    thread: Pick<ThreadView, 'engine' | 'threadId' | 'title' | 'canonicalUrl'> & Partial<ThreadView>;
    pages: { path: (k: number) => string; total: number; perPage: number };
    written?: { posts: readonly PagedPost[]; fields: PostField[] };
  },
) {
  const { total, perPage } = d.pages;
  const count = Math.ceil(total / perPage);
  const pages = Array.from({ length: count }, (_, i) => i + 1);
  it.each(pages)(`page %i of ${count}: the title, ${stated}, the pages and each post’s number`, (k) => {
    const path = d.pages.path(k);
    const t = read(path);
    expect(t, path).toMatchObject({ ...d.thread, postCount: total });
    expect(t.postCountAtLeast, path).toBeUndefined();
    expect(t.pages, path).toEqual({ current: k, count, perPage });
    expect(isThreadAddress(d.thread.engine, LAB_ORIGIN, d.thread.threadId, t.canonicalUrl), path).toBe(true);
    const numbers = postNumbersOnPage(k, total, perPage);
    expect(
      t.posts.map((p) => p.postNumber),
      path,
    ).toEqual(numbers);
    const written = d.written;
    if (written)
      expect(
        t.posts.map((p) => asRead(p, written.fields)),
        path,
      ).toEqual(numbers.map((n) => asWritten(written.posts[n - 1], written.fields)));
  });
}

/**
 * From each page in `from`, the adapter's address for each post `n` is an address of the
 * thread, and the page there holds post `n` with the id the demo thread gives it.
 */
export function expectPostLinksLand(
  read: (path: string) => ThreadView,
  adapter: Pick<ForumAdapter, 'engine' | 'postAddress'>,
  d: { threadId: string; from: string[]; posts: number[]; written: readonly PagedPost[] },
) {
  for (const from of d.from) {
    const t = read(from);
    for (const n of d.posts) {
      const address = adapter.postAddress({ url: t.canonicalUrl, perPage: t.pages?.perPage }, n);
      expect(isThreadAddress(adapter.engine, LAB_ORIGIN, d.threadId, address), address).toBe(true);
      const there = read(address.slice(LAB_ORIGIN.length));
      expect(there.posts.find((p) => p.postNumber === n)?.postId, address).toBe(String(d.written[n - 1].id));
    }
  }
}

/** A demo-forum page that must be there: the Document, or a failure naming the address. */
export function servedDoc(path: string): Document {
  const { status, doc } = labPage(path);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return doc;
}
