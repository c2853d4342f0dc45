import { describe, expect, it } from 'vitest';
import { matchesPattern, sitePattern } from '../../../utils/forums/match-pattern';

describe('matchesPattern: which open pages a disabled site covers', () => {
  it('matches the site a reader enabled, on any path, and not its neighbours', () => {
    expect(matchesPattern('https://forum.example.org/*', 'https://forum.example.org/t/car-t/12')).toBe(true);
    expect(matchesPattern('https://forum.example.org/*', 'https://forum.example.org.evil.net/t/1')).toBe(false);
    expect(matchesPattern('https://forum.example.org/*', 'https://other.example.org/t/1')).toBe(false);
    expect(matchesPattern('https://forum.example.org/*', 'http://forum.example.org/t/1')).toBe(false);
  });

  it('reads wildcard schemes and subdomains the way browsers do', () => {
    expect(matchesPattern('*://forum.example.org/*', 'http://forum.example.org/')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://a.b.example.org/x')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://example.org/x')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://notexample.org/x')).toBe(false);
    expect(matchesPattern('*://*/*', 'file:///home/x')).toBe(false);
  });

  it('holds a port to that port, and a pattern without one to every port', () => {
    expect(matchesPattern('http://localhost:8080/*', 'http://localhost:8080/t/1')).toBe(true);
    expect(matchesPattern('http://localhost:8080/*', 'http://localhost:9090/t/1')).toBe(false);
    expect(matchesPattern('http://localhost/*', 'http://localhost:9090/t/1')).toBe(true);
    expect(matchesPattern('https://forum.example.org:443/*', 'https://forum.example.org/t/1')).toBe(true);
  });

  it('follows the path part, and matches nothing for patterns it cannot read', () => {
    expect(matchesPattern('https://example.org/forum/*', 'https://example.org/forum/t/1')).toBe(true);
    expect(matchesPattern('https://example.org/forum/*', 'https://example.org/blog/1')).toBe(false);
    expect(matchesPattern('not a pattern', 'https://example.org/')).toBe(false);
    expect(matchesPattern('https://example.org/*', 'not a url')).toBe(false);
  });
});

describe('sitePattern', () => {
  it('names a site without its port, the one form Firefox and Chrome read alike', () => {
    expect(sitePattern('http://127.0.0.1:35413')).toBe('http://127.0.0.1/*');
    expect(sitePattern('https://forum.example.org')).toBe('https://forum.example.org/*');
    expect(sitePattern('http://[::1]:8080')).toBe('http://[::1]/*');
    // What it names still covers the site at its own port.
    expect(matchesPattern(sitePattern('http://localhost:8080'), 'http://localhost:8080/t/1')).toBe(true);
  });
});
