import { otherEngineAnswer } from '../../forum-lab/other-engines';

/** The demo forums' origin in unit tests (no server: the labs render the pages directly). */
export const LAB = 'http://127.0.0.1:4317';

export interface LabPage {
  status: number;
  body: string;
  doc: Document;
}

// Parsing a page of twenty posts takes happy-dom a while; adapters only read, so pages are shared.
const parsed = new Map<string, LabPage>();

/** What the demo forum answers for `path`, as a status and a parsed document. */
export function labPage(path: string, edit?: (html: string) => string): LabPage {
  if (!edit && parsed.has(path)) return parsed.get(path)!;
  const answer = otherEngineAnswer(new URL(LAB + path), LAB);
  const body = (edit ?? ((h) => h))(answer?.body ?? '');
  const page = { status: answer?.status ?? 404, body, doc: new DOMParser().parseFromString(body, 'text/html') };
  if (!edit) parsed.set(path, page);
  return page;
}

/** The page at `path` as a Document, failing loudly when the demo forum has no such page. */
export function labDoc(path: string, edit?: (html: string) => string): Document {
  const page = labPage(path, edit);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  return page.doc;
}
