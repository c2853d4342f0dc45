import type { ThreadView } from '../../utils/forums/adapter';
import { detectEngine } from '../../utils/forums/detect-engine';
import { vetThread } from '../../utils/forums/vet-thread';
import { readerOf } from './page-adapters';
import { askBackground } from '../../utils/browser/messages';
import type { ThreadInput } from '../../utils/summary/summarise';
import type { PostsRead } from '../../utils/summary/read-status';

type InputPost = ThreadInput['posts'][number];

const asInput = (thread: ThreadView): InputPost[] => {
  const { postText } = readerOf(thread.engine);
  return thread.posts.map((p) => ({
    post_number: p.postNumber,
    username: p.author,
    like_count: 0,
    text: postText(p.contentElement),
  }));
};

/**
 * Post 1 from the thread's first page, fetched by the background (the forum's own origin
 * only) and read here in an inert document, never put into the page.
 */
async function questionFromPageOne(thread: ThreadView): Promise<InputPost | null> {
  const reader = readerOf(thread.engine);
  const url = reader.postAddress({ url: thread.canonicalUrl, perPage: thread.pages?.perPage }, 1);
  const res = await askBackground('firstPage', { engine: thread.engine, threadId: thread.threadId, url });
  if (!res.ok) return null;
  const doc = new DOMParser().parseFromString(res.html, 'text/html');
  const raw = detectEngine(doc) === thread.engine ? reader.readThread(doc, url) : null;
  const first = raw && vetThread(raw, url, reader);
  if (first?.threadId !== thread.threadId) return null;
  return asInput(first).find((p) => p.post_number === 1) ?? null;
}

/** The posts on this page to summarise, led by the thread's question when it is elsewhere. */
export async function pagePosts(thread: ThreadView): Promise<{ input: ThreadInput; read: PostsRead | null }> {
  const posts = asInput(thread);
  if (posts.length === 0) return { input: { title: thread.title, posts }, read: null };
  const read: PostsRead = { first: posts[0].post_number, last: posts.at(-1)!.post_number, questionFromPageOne: false };
  if (read.first > 1) {
    const question = await questionFromPageOne(thread).catch(() => null);
    if (question) {
      posts.unshift(question);
      read.questionFromPageOne = true;
    }
  }
  return { input: { title: thread.title, posts }, read: read.first > 1 || thread.pages ? read : null };
}
