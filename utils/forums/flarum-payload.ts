/**
 * Flarum writes the discussion it serves into `<script id="flarum-json-payload">` (its API
 * document: counts, and the posts the page shows), for the app to start from. Read as data,
 * each field checked, never run.
 */
export interface FlarumDiscussion {
  commentCount: number;
  lastPostNumber?: number;
  /** The posts the server's view shows, in its order. */
  posts: Array<{ id: string; number?: number; createdAt?: string; username?: string }>;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
/** The id a to-one relationship points at. */
const related = (r: Json, name: string) => str(obj(obj(obj(r.relationships)?.[name])?.data)?.id);

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The payload's discussion when it is discussion `threadId`; null when absent, broken or another. */
export function flarumPayload(doc: Document, threadId: string): FlarumDiscussion | null {
  const raw = doc.getElementById('flarum-json-payload')?.textContent;
  const api = obj(obj(raw ? parse(raw) : null)?.apiDocument);
  const data = obj(api?.data);
  const attributes = obj(data?.attributes);
  const commentCount = count(attributes?.commentCount);
  if (!data || data.type !== 'discussions' || data.id !== threadId || commentCount === undefined) return null;
  const included = (Array.isArray(api?.included) ? api.included : []).map(obj).filter((r) => !!r);
  const users = new Map(
    included.filter((r) => r.type === 'users').map((r) => [str(r.id), str(obj(r.attributes)?.username)]),
  );
  // As Flarum's Discussion content controller picks them: posts of this discussion with a body.
  const posts = included
    .filter(
      (r) =>
        r.type === 'posts' &&
        typeof obj(r.attributes)?.contentHtml === 'string' &&
        related(r, 'discussion') === threadId,
    )
    .map((r) => {
      const a = obj(r.attributes);
      const number = count(a?.number);
      return {
        id: str(r.id) ?? '',
        number: number && number > 0 ? number : undefined,
        createdAt: str(a?.createdAt),
        username: users.get(related(r, 'user')),
      };
    });
  return { commentCount, lastPostNumber: count(attributes?.lastPostNumber), posts };
}
