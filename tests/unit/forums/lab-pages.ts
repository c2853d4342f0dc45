import { expect } from 'vitest';
import type { ThreadView } from '../../../utils/forums/adapter';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { otherEngineAnswer } from '../../forum-lab/other-engines';

/** The demo forum's origin in these tests; pages are answered without a server. */
export const LAB_ORIGIN = 'http://127.0.0.1:4317';
export const LAB = LAB_ORIGIN;

export interface LabPage {
  status: number;
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
  return { status: answer.status, url: url.href, body, doc: new DOMParser().parseFromString(body, 'text/html') };
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

/**
 * Checks every page of a demo thread split into full pages of `perPage` posts (`pagePath(k)`
 * for page k): each states the whole thread's count, not "at least", its place among the
 * pages, and the posts' numbers. `read` is the adapter's reading of a lab path.
 */
export function expectEveryPageRead(
  read: (path: string) => ThreadView,
  d: { pagePath: (k: number) => string; total: number; perPage: number; thread: Partial<ThreadView> },
) {
  const count = Math.ceil(d.total / d.perPage);
  for (let k = 1; k <= count; k++) {
    const path = d.pagePath(k);
    const t = read(path);
    expect(t, path).toMatchObject({
      ...d.thread,
      postCount: d.total,
      pages: { current: k, count, perPage: d.perPage },
    });
    expect(t.postCountAtLeast, path).toBeUndefined();
    const first = (k - 1) * d.perPage + 1;
    const last = Math.min(d.total, k * d.perPage);
    expect(
      t.posts.map((p) => p.postNumber),
      path,
    ).toEqual(Array.from({ length: last - first + 1 }, (_, j) => first + j));
  }
}

/** A demo-forum page that must be there: the Document, or a failure naming the address. */
export function servedDoc(path: string): Document {
  const { status, doc } = labPage(path);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return doc;
}
