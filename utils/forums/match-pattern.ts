/**
 * Whether a page address falls under a browser match pattern such as `*://forum.example.org/*`
 * or `http://localhost:8080/*` (the form host permissions take). Patterns this cannot read
 * match nothing: when in doubt, Threadside leaves a page alone.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d+|\*))?(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, port, path] = m;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    const ok = u.hostname === bare || (host.startsWith('*.') && u.hostname.endsWith(`.${bare}`));
    if (!ok) return false;
  }
  if (port !== undefined && port !== '*') {
    const actual = u.port || (protocol === 'https' ? '443' : '80');
    if (actual !== port) return false;
  }
  const re = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern Threadside asks and checks a site's permission with: scheme and host, no port.
 * Firefox reads no port in a match pattern (a check with one answers "not granted"), and in
 * Chrome a pattern without a port covers all of them, so this form means the same in both.
 */
export function sitePattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
