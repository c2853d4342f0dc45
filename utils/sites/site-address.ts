import { sitePattern } from '../forums/match-pattern';

/**
 * What a reader types to name a site ("forum.example.org", a pasted thread address, or
 * "http://localhost:8080"), read into the origin Threadside asks the browser for.
 */
export type SiteAddress = { ok: true; origin: string; host: string; pattern: string } | { ok: false; message: string };

const EXAMPLE = 'such as forum.example.org';

export function readSiteAddress(text: string): SiteAddress {
  const typed = text.trim();
  if (!typed) return { ok: false, message: `Type a site address, ${EXAMPLE}.` };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) && !/^[^/]+:\d+/.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${typed}” is not a site address. Type one ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'Threadside works on web pages only: addresses that start https:// or http://.' };
  const host = url.hostname;
  if (!host.includes('.') && host !== 'localhost' && !host.startsWith('['))
    return { ok: false, message: `Type the whole site address, ${EXAMPLE}.` };
  return { ok: true, origin: url.origin, host: url.host, pattern: sitePattern(url.origin) };
}
