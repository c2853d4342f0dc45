import { z } from 'zod';
import type { ThreadInput } from './summarise';

/** The thread file the summarise command reads: checked before anything trusts it. */
const threadInputSchema: z.ZodType<ThreadInput, unknown> = z.object({
  title: z.string().max(1000),
  posts: z
    .array(
      z.object({
        post_number: z.number().int().positive(),
        username: z.string().max(200),
        like_count: z.number().int().nonnegative().default(0),
        text: z.string().max(200_000),
      }),
    )
    .max(100_000),
});

export function parseThreadInput(text: string): { ok: true; thread: ThreadInput } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not JSON (is the file complete?)' };
  }
  const parsed = threadInputSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, message: `${i.path.join('.') || 'the file'}: ${i.message}` };
  }
  return { ok: true, thread: parsed.data };
}
