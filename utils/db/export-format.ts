import { z } from '../zod';
import { KNOWN_FORUMS } from '../forums/known-forums';
import { isPublicHost } from '../forums/public-host';
import { isThreadAddress } from '../forums/registry';
import { NEW_CHECK_STATE, type SavedThread } from './saved-thread';
import { importProblem } from './import-issues';
import { engine, pastTime, perPage, postNumber, threadId, threadTitle } from './thread-bounds';
import { boundThread, MAX_NOTE } from './bound-thread';

/**
 * The export file: versioned, and checked field by field on import. Anything odd (wrong
 * types, a cut-off file, a huge file, URLs on another site than their forum) is rejected
 * as a whole, with a message a reader can act on, before the database is touched.
 */
const EXPORT_FORMAT = 'threadside-saved-threads';
const EXPORT_VERSION = 1;
/** A real export of thousands of threads is a few megabytes; anything far bigger is not ours. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * A forum on the public web, one Threadside knows, or a site the reader turned on
 * (`readerSites`: a forum on their own network, say): never another address of this
 * computer or a private network, which a file from someone else could otherwise aim
 * Threadside's Open at.
 */
function forumOrigin(readerSites: ReadonlySet<string>) {
  return z
    .string()
    .max(200)
    .transform((s, ctx) => {
      const origin = originOf(s);
      if (origin === null)
        ctx.addIssue({ code: 'custom', message: 'must be a web address like https://forum.example.org' });
      return origin ?? s;
    })
    .refine((s) => !needsReaderSite(s) || readerSites.has(s), PRIVATE_FORUM);
}

/**
 * The forum's address as the browser writes it (`https://Forum.Example.org/` is
 * `https://forum.example.org`: a file written by hand or by another tool), or null for
 * what is more than a forum's address (a path, a query, a name and password) or not one.
 */
function originOf(s: string): string | null {
  // Written as a forum's address, nothing after the host but one "/": a URL parser would
  // also take "https://@forum.org/./" or spaces around it to the same place.
  if (!/^https?:\/\/[^/?#@\s\\]+\/?$/i.test(s) || !URL.canParse(s)) return null;
  return new URL(s).origin;
}

/** A web address on this computer or a private network, and not a known forum (false for no address at all: said by the check above). */
function needsReaderSite(s: string): boolean {
  const origin = originOf(s);
  if (origin === null) return false;
  const host = new URL(origin).hostname;
  return !KNOWN_FORUMS.some((f) => f.host === host) && !isPublicHost(host);
}

/** Said for a forum on this computer or a private network that the reader has not turned on. */
const PRIVATE_FORUM =
  'is on this computer or a private network: turn that site on under “Sites” first, then import the file again';

/** The forums a file names on this computer or a private network: the page asks which of them the reader added. */
export function importOrigins(text: string): string[] {
  try {
    const threads = (JSON.parse(text) as { threads?: unknown } | null)?.threads;
    if (!Array.isArray(threads)) return [];
    const origins = threads.map((t) => (t as { origin?: unknown } | null)?.origin);
    const named = origins.filter((o): o is string => typeof o === 'string' && needsReaderSite(o));
    return [...new Set(named.map((o) => originOf(o)!))];
  } catch {
    return [];
  }
}

function savedThreadSchema(now: number, readerSites: ReadonlySet<string>) {
  const time = pastTime(now);
  return z
    .object({
      origin: forumOrigin(readerSites),
      threadId,
      // As the browser writes it, so a thread saved again here is the same thread.
      url: z
        .string()
        .max(2000)
        .transform((s) => (URL.canParse(s) ? new URL(s).href : s))
        // Again as written here (letters outside ASCII grow), so the next export imports too.
        .pipe(z.string().max(2000)),
      title: threadTitle,
      engine,
      savedAt: time,
      lastVisitedAt: time.nullable(),
      lastReadPostNumber: postNumber,
      postCount: postNumber,
      highestPostNumber: postNumber,
      lastActivityAt: time.nullable(),
      note: z.string().max(MAX_NOTE),
      // Added in Threadside 0.2; older exports lack them and get what was already seen.
      baselinePostNumber: postNumber.optional(),
      deletedSeen: postNumber.optional(),
      // Added in Threadside 0.3, for threads split into pages.
      perPage: perPage.optional(),
    })
    .strict()
    .refine((t) => isThreadAddress(t.engine, t.origin, t.threadId, t.url), {
      message: 'must be this thread on its own forum',
      path: ['url'],
    })
    .refine(
      (t) =>
        t.lastReadPostNumber <= t.highestPostNumber &&
        t.postCount <= t.highestPostNumber &&
        (t.baselinePostNumber ?? 0) <= t.highestPostNumber &&
        (t.deletedSeen ?? 0) <= t.highestPostNumber,
      { message: 'must be at least the last post read and the number of posts', path: ['highestPostNumber'] },
    );
}

export const exportFileSchema = (now: number, readerSites: ReadonlySet<string> = new Set()) =>
  z
    .object({
      format: z.literal(EXPORT_FORMAT),
      version: z.literal(EXPORT_VERSION),
      exportedAt: z.string().max(40),
      threads: z.array(savedThreadSchema(now, readerSites)).max(100_000),
    })
    .strict();

export type ExportFile = z.infer<ReturnType<typeof exportFileSchema>>;

/** The checker's state (last check, errors) belongs to this browser and is not exported. */
export function buildExport(threads: SavedThread[], now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    // Bounded again: a thread stored before its bounds were kept still restores.
    threads: threads.map((stored) => {
      const { check: _check, ...t } = boundThread(stored, now.getTime());
      return t;
    }),
  };
}

/** Why a file's format version cannot be read, and what to do where something can be done. */
function versionProblem(version: unknown): string {
  if (typeof version !== 'number' || !Number.isInteger(version))
    return 'This file does not say which format version it is (a whole number), so Threadside cannot read it.';
  if (version > EXPORT_VERSION)
    return `This export was made by a newer Threadside (format version ${version}). Update Threadside, then import the file again.`;
  return `This export is format version ${version}, which no version of Threadside made.`;
}

export type ParsedImport = { ok: true; threads: SavedThread[] } | { ok: false; message: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Text of a chosen file to threads, or the reason it cannot be imported. `readerSites`: the
 * origins of sites the reader turned on, whose threads are welcome wherever they are.
 */
export function parseImport(
  text: string,
  byteLength = text.length,
  now = Date.now(),
  readerSites: ReadonlySet<string> = new Set(),
): ParsedImport {
  if (byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `This file is too large (${mb(byteLength)}) to be a Threadside export. Nothing was imported.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message:
        'This file is not a complete Threadside export: it may be cut short or not JSON at all. Nothing was imported.',
    };
  }
  const format = (json as { format?: unknown } | null)?.format;
  const version = (json as { version?: unknown } | null)?.version;
  if (format !== EXPORT_FORMAT)
    return { ok: false, message: 'This file is not a Threadside export of saved threads. Nothing was imported.' };
  if (version !== EXPORT_VERSION) return { ok: false, message: `${versionProblem(version)} Nothing was imported.` };
  const parsed = exportFileSchema(now, readerSites).safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      message: `${importProblem(parsed.error.issues, json)}. Nothing was imported.`,
    };
  }
  return {
    ok: true,
    threads: parsed.data.threads.map((t) => ({
      ...t,
      baselinePostNumber: t.baselinePostNumber ?? t.highestPostNumber,
      deletedSeen: t.deletedSeen ?? Math.max(0, t.highestPostNumber - t.postCount),
      check: { ...NEW_CHECK_STATE },
    })),
  };
}
