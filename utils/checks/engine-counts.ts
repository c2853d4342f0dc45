import { z } from '../zod';
import type { SavedThread } from '../db/saved-thread';
import { invisionTotalFromLd } from '../forums/invision';
import { declaredPostTotal, jsonLdBlocksOfHtml } from '../forums/structured-data';
import { threadBase } from '../forums/xenforo';

/**
 * How to learn a thread's reply count on engines without Discourse's /latest sweep: the
 * engine's JSON where it has one (Flarum, NodeBB, Reddit), else the thread page itself
 * (its post counter, or the schema.org comment count it declares). Parsers are pure and
 * take the response text; a page that does not say is "malformed", never a zero.
 */
export interface Counts {
  postCount: number;
  highestPostNumber: number;
}

export interface CountSource {
  url: string;
  /** JSON or HTML: a login page where JSON was expected is "needs sign-in". */
  expects: 'json' | 'html';
  parse(body: string): Counts | null;
}

const flarumSchema = z.object({
  data: z.object({
    attributes: z.object({
      commentCount: z.number().int().nonnegative(),
      lastPostNumber: z.number().int().nonnegative().optional(),
    }),
  }),
});
const nodebbSchema = z.object({ postcount: z.number().int().nonnegative() });
// The post's listing first; the comments' listing after it has no counts of its own.
const redditSchema = z.tuple(
  [
    z.object({
      data: z.object({
        children: z.array(z.object({ data: z.object({ num_comments: z.number().int().nonnegative() }) })),
      }),
    }),
  ],
  z.unknown(),
);

function json<T>(schema: z.ZodType<T>, body: string): T | null {
  try {
    const r = schema.safeParse(JSON.parse(body));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

const counts = (n: number, highest = n): Counts => ({ postCount: n, highestPostNumber: highest });

/** The largest "#N" post counter on a page (XenForo, vBulletin; "#1,234" past a thousand), or null. */
export function highestPostCounter(html: string): number | null {
  const all = [...html.matchAll(/>\s*#(\d{1,3}(?:,\d{3}){1,2}|\d{1,7})\s*</g)].map((m) =>
    Number(m[1].replace(/,/g, '')),
  );
  return all.length ? Math.max(...all) : null;
}

/**
 * "12 posts" in a phpBB pagination bar, after the "First unread post" link a signed-in
 * reader gets there.
 */
export function phpbbPostTotal(html: string): number | null {
  const m = html.match(
    /class="pagination"[^>]*>\s*(?:<a [^>]*class="mark"[^>]*>[^<]*<\/a>\s*&bull;)?\s*([\d,]+)\s+posts?\b/i,
  );
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/**
 * vBulletin 4's "Results 1 to 10 of 27" above the posts (numbers in that order in every
 * language): the thread's total, on any of its pages.
 */
export function vbulletinPostTotal(html: string): number | null {
  const stats = html.match(/id="postpagestats_above"[^>]*>([^<]*)</)?.[1] ?? '';
  const n = [...stats.matchAll(/\d[\d,.]*/g)].map((m) => Number(m[0].replace(/[,.]/g, '')));
  return n.length === 3 && n[2] >= n[1] ? n[2] : null;
}

/** Invision Community's topic total, from the JSON-LD its topic pages carry. */
export function invisionPostTotal(html: string): number | null {
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    try {
      const n = invisionTotalFromLd(JSON.parse(m[1]));
      if (n !== undefined) return n;
    } catch {
      // Another script, or a broken one: try the next.
    }
  }
  return null;
}

/** Khoros' "Message N of T": the thread's total. */
export function khorosPostTotal(html: string): number | null {
  const m = html.match(/class="MessagesPositionInThread"[^>]*>[\s\S]{0,400}?\bof\s+(\d[\d,]*)/);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/**
 * The posts a schema.org DiscussionForumPosting declares (replies + 1): its JSON-LD
 * CommentAction counter or `commentCount`, else a microdata `commentCount`.
 */
export function schemaOrgPostTotal(html: string): number | null {
  const declared = declaredPostTotal(jsonLdBlocksOfHtml(html));
  if (declared !== null) return declared;
  const m = html.match(/itemprop="commentCount"[^>]*content="(\d+)"/);
  return m ? Number(m[1]) + 1 : null;
}

export function countSource(t: SavedThread): CountSource | null {
  const base = t.url.replace(/[?#].*$/, '').replace(/\/$/, '');
  switch (t.engine) {
    case 'flarum':
      return {
        url: `${t.origin}${new URL(t.url).pathname.replace(/\/d\/.*$/, '')}/api/discussions/${t.threadId}`,
        expects: 'json',
        parse: (b) => {
          const d = json(flarumSchema, b);
          return d
            ? counts(d.data.attributes.commentCount, d.data.attributes.lastPostNumber ?? d.data.attributes.commentCount)
            : null;
        },
      };
    case 'nodebb':
      return {
        url: `${t.origin}${new URL(t.url).pathname.replace(/\/topic\/.*$/, '')}/api/topic/${t.threadId}`,
        expects: 'json',
        parse: (b) => {
          const d = json(nodebbSchema, b);
          return d ? counts(d.postcount) : null;
        },
      };
    case 'reddit':
      return {
        url: `${base}.json?limit=1`,
        expects: 'json',
        parse: (b) => {
          const d = json(redditSchema, b);
          const n = d?.[0].data.children[0]?.data.num_comments;
          return n === undefined ? null : counts(n + 1);
        },
      };
    case 'phpbb':
      return {
        url: t.url,
        expects: 'html',
        parse: (b) => {
          const n = phpbbPostTotal(b);
          return n ? counts(n) : null;
        },
      };
    case 'xenforo':
      // The thread's first page: its JSON-LD (2.2 and later, on every page) states the reply
      // count; before 2.2, a thread of one page (no page links) is counted by its last "#N".
      // Not /latest: XenForo answers that with a redirect, which Threadside does not follow.
      return {
        url: threadBase(t.url),
        expects: 'html',
        parse: (b) => {
          const n =
            declaredPostTotal(jsonLdBlocksOfHtml(b)) ?? (/class="pageNav[\s"]/.test(b) ? null : highestPostCounter(b));
          return n ? counts(n) : null;
        },
      };
    case 'khoros':
      // Every message of the first page says "Message N of T".
      return {
        url: t.url,
        expects: 'html',
        parse: (b) => {
          const n = khorosPostTotal(b);
          return n ? counts(n) : null;
        },
      };
    case 'vbulletin':
      // The highest "#N" on page 1 of a long thread is 10, not the total: only a thread of one
      // page (no pagination form) may be counted by its post counters.
      return {
        url: t.url,
        expects: 'html',
        parse: (b) => {
          const n = vbulletinPostTotal(b) ?? (/class="pagination[\s"]/.test(b) ? null : highestPostCounter(b));
          return n ? counts(n) : null;
        },
      };
    case 'invision':
      // The topic's JSON-LD counts its replies; the highest post on page 1 is not the total.
      return {
        url: t.url,
        expects: 'html',
        parse: (b) => {
          const n = invisionPostTotal(b);
          return n ? counts(n) : null;
        },
      };
    case 'healthunlocked':
    case 'schema-org':
      // The thread is its path: what a stored address adds after it is not asked for.
      return {
        url: t.url.replace(/[?#].*$/, ''),
        expects: 'html',
        parse: (b) => {
          const n = schemaOrgPostTotal(b) ?? highestPostCounter(b);
          return n ? counts(n) : null;
        },
      };
    default:
      return null;
  }
}
