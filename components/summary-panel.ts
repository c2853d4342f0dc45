import type { GlossaryEntry } from '../utils/glossary/schema';
import type { Summary } from '../utils/summary/summarise';
import { TERM_ATTR, THREADSIDE_ATTR } from '../utils/glossary/annotate';
import { h } from './dom';
import { count, plural } from '../utils/words';
import { fromReader } from '../utils/page/reader-input';
import { readStatus, type PostsRead } from '../utils/summary/read-status';
import type { GistSentence } from '../utils/summary/gist';

export type SectionId = 'since' | 'question' | 'safety' | 'points' | 'mentioned' | 'support';

export interface SummaryPanelActions {
  onClose(): void;
  /** `byKeyboard` as for the bar's jump (thread-bar.ts). */
  onJumpToPost(postNumber: number, byKeyboard: boolean): void;
  onSectionToggle(id: SectionId, open: boolean): void;
  /** "Try again" after the thread could not be read (whole, or at all). */
  onRetry(): void;
  /** The reader asked for the on-device gist. */
  onWriteGist?(): void;
}

const SECTION_TITLES: Record<SectionId, string> = {
  since: 'Since your last visit',
  question: 'The question',
  safety: 'Safety advice in this thread',
  points: 'Key points',
  mentioned: 'Mentioned',
  support: 'Support',
};

/**
 * The summary panel: sections as <details> (keyboard and screen-reader friendly as they
 * come), each key point linking to its post. Plain DOM, text only, like the bar.
 */
export function createSummaryPanel(doc: Document, actions: SummaryPanelActions) {
  const status = h(doc, 'p', {
    class: 'ts-panel-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'summary-status',
  });
  const retry = h(doc, 'button', { type: 'button', class: 'ts-button', hidden: true }, 'Try again');
  retry.addEventListener(
    'click',
    fromReader(() => actions.onRetry()),
  );
  const body = h(doc, 'div', { class: 'ts-panel-body' });
  const close = h(
    doc,
    'button',
    { type: 'button', class: 'ts-button ts-icon-button', 'aria-label': 'Close summary' },
    '×',
  );
  close.addEventListener(
    'click',
    fromReader(() => actions.onClose()),
  );
  const panel = h(
    doc,
    'div',
    { class: 'ts-panel', role: 'dialog', 'aria-label': 'Thread summary', 'data-testid': 'summary-panel', hidden: true },
    h(doc, 'div', { class: 'ts-panel-head' }, h(doc, 'h2', { class: 'ts-panel-title' }, 'Summary'), close),
    status,
    retry,
    body,
    h(
      doc,
      'p',
      { class: 'ts-note' },
      'Made on this computer from the posts. Threadside explains words; it is not medical advice.',
    ),
  );
  panel.addEventListener(
    'keydown',
    fromReader((e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as Element).closest?.(`[${TERM_ATTR}]`)) actions.onClose();
    }),
  );

  let openSections = new Set<SectionId>(['since', 'question', 'safety', 'points', 'mentioned', 'support']);

  const section = (id: SectionId, label: string, content: Node) => {
    const d = h(
      doc,
      'details',
      { class: 'ts-section', 'data-section': id, open: openSections.has(id) },
      h(doc, 'summary', {}, label),
      content,
    );
    d.addEventListener('toggle', () => actions.onSectionToggle(id, d.open));
    return d;
  };

  const postLink = (n: number, author: string | null) => {
    const a = h(
      doc,
      'a',
      { href: `#post_${n}`, class: 'ts-post-link' },
      author ? `${author}, post ${count(n)}` : `post ${count(n)}`,
    );
    a.addEventListener('click', (e) => {
      e.preventDefault();
      if (e.isTrusted !== false) actions.onJumpToPost(n, e.detail === 0);
    });
    return a;
  };

  const parts = (s: Summary, explain: (id: string) => GlossaryEntry | undefined): Array<[SectionId, string, Node]> => {
    const out: Array<[SectionId, string, Node]> = [];
    const q = s.question;
    if (q)
      out.push([
        'question',
        SECTION_TITLES.question,
        h(doc, 'p', {}, q.subject ? `About “${q.subject}”: ` : '', `${q.text} `, postLink(q.postNumber, q.author)),
      ]);
    // Made by an older Threadside: no safety list (the cache makes those again).
    const pointList = (points: Summary['keyPoints']) =>
      h(
        doc,
        'ul',
        {},
        ...points.map((k) =>
          h(
            doc,
            'li',
            {},
            `${k.text} `,
            k.caveat && h(doc, 'span', { class: 'ts-caveat' }, `${k.caveat} `),
            postLink(k.postNumber, k.author),
          ),
        ),
      );
    if (s.safety?.length) out.push(['safety', SECTION_TITLES.safety, pointList(s.safety)]);
    out.push([
      'points',
      SECTION_TITLES.points,
      s.keyPoints.length ? pointList(s.keyPoints) : h(doc, 'p', {}, 'Nothing stood out yet.'),
    ]);
    out.push([
      'mentioned',
      SECTION_TITLES.mentioned,
      s.mentioned.length
        ? h(
            doc,
            'ul',
            { class: 'ts-mentioned' },
            ...s.mentioned.map((m) =>
              h(
                doc,
                'li',
                {},
                h(
                  doc,
                  'span',
                  { [TERM_ATTR]: m.id, [THREADSIDE_ATTR]: 'term', tabindex: '0', class: 'ts-term-link' },
                  explain(m.id)?.term ?? m.term,
                ),
                ` · ${plural(m.posts, 'post', 'posts')}`,
              ),
            ),
          )
        : h(doc, 'p', {}, 'No medical terms from the glossary.'),
    ]);
    const support = h(
      doc,
      'div',
      {},
      s.support.length
        ? h(
            doc,
            'ul',
            {},
            ...s.support.map((x) =>
              h(
                doc,
                'li',
                {},
                h(
                  doc,
                  'strong',
                  { class: 'ts-source' },
                  x.from.kind === 'organisation' ? x.from.name : `Forum staff (${x.from.username})`,
                ),
                ': ',
                x.kind === 'email'
                  ? h(doc, 'a', { href: `mailto:${x.value}` }, x.value)
                  : x.kind === 'phone'
                    ? h(doc, 'a', { href: `tel:${x.value.replace(/\s+/g, '')}` }, x.value)
                    : h(doc, 'a', { href: x.value, target: '_blank', rel: 'noopener noreferrer' }, x.value),
                h(doc, 'span', { class: 'ts-context' }, ` “${x.context}” `),
                postLink(x.postNumber, null),
              ),
            ),
          )
        : h(doc, 'p', {}, 'No helplines from the NHS, cancer charities or the forum’s staff in these posts.'),
    );
    if (s.memberLinks.length)
      support.append(
        h(doc, 'h4', {}, 'Links posted by members'),
        h(doc, 'p', { class: 'ts-context' }, 'Not checked by Threadside: look at the address before you open one.'),
        h(
          doc,
          'ul',
          { 'data-testid': 'member-links' },
          ...s.memberLinks.map((l) =>
            h(
              doc,
              'li',
              {},
              h(doc, 'a', { href: l.url, target: '_blank', rel: 'noopener noreferrer nofollow' }, l.url),
              ' ',
              postLink(l.postNumber, l.author),
            ),
          ),
        ),
      );
    out.push(['support', SECTION_TITLES.support, support]);
    return out;
  };

  const gistBox = () => body.querySelector<HTMLElement>('[data-section=points] .ts-gist');

  // "Try again" hides once the reader pressed it: focus, if it was there, goes to the close
  // button, so Escape and Tab still work in the panel.
  const hideRetry = () => {
    const hadFocus = retry.matches(':focus');
    retry.hidden = true;
    if (hadFocus) close.focus();
  };

  return {
    element: panel,
    /** Offers the gist at the top of the key points (the browser has a model, the reader turned it on). */
    offerGist() {
      const points = body.querySelector('details[data-section=points] > summary');
      if (!points || gistBox()) return;
      const write = h(doc, 'button', { type: 'button', class: 'ts-button' }, 'Write a short gist on this computer');
      write.addEventListener(
        'click',
        fromReader(() => {
          write.disabled = true;
          write.textContent = 'Writing…';
          actions.onWriteGist?.();
        }),
      );
      points.after(h(doc, 'div', { class: 'ts-gist', 'data-testid': 'gist' }, write));
    },
    /** The gist, each sentence with the posts it draws on; or why there is none. */
    showGist(result: GistSentence[] | string) {
      const box = gistBox();
      if (!box) return;
      if (typeof result === 'string') {
        box.replaceChildren(h(doc, 'p', { class: 'ts-context' }, result));
        return;
      }
      box.replaceChildren(
        ...result.map((g) => h(doc, 'p', {}, `${g.text} `, ...g.posts.flatMap((n) => [postLink(n, null), ' ']))),
        h(
          doc,
          'p',
          { class: 'ts-context' },
          'Written by this browser’s on-device model from the key points below, which are what the posts say. It can be wrong.',
        ),
      );
    },
    get open() {
      return !panel.hidden;
    },
    /**
     * `focus`: the reader opened it (the bar's Summary), so focus goes in. Not when it comes
     * back by itself on a new page, which would pull a screen reader's place, or the reply
     * being typed, away from the page.
     */
    setOpen(open: boolean, focus = true) {
      panel.hidden = !open;
      if (open && focus) close.focus();
    },
    setOpenSections(ids: SectionId[]) {
      openSections = new Set(ids);
      for (const d of body.querySelectorAll<HTMLDetailsElement>('details[data-section]'))
        d.open = openSections.has(d.dataset.section as SectionId);
    },
    /** `retryIn`: the forum had a passing fault and is asked again after that many seconds. */
    progress(read: number, total: number, retryIn?: number) {
      hideRetry();
      status.textContent =
        // The total is not known until the forum's first answer (a retry can come before it).
        (total > 0 ? `Reading ${count(read)} of ${plural(total, 'post', 'posts')}…` : 'Reading the posts…') +
        (retryIn ? ` The forum did not answer; asking again in ${plural(retryIn, 'second', 'seconds')}.` : '');
    },
    error(message: string) {
      status.textContent = message;
      status.setAttribute('role', 'alert');
      retry.hidden = false;
    },
    /** `note`: said instead of what was read, with "Try again" (a summary of this page's posts only). */
    show(
      whole: Summary,
      since: Summary | null,
      explain: (id: string) => GlossaryEntry | undefined,
      read: PostsRead | null = null,
      note?: string,
    ) {
      status.setAttribute('role', 'status');
      status.textContent = note ?? readStatus(whole, read);
      if (note) retry.hidden = false;
      else hideRetry();
      const sections: Node[] = [];
      if (since && since.postCount > 0) {
        const inner = h(doc, 'div', { class: 'ts-since' });
        for (const [, label, content] of parts(since, explain).filter(([id]) => id !== 'question'))
          inner.append(h(doc, 'h3', {}, label), content);
        sections.push(
          section('since', `${SECTION_TITLES.since} (${plural(since.postCount, 'new post', 'new posts')})`, inner),
        );
      }
      for (const [id, label, content] of parts(whole, explain)) sections.push(section(id, label, content));
      // A post speaks of suicide or self-harm: where to get help comes first, calmly.
      if (whole.crisisPosts?.length || since?.crisisPosts?.length) {
        const helpline = whole.support.find((x) => x.kind === 'phone');
        sections.unshift(
          h(
            doc,
            'p',
            { class: 'ts-signpost', 'data-testid': 'signpost' },
            'If you or someone here is struggling, Samaritans are free on ',
            h(doc, 'a', { href: 'tel:116123' }, '116 123'),
            ', day or night',
            ...(helpline && helpline.from.kind === 'organisation'
              ? [
                  `, and ${helpline.from.name} on `,
                  h(doc, 'a', { href: `tel:${helpline.value.replace(/\s+/g, '')}` }, helpline.value),
                ]
              : []),
            '.',
          ),
        );
      }
      body.replaceChildren(...sections);
    },
  };
}
