import { duration } from '../words';
import { hostOf } from './host';
import { MAX_RETRY_AFTER_S } from './limits';

/**
 * What can go wrong asking a forum for data, as values rather than exceptions: every caller
 * must decide what a failure means (back off, ask to sign in, keep the old counts).
 */
export type FetchError =
  | { kind: 'rate-limited'; retryAfterSeconds: number; message: string }
  | { kind: 'server'; status: number; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'needs-sign-in'; message: string }
  | { kind: 'malformed'; detail: string; message: string }
  | { kind: 'network'; detail: string; message: string }
  | { kind: 'timeout'; message: string }
  /** The forum sent Threadside to another site; what came from there is not used. */
  | { kind: 'elsewhere'; to: string; message: string }
  /** The forum answered with a redirect, which is not followed (where to is not known). */
  | { kind: 'moved'; message: string };

export type FetchResult<T> = { ok: true; data: T } | { ok: false; error: FetchError };

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); at most MAX_RETRY_AFTER_S. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return boundWait(Number(trimmed));
  const date = Date.parse(trimmed);
  if (!Number.isFinite(date)) return null;
  return boundWait(Math.ceil((date - now) / 1000));
}

/** A forum's wait in whole seconds, within 0 and MAX_RETRY_AFTER_S. */
export const boundWait = (seconds: number) => Math.min(MAX_RETRY_AFTER_S, Math.max(0, Math.ceil(seconds)));

export const errorMessages = {
  rateLimited: (url: string, s: number) =>
    `${hostOf(url)} asked Threadside to slow down. It will try again in ${duration(s)}.`,
  server: (url: string, status: number) =>
    `${hostOf(url)} had a problem (error ${status}). Threadside will try again later.`,
  notFound: (url: string) => `This thread is no longer on ${hostOf(url)}. It may have been deleted or made private.`,
  signIn: (url: string) =>
    `${hostOf(url)} wants you to sign in before it shows this. Sign in on the forum, then try again.`,
  malformed: (url: string) => `${hostOf(url)} sent something Threadside could not read. Nothing was changed.`,
  network: (url: string) => `Could not reach ${hostOf(url)}. Check your connection; Threadside will try again later.`,
  timeout: (url: string) => `${hostOf(url)} took too long to answer. Threadside will try again later.`,
  moved: (url: string) =>
    `${hostOf(url)} sent Threadside to another address, often a sign-in page or a thread's new address. Threadside follows no such move: open the thread on the forum once, signed in, and it will read it from there.`,
  elsewhere: (url: string, to: string) =>
    `${hostOf(url)} sent Threadside on to ${hostOf(to)}, often a sign-in page. Threadside reads a forum only from the forum itself.`,
};
