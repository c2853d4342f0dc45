/**
 * The sites a reader added, for the options page: those Threadside may read now (the
 * browser granted them) and those the reader turned off but may want back.
 */
export interface SiteRow {
  /** The match pattern the browser holds, e.g. "https://forum.example.org/*". */
  pattern: string;
  /** How the reader would write it: the host, with the scheme only when it is not https. */
  label: string;
  enabled: boolean;
}

function siteLabel(pattern: string): string {
  return pattern.replace(/^(\*|https):\/\//, '').replace(/\/\*$/, '');
}

/** "*://forum.example.org/*" → "forum.example.org"; null for patterns without one host. */
export function patternHost(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/*]+)\//.exec(pattern);
  return m ? m[1].replace(/:\d+$/, '') : null;
}

export function siteRows(granted: string[], turnedOff: string[], isKnownHost: (host: string) => boolean): SiteRow[] {
  const rows = new Map<string, SiteRow>();
  const add = (pattern: string, enabled: boolean) => {
    const host = patternHost(pattern);
    // Known forums are always on and listed apart; "every site" is never offered.
    if (!host || isKnownHost(host) || rows.has(pattern)) return;
    rows.set(pattern, { pattern, label: siteLabel(pattern), enabled });
  };
  for (const p of granted) add(p, true);
  for (const p of turnedOff) add(p, false);
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}
