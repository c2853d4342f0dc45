// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSummaryPanel } from '../../../components/summary-panel';
import type { Summary } from '../../../utils/summary/summarise';

const base: Summary = {
  title: 'Low after transplant',
  postCount: 4,
  question: { text: 'Which is better?', author: 'Mo', postNumber: 1, subject: 'Hickman line vs PICC' },
  safety: [{ text: 'If your temperature is 38 or more, ring the hotline straight away.', author: 'Cy', postNumber: 3 }],
  keyPoints: [
    {
      text: 'The trial had about a 60% response rate.',
      caveat: 'But it is still 50-50 for anyone individually.',
      author: 'Pat',
      postNumber: 2,
    },
  ],
  crisisPosts: [],
  mentioned: [],
  support: [],
  memberLinks: [],
};

function shown(summary: Summary) {
  const jumps: number[] = [];
  let gistAsked = 0;
  const panel = createSummaryPanel(document, {
    onClose() {},
    onJumpToPost: (n) => jumps.push(n),
    onSectionToggle() {},
    onRetry() {},
    onWriteGist: () => void gistAsked++,
  });
  document.body.replaceChildren(panel.element);
  panel.show(summary, null, () => undefined);
  return { el: panel.element, jumps, panel, gistAsked: () => gistAsked };
}

describe('summary panel', () => {
  it('keeps focus in the panel when Try again, pressed, hides itself', () => {
    const { el, panel } = shown(base);
    panel.error('Threadside could not read the whole thread.');
    const retry = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    retry.focus();
    panel.progress(0, 8);
    expect(retry.hidden).toBe(true);
    expect(document.activeElement).toBe(el.querySelector('.ts-panel-head button'));
  });

  it('says how far it has read in words that fit the count, and no total before the forum gave one', () => {
    const { el, panel } = shown(base);
    const status = () => el.querySelector('[data-testid=summary-status]')!.textContent;
    panel.progress(0, 1);
    expect(status()).toBe('Reading 0 of 1 post…');
    panel.progress(40, 1234);
    expect(status()).toBe('Reading 40 of 1,234 posts…');
    // The forum failed before its first answer: asked again, with no total yet.
    panel.progress(0, 0, 5);
    expect(status()).toBe('Reading the posts… The forum did not answer; asking again in 5 seconds.');
  });

  it('shows safety advice in its own section, before the key points, linked to its post', () => {
    const { el, jumps } = shown(base);
    const titles = [...el.querySelectorAll('details > summary')].map((s) => s.textContent);
    expect(titles.indexOf('Safety advice in this thread')).toBeGreaterThan(-1);
    expect(titles.indexOf('Safety advice in this thread')).toBeLessThan(titles.indexOf('Key points'));
    const safety = el.querySelector('[data-section=safety]')!;
    expect(safety.textContent).toMatch(/ring the hotline straight away/);
    (safety.querySelector('a.ts-post-link') as HTMLAnchorElement).click();
    expect(jumps).toEqual([3]);
  });

  it('writes a post number past a thousand with a separator, and jumps to that post', () => {
    const { el, jumps } = shown({ ...base, safety: [{ ...base.safety[0], postNumber: 1234 }] });
    const link = el.querySelector<HTMLAnchorElement>('[data-section=safety] a.ts-post-link')!;
    expect(link.textContent).toBe('Cy, post 1,234');
    link.click();
    expect(jumps).toEqual([1234]);
  });

  it('keeps the caveat beside its claim, and names the subject the question leaves out', () => {
    const { el } = shown(base);
    expect(el.querySelector('[data-section=points] li')!.textContent).toMatch(/60% response rate.*50-50 for anyone/);
    expect(el.querySelector('[data-section=question]')!.textContent).toMatch(
      /About “Hickman line vs PICC”: Which is better/,
    );
  });

  it('puts Samaritans first when a post speaks of suicide, and not otherwise', () => {
    expect(shown(base).el.querySelector('[data-testid=signpost]')).toBeNull();
    const { el } = shown({ ...base, crisisPosts: [2] });
    const line = el.querySelector('.ts-panel-body')!.firstElementChild!;
    expect(line.getAttribute('data-testid')).toBe('signpost');
    expect(line.textContent).toMatch(/Samaritans are free on 116 123, day or night/);
    expect(line.querySelector('a')!.getAttribute('href')).toBe('tel:116123');
  });

  it('shows a summary cached by an older Threadside, which has no safety list', () => {
    const old = { ...base } as Partial<Summary>;
    delete old.safety;
    delete old.crisisPosts;
    const { el } = shown(old as Summary);
    expect(el.querySelector('[data-section=points]')).not.toBeNull();
  });

  it('offers the gist at the top of the key points, and shows it labelled, each sentence linked', () => {
    const { el, panel, gistAsked, jumps } = shown(base);
    expect(el.querySelector('[data-testid=gist]')).toBeNull();
    panel.offerGist();
    const button = el.querySelector<HTMLButtonElement>('[data-section=points] [data-testid=gist] button')!;
    button.click();
    expect(gistAsked()).toBe(1);
    expect(button.disabled).toBe(true);
    panel.showGist([{ text: 'Response rates are high, but not for everyone.', posts: [2] }]);
    const gist = el.querySelector('[data-testid=gist]')!;
    expect(gist.textContent).toMatch(/Response rates are high, but not for everyone\./);
    expect(gist.textContent).toMatch(/Written by this browser’s on-device model from the key points below/);
    (gist.querySelector('a.ts-post-link') as HTMLAnchorElement).click();
    expect(jumps).toEqual([2]);
  });
});
