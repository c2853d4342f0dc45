import { safeUrl } from '../forums/dom-reading';
import { withoutBidiControls } from '../words';
import { organisationOfAddress, organisationOfPhone } from './trusted-contacts';

/**
 * Where to get support, as the thread's posts give it. Only trusted sources are listed as
 * support: the organisations in `trusted-contacts.ts`, and the forum's own staff where the
 * forum marks them. Links other members posted are kept apart, address shown; members'
 * phone numbers and emails are not repeated at all.
 */
export type SupportSource = { kind: 'organisation'; name: string } | { kind: 'staff'; username: string };

export interface SupportItem {
  kind: 'phone' | 'email' | 'link';
  value: string;
  /** The words around it, so the reader knows what it is for. */
  context: string;
  postNumber: number;
  from: SupportSource;
}

export interface MemberLink {
  url: string;
  context: string;
  postNumber: number;
  author: string;
}

export interface SupportPost {
  post_number: number;
  username: string;
  text: string;
  /** The forum marks the poster as its staff (Discourse: staff, moderator or admin). */
  staff?: boolean;
}

const PHONE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}(?:[\s-]?\d{2,4}){2,3}?(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_RE = /https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/g;

/**
 * A posted address as the reader should see it before opening it: without a user name or
 * password ("https://www.nhs.uk@evil.example/" opens evil.example, and must read so) and
 * without direction controls; null for what is not a web address.
 */
function plainAddress(posted: string): string | null {
  const u = safeUrl(withoutBidiControls(posted));
  if (!u) return null;
  u.username = '';
  u.password = '';
  return u.href;
}

function phoneDigits(s: string) {
  return s.replace(/\D/g, '').replace(/^44/, '0');
}

export function findSupport(
  posts: SupportPost[],
  contextOf: (text: string, at: number) => string,
): { support: SupportItem[]; memberLinks: MemberLink[] } {
  const support: SupportItem[] = [];
  const memberLinks: MemberLink[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && !!seen.add(key);

  for (const p of posts) {
    const staff: SupportSource | null = p.staff ? { kind: 'staff', username: p.username } : null;
    const trusted = (org: { name: string } | undefined): SupportSource | null =>
      org ? { kind: 'organisation', name: org.name } : staff;

    for (const m of p.text.matchAll(PHONE)) {
      const digits = phoneDigits(m[0]);
      const from = trusted(organisationOfPhone(digits));
      if (digits.length < 10 || digits.length > 11 || !from || !once(`p:${digits}`)) continue;
      support.push({
        kind: 'phone',
        value: m[0].trim(),
        context: contextOf(p.text, m.index),
        postNumber: p.post_number,
        from,
      });
    }
    for (const m of p.text.matchAll(EMAIL)) {
      const from = trusted(organisationOfAddress(m[0]));
      if (!from || !once(`e:${m[0].toLowerCase()}`)) continue;
      support.push({
        kind: 'email',
        value: m[0],
        context: contextOf(p.text, m.index),
        postNumber: p.post_number,
        from,
      });
    }
    for (const m of p.text.matchAll(URL_RE)) {
      const url = plainAddress(m[0]);
      if (!url || !once(`u:${url}`)) continue;
      const from = trusted(organisationOfAddress(url));
      const context = contextOf(p.text, m.index);
      if (from) support.push({ kind: 'link', value: url, context, postNumber: p.post_number, from });
      else memberLinks.push({ url, context, postNumber: p.post_number, author: p.username });
    }
  }
  return { support, memberLinks };
}
