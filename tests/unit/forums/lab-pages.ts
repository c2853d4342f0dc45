import { otherEngineAnswer } from '../../forum-lab/other-engines';

/** The demo forum's origin as the unit tests name it (no server runs: labs answer directly). */
export const LAB_ORIGIN = 'http://127.0.0.1:4317';

/** What the demo forum answers at `path` (or a full address on its origin), as served. */
export function labAnswer(path: string) {
  const url = new URL(path, LAB_ORIGIN);
  const answer = otherEngineAnswer(url, LAB_ORIGIN);
  if (!answer) throw new Error(`no engine lab owns ${url.pathname}`);
  return { ...answer, url: url.href };
}

/** A page of the demo forum as a Document, the way the content script sees it with scripts off. */
export function labDoc(path: string): Document {
  const a = labAnswer(path);
  if (a.status !== 200 || a.type !== 'html') throw new Error(`${path} answered ${a.status} ${a.type}`);
  return new DOMParser().parseFromString(a.body, 'text/html');
}
