/** Helplines, emails and links to support services that posts give. */
export interface SupportItem {
  kind: 'phone' | 'email' | 'link';
  value: string;
  /** The words around it, so the reader knows whose number it is. */
  context: string;
  postNumber: number;
}

const PHONE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}(?:[\s-]?\d{2,4}){2,3}?(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_RE = /https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/g;

function phoneDigits(s: string) {
  return s.replace(/\D/g, '').replace(/^44/, '0');
}

export function findSupport(
  posts: Array<{ post_number: number; text: string }>,
  contextOf: (text: string, at: number) => string,
): SupportItem[] {
  const out: SupportItem[] = [];
  const seen = new Set<string>();
  const add = (item: SupportItem, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const p of posts) {
    for (const m of p.text.matchAll(PHONE)) {
      const digits = phoneDigits(m[0]);
      if (digits.length < 10 || digits.length > 11) continue;
      add(
        { kind: 'phone', value: m[0].trim(), context: contextOf(p.text, m.index), postNumber: p.post_number },
        `p:${digits}`,
      );
    }
    for (const m of p.text.matchAll(EMAIL))
      add(
        { kind: 'email', value: m[0], context: contextOf(p.text, m.index), postNumber: p.post_number },
        `e:${m[0].toLowerCase()}`,
      );
    for (const m of p.text.matchAll(URL_RE))
      add({ kind: 'link', value: m[0], context: contextOf(p.text, m.index), postNumber: p.post_number }, `u:${m[0]}`);
  }
  return out;
}
