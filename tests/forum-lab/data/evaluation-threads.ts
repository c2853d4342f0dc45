import evalSet from '../../summary-eval/threads.json' with { type: 'json' };
import type { ThreadSource } from '../store';

/**
 * Threads from the summary evaluation set (written by us for it), served by the demo forum
 * too, so a newcomer can see the summary's safety section and its signposting: a thread
 * where a member says he has thought everyone would be better off without him, and the
 * replies that point him to help.
 */
const SHOWN: Array<{ id: number; from: string; start: string }> = [
  { id: 2101, from: 'low-mood-after-stem-cell-transplant', start: '2024-05-03T19:40:00.000Z' },
];

export const EVALUATION_THREADS: ThreadSource[] = SHOWN.map(({ id, from, start }) => {
  const t = evalSet.threads.find((x) => x.id === from)!;
  return {
    id,
    slug: from,
    title: t.title,
    category: t.category,
    start,
    posts: t.posts.map((p) => ({ username: p.username, text: p.text, like_count: p.like_count })),
  };
});
