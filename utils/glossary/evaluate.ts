import { z } from '../zod';
import type { TermFinder } from './annotate';

/**
 * Scores the matcher on an evaluation set of posts labelled by hand: recall on the forms a
 * reader must find explained, and every underline that falls on no labelled form (a false
 * positive). Pure: posts and a finder in, figures out.
 */
export const evalPostSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    category: z.string(),
    text: z.string().min(1),
    must: z.array(z.object({ form: z.string().min(1), term: z.string().min(1) }).strict()),
    may: z.array(z.string().min(1)),
    mustNot: z.array(z.string().min(1)),
  })
  .strict();
export const evalSetSchema = z.array(evalPostSchema).min(1);
export type EvalPost = z.infer<typeof evalPostSchema>;

export interface EvalResult {
  posts: number;
  must: number;
  found: number;
  recall: number;
  underlines: number;
  falsePositives: Array<{ post: string; text: string }>;
  precision: number;
  missed: Array<{ post: string; form: string; term: string }>;
  /** A labelled form that is not in its post as a whole word: a fault in the set, not the matcher. */
  badLabels: string[];
}

const isWord = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** Every whole-word occurrence of `form` in `text`, as [start, end). */
function occurrences(text: string, form: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1))
    if (!isWord(text[i - 1]) && !isWord(text[i + form.length])) out.push([i, i + form.length]);
  return out;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

export function evaluate(
  posts: readonly EvalPost[],
  finder: TermFinder,
  shown: (ids: string[]) => boolean,
): EvalResult {
  let must = 0;
  let found = 0;
  let underlines = 0;
  const falsePositives: EvalResult['falsePositives'] = [];
  const missed: EvalResult['missed'] = [];
  const badLabels: string[] = [];
  for (const post of posts) {
    const matches = finder
      .match(post.text, post.text, `${post.title}\n${post.category}`)
      .filter((m) => shown(m.ids))
      .map((m) => ({ span: [m.start, m.end] as [number, number], text: m.text }));
    underlines += matches.length;
    const allowed: Array<[number, number]> = [];
    for (const form of [...post.must.map((m) => m.form), ...post.may]) {
      const at = occurrences(post.text, form);
      if (at.length === 0) badLabels.push(`${post.id}: "${form}"`);
      allowed.push(...at);
    }
    for (const { form, term } of post.must) {
      const first = occurrences(post.text, form)[0];
      if (!first) continue;
      must++;
      // Found when an underline covers most of the form or the form most of it: "CAR T" of
      // "CAR T cell therapy", "Interim P E T" for "P E T scan".
      const hit = matches.some((m) => {
        const shared = Math.min(m.span[1], first[1]) - Math.max(m.span[0], first[0]);
        return shared > 0 && shared * 2 >= Math.min(m.span[1] - m.span[0], first[1] - first[0]);
      });
      if (hit) found++;
      else missed.push({ post: post.id, form, term });
    }
    for (const m of matches)
      if (!allowed.some((a) => overlaps(a, m.span))) falsePositives.push({ post: post.id, text: m.text });
  }
  return {
    posts: posts.length,
    must,
    found,
    recall: must ? found / must : 1,
    underlines,
    falsePositives,
    precision: underlines ? (underlines - falsePositives.length) / underlines : 1,
    missed,
    badLabels,
  };
}
