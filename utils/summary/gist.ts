import { splitSentences } from './sentences';
import type { KeyPoint, Summary } from './summarise';
import { contentWords } from './text';

/**
 * The optional gist: two or three sentences a browser's on-device model writes from the
 * summary's key points only (never from the posts themselves), each sentence linked back
 * to the posts whose points it draws on. The key points stay the ground truth.
 */
export interface GistSentence {
  text: string;
  /** The posts of the key points this sentence shares the most words with. */
  posts: number[];
}

const MAX_SENTENCES = 3;

/** What the model is given: the key points, with their caveats, one per line. */
export function gistSource(s: Pick<Summary, 'keyPoints'>): string {
  return s.keyPoints.map((k) => `- ${k.caveat ? `${k.text} ${k.caveat}` : k.text}`).join('\n');
}

export function linkGist(gist: string, points: KeyPoint[]): GistSentence[] {
  const pointWords = points.map((k) => new Set(contentWords(`${k.text} ${k.caveat ?? ''}`)));
  return splitSentences(gist.replace(/^\s*[-*•]\s*/gm, ''))
    .slice(0, MAX_SENTENCES)
    .map(({ text }) => {
      const words = new Set(contentWords(text));
      const shared = pointWords.map((w) => [...words].filter((x) => w.has(x)).length);
      const best = Math.max(0, ...shared);
      // A sentence that shares nothing with any point is shown without a link: nothing backs it.
      const posts =
        best < 2 ? [] : points.filter((_, i) => shared[i] >= Math.max(2, best - 1)).map((k) => k.postNumber);
      return { text, posts: [...new Set(posts)].slice(0, 2) };
    });
}
