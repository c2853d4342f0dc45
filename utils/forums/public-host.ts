/**
 * Whether a host name is on the public web: not this computer, not a private or local
 * network, not a bare name. Imported files may only name such forums (and the known ones):
 * a saved thread's address is requested on every check, with the reader's cookies.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // IPv6 literals ("[::1]") are never a forum's address in practice; refusing them all is simplest.
  if (host.startsWith('[') || host.includes(':')) return false;
  const ipv4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (ipv4) return isPublicIpv4(ipv4.slice(1).map(Number));
  if (!host.includes('.')) return false;
  return !/(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|test|invalid|example)$/.test(host);
}

function isPublicIpv4([a, b]: number[]): boolean {
  return !(
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}
