import { SUMMARY_HEAD } from '../forums/limits';
import { count, plural } from '../words';
import type { Summary } from './summarise';

/** Which posts a summary read where it reads the page: this page's, and the question. */
export interface PostsRead {
  first: number;
  last: number;
  /** Post 1, read from the thread's first page because this page does not hold it. */
  questionFromPageOne: boolean;
}

/** The summary's status line: how much of the thread it read, so the reader can judge it. */
export function readStatus(whole: Summary, read: PostsRead | null): string {
  if (read) {
    const range =
      read.first === read.last ? `Post ${count(read.first)}` : `Posts ${count(read.first)}–${count(read.last)}`;
    const question = read.questionFromPageOne ? ', and the question from page 1' : '';
    return `${range} (this page${question}) read on this computer.`;
  }
  if (whole.postsInThread)
    return `${plural(whole.postCount, 'post', 'posts')} of ${count(whole.postsInThread)} read on this computer: the first ${count(SUMMARY_HEAD)} and the latest.`;
  return `${plural(whole.postCount, 'post', 'posts')} read on this computer.`;
}
