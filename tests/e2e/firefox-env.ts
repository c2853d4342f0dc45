import { afterAll, afterEach, beforeAll } from 'vitest';
import { startForum, type ForumLab } from '../forum-lab/server';
import { launchReader, type Reader, type ReaderOptions } from './reader';

/**
 * One demo forum and one Firefox reader for a test file; the tabs a test opened are closed
 * after it, failed or not, so the next starts with none of the last one's threads open.
 */
export function useForumAndFirefox(opts: ReaderOptions = {}) {
  const env = {} as { forum: ForumLab; reader: Reader };
  beforeAll(async () => {
    env.forum = await startForum({ port: 0 });
    env.reader = await launchReader('firefox', opts);
  }, 120_000);
  afterEach(() => env.reader?.closeTabs());
  afterAll(async () => {
    await env.reader?.close();
    await env.forum?.close();
  });
  return env;
}
