import { demoThread, pagedDemo, type EnginePost } from '../data/engine-threads';
import { html, type EngineLab } from './engine-lab';
import { messagePath, notFoundPage, threadPage, threadPath, type KhorosThread } from './khoros-markup';

/**
 * The Khoros demo community under `/t5/`: markup as Khoros serves it (see `khoros-markup.ts`;
 * Khoros is closed source). It answers a thread's pages (`…/td-p/ID`, `…/td-p/ID/page/K`) and
 * its messages' addresses (`…/m-p/MID`, served as the page that holds the message).
 */
const harvest: EnginePost[] = [
  {
    n: 1,
    username: 'Rosie_G',
    time: '2025-03-12T09:14:00.000Z',
    paragraphs: ['Harvest tomorrow after G-CSF injections. My CD34 count was good. Any tips for the apheresis day?'],
  },
  {
    n: 2,
    username: 'Andy_M',
    time: '2025-03-12T11:02:00.000Z',
    paragraphs: ['Take a book and eat a good breakfast. Mine took one session. Good luck with the ASCT.'],
  },
];

const long = demoThread(27, 11);
export const KHOROS_THREADS: KhorosThread[] = [
  {
    board: 'Myeloma',
    slug: 'Stem-cell-harvest-tomorrow',
    id: 123456,
    title: 'Stem cell harvest tomorrow',
    posts: harvest,
    messageId: (n) => (n === 1 ? 123456 : 123468 + n),
    perPage: 10,
  },
  {
    board: 'Lymphoma',
    slug: 'Treatment-diaries-2025-how-is-everyone-getting-on',
    id: 204811,
    // Its own title: the e2e tests save every engine's demo thread in one browser profile.
    title: 'Treatment diaries 2025 - how is everyone getting on?',
    posts: long.posts,
    messageId: (n) => (n === 1 ? 204811 : 204811 + n * 13),
    perPage: 10,
  },
];

const pages = (t: KhorosThread) => Math.ceil(t.posts.length / t.perPage);
const pageOfPost = (t: KhorosThread, n: number) => Math.ceil(n / t.perPage);

function answer(path: string, origin: string): string | null {
  for (const t of KHOROS_THREADS) {
    if (path === threadPath(t)) return threadPage(t, 1, origin);
    const k = Number(path.match(/\/page\/([1-9]\d*)$/)?.[1]);
    if (k >= 2 && k <= pages(t) && path === threadPath(t, k)) return threadPage(t, k, origin);
    const message = t.posts.find((p) => path === messagePath(t, p.n));
    if (message) return threadPage(t, pageOfPost(t, message.n), origin);
  }
  return null;
}

const longThread = KHOROS_THREADS[1];
// Every message says "Message N of 27".
const demo = pagedDemo({
  thread: longThread,
  perPage: longThread.perPage,
  pagePath: (k) => threadPath(longThread, k),
  // The message's text, which Threadside scrolls to the top (the message has no article).
  postSelector: (n) =>
    `.lia-message-view-wrapper[data-lia-message-uid="${longThread.messageId(n)}"] .lia-message-body-content`,
  term: 'R-CHOP',
});

export const khorosLab: EngineLab = {
  engine: 'khoros',
  prefixes: ['/t5/'],
  otherThreads: [threadPath(KHOROS_THREADS[0])],
  answer(url, origin) {
    const page = url.search ? null : answer(url.pathname, origin);
    return page ? html(page) : null;
  },
  notFound: notFoundPage,
  demo,
};
