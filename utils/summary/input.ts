import { z } from '../zod';
import { MAX_POST_NUMBER, MAX_SUMMARY_POSTS } from '../forums/limits';
import type { ThreadInput } from './summarise';

const postNumber = z.number().int().positive().max(MAX_POST_NUMBER);

/** A thread to summarise, checked before anything trusts it: a file, or what a page sent. */
const threadInputSchema = (maxPosts: number): z.ZodType<ThreadInput, unknown> =>
  z.object({
    title: z.string().max(1000),
    posts: z
      .array(
        z.object({
          post_number: postNumber,
          username: z.string().max(200),
          like_count: z.number().int().nonnegative().max(MAX_POST_NUMBER).default(0),
          text: z.string().max(200_000),
          staff: z.boolean().optional(),
        }),
      )
      .max(maxPosts),
    postsInThread: postNumber.optional(),
  });

/** A page's request for a summary of its thread (see PageMessages.summarise). */
export function checkSummaryRequest(request: unknown) {
  return z
    .object({
      threadId: z.string().min(1).max(100),
      highestPostNumber: z.number().int().nonnegative().max(MAX_POST_NUMBER),
      firstNew: postNumber.nullable(),
      thread: threadInputSchema(MAX_SUMMARY_POSTS),
      partial: z.boolean().optional(),
    })
    .parse(request);
}

export function parseThreadInput(text: string): { ok: true; thread: ThreadInput } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not JSON (is the file complete?)' };
  }
  const parsed = threadInputSchema(100_000).safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, message: `${i.path.join('.') || 'the file'}: ${i.message}` };
  }
  return { ok: true, thread: parsed.data };
}
