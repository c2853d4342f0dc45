import { webOrigin } from './host';
import { MAX_BODY_BYTES } from './limits';
import { boundWait, errorMessages, parseRetryAfter, type FetchResult } from './http-errors';

/**
 * One GET to a forum, its failures sorted into what callers must tell apart: rate limit
 * (with the wait), gone, sign-in wall (an HTML page where JSON was expected, or 401/403),
 * server error, network error, timeout. Never throws.
 */
export interface FetchTextOptions {
  fetch: typeof fetch;
  expects: 'json' | 'html';
  now: () => number;
  timeoutMs?: number;
  credentials?: RequestCredentials;
}

export async function fetchText(url: string, o: FetchTextOptions): Promise<FetchResult<string>> {
  let res: Response;
  try {
    res = await o.fetch(url, {
      headers: { Accept: o.expects === 'json' ? 'application/json' : 'text/html' },
      credentials: o.credentials ?? 'include',
      // No redirect is followed, not even one that comes back: the hop itself would be a
      // request to another site with the reader's cookies there (a sign-in provider would
      // answer it by sending who the reader is back to the forum that asked).
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs ?? 20_000),
    });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, error: { kind: 'timeout', message: errorMessages.timeout(url) } };
    return { ok: false, error: { kind: 'network', detail: String(err), message: errorMessages.network(url) } };
  }
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, error: { kind: 'moved', message: errorMessages.moved(url) } };
  }
  // Only an answer from the forum's own origin is read, however it came to be elsewhere.
  if (res.url && webOrigin(res.url) !== webOrigin(url))
    return { ok: false, error: { kind: 'elsewhere', to: res.url, message: errorMessages.elsewhere(url, res.url) } };
  const isJson = /json/i.test(res.headers.get('content-type') ?? '');
  let body: string | null;
  try {
    body = await readCapped(res, MAX_BODY_BYTES);
  } catch (err) {
    return { ok: false, error: { kind: 'network', detail: String(err), message: errorMessages.network(url) } };
  }
  if (body === null)
    return {
      ok: false,
      error: { kind: 'malformed', detail: `over ${MAX_BODY_BYTES} bytes`, message: errorMessages.malformed(url) },
    };
  if (res.status === 429) {
    let seconds = parseRetryAfter(res.headers.get('retry-after'), o.now());
    if (seconds === null && isJson) {
      try {
        const wait = (JSON.parse(body) as { extras?: { wait_seconds?: unknown } })?.extras?.wait_seconds;
        if (typeof wait === 'number' && wait >= 0) seconds = boundWait(wait);
      } catch {
        /* fall through to the default */
      }
    }
    seconds ??= 60;
    return {
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: seconds, message: errorMessages.rateLimited(url, seconds) },
    };
  }
  if (res.status === 404 || res.status === 410)
    return { ok: false, error: { kind: 'not-found', message: errorMessages.notFound(url) } };
  if (
    res.status === 401 ||
    res.status === 403 ||
    (o.expects === 'json' && res.ok && !isJson && /<html|<!doctype/i.test(body))
  )
    return { ok: false, error: { kind: 'needs-sign-in', message: errorMessages.signIn(url) } };
  if (!res.ok)
    return { ok: false, error: { kind: 'server', status: res.status, message: errorMessages.server(url, res.status) } };
  return { ok: true, data: body };
}

/** The body as text, or null once it passes `cap` bytes (what is past it is never read). */
async function readCapped(res: Response, cap: number): Promise<string | null> {
  if (Number(res.headers.get('content-length')) > cap) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
