import { SUMMARY_HEAD } from '../forums/limits';
import { plural } from '../words';
import type { Summary } from './summarise';

/** Which posts a summary read where it reads the page: this page's, and the question. */
export interface PostsRead {
  first: number;
  last: number;
  /** Post 1, read from the thread's first page because this page does not hold it. */
  questionFromPageOne: boolean;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** The summary's status line: how much of the thread it read, so the reader can judge it. */
export function readStatus(whole: Summary, read: PostsRead | null): string {
  if (read) {
    const range = read.first === read.last ? `Post ${n(read.first)}` : `Posts ${n(read.first)}–${n(read.last)}`;
    const question = read.questionFromPageOne ? ', and the question from page 1' : '';
    return `${range} (this page${question}) read on this computer.`;
  }
  if (whole.postsInThread)
    return `${plural(whole.postCount, 'post', 'posts')} of ${n(whole.postsInThread)} read on this computer: the first ${n(SUMMARY_HEAD)} and the latest.`;
  return `${n(whole.postCount)} posts read on this computer.`;
}
