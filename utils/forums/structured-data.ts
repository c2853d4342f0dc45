/**
 * schema.org `DiscussionForumPosting` in JSON-LD, as forums print it: at the top of a block,
 * in an `@graph`, or as the `mainEntity` of a `WebPage` (XenForo 2.3). Pure data work, so the
 * background's count checks (no DOM there) and the page adapters read it the same way.
 */
export interface Posting {
  headline?: unknown;
  url?: unknown;
  commentCount?: unknown;
  interactionStatistic?: unknown;
}

const isPosting = (item: unknown): boolean => {
  const type = (item as { '@type'?: unknown } | null)?.['@type'];
  return type === 'DiscussionForumPosting' || (Array.isArray(type) && type.includes('DiscussionForumPosting'));
};

/** The first DiscussionForumPosting in one parsed JSON-LD block, or null. */
export function postingIn(data: unknown): Posting | null {
  const seen = Array.isArray(data) ? [...(data as unknown[])] : [data];
  for (let i = 0; i < seen.length && i < 50; i++) {
    const item = seen[i] as Record<string, unknown> | null;
    if (!item || typeof item !== 'object') continue;
    if (isPosting(item)) return item;
    if (Array.isArray(item['@graph'])) seen.push(...(item['@graph'] as unknown[]));
    if (item.mainEntity) seen.push(item.mainEntity);
  }
  return null;
}

/** The first DiscussionForumPosting among JSON-LD block texts; broken blocks are skipped. */
export function postingFromBlocks(blocks: Iterable<string>): Posting | null {
  for (const block of blocks) {
    try {
      const found = postingIn(JSON.parse(block));
      if (found) return found;
    } catch {
      /* a broken JSON-LD block is just not a signal */
    }
  }
  return null;
}

/** The texts of a page's JSON-LD blocks, from its HTML (the background has no DOM). */
export function jsonLdBlocksOfHtml(html: string): string[] {
  return [...html.matchAll(/<script[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => m[1],
  );
}

export const jsonLdBlocksOfDoc = (doc: Document): string[] =>
  [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');

const REPLY_TYPES = /^(?:https?:\/\/schema\.org\/)?(?:CommentAction|ReplyAction)$/;
const count = (n: unknown) => {
  const v = typeof n === 'string' && /^\d+$/.test(n) ? Number(n) : n;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
};

/**
 * The replies the posting declares: an `interactionStatistic` of type CommentAction or
 * ReplyAction (one counter or a list), else `commentCount`. Null when it declares none.
 */
export function declaredReplies(p: Posting): number | null {
  const stats = Array.isArray(p.interactionStatistic) ? p.interactionStatistic : [p.interactionStatistic];
  for (const s of stats as Array<Record<string, unknown> | null | undefined>) {
    const type = s?.interactionType;
    const name = typeof type === 'string' ? type : (type as { '@type'?: unknown } | undefined)?.['@type'];
    if (typeof name === 'string' && REPLY_TYPES.test(name)) {
      const n = count(s?.userInteractionCount);
      if (n !== null) return n;
    }
  }
  return count(p.commentCount);
}

/** Posts in the thread (the posting plus its replies) as a page's JSON-LD states it. */
export function declaredPostTotal(blocks: Iterable<string>): number | null {
  const posting = postingFromBlocks(blocks);
  const replies = posting ? declaredReplies(posting) : null;
  return replies === null ? null : replies + 1;
}
