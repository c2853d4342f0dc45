import { expect } from 'vitest';
import type { ThreadView } from '../../../utils/forums/adapter';
import { readThreadFromPage } from '../../../utils/forums/registry';
import { otherEngineAnswer } from '../../forum-lab/other-engines';

/** The demo forum's origin in these tests; pages are answered without a server. */
export const LAB_ORIGIN = 'http://127.0.0.1:4317';

/** A demo-forum page as the forum answers it: its status, and the page as a Document. */
export function labPage(path: string): { status: number; url: string; doc: Document } {
  const url = new URL(path, LAB_ORIGIN);
  const answer = otherEngineAnswer(url, LAB_ORIGIN);
  if (!answer) throw new Error(`No demo engine owns ${path}`);
  return { status: answer.status, url: url.href, doc: new DOMParser().parseFromString(answer.body, 'text/html') };
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

/** A demo-forum page that must be there: the Document, or a failure naming the address. */
export function servedDoc(path: string): Document {
  const { status, doc } = labPage(path);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return doc;
}
