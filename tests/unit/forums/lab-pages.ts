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

/** A demo-forum page that must be there: the Document, or a failure naming the address. */
export function servedDoc(path: string): Document {
  const { status, doc } = labPage(path);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return doc;
}
