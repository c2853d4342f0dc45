import { describe, expect, it } from 'vitest';
import carT from '../../forum-lab/data/car-t-thread.json' with { type: 'json' };
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { splitSentences } from '../../../utils/summary/sentences';
import { summarise } from '../../../utils/summary/summarise';
import { isChatter } from '../../../utils/summary/text';

const { entries, byId } = loadGlossary();
const opts = { matcher: createMatcher(entries), entries: byId };
const summary = summarise(carT, opts);

describe('summary of the CAR-T thread', () => {
  it('states the question: what CAR-T is and who is eligible', () => {
    expect(summary.question!.text).toMatch(/CAR-T/);
    expect(summary.question!.text).toMatch(/eligible/);
    expect(summary.question!.author).toBe('Dawn_BCUK');
  });

  it('has 3 to 7 key points, each naming its author and post', () => {
    expect(summary.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(summary.keyPoints.length).toBeLessThanOrEqual(7);
    for (const k of summary.keyPoints) {
      const post = carT.posts.find((p) => p.post_number === k.postNumber)!;
      expect(post.username).toBe(k.author);
    }
  });

  it("carries Fozzie's outcome: the tumour halved, then it had gone", () => {
    const fozzie = summary.keyPoints
      .filter((k) => k.author === 'Fozzie')
      .map((k) => k.text)
      .join(' ');
    expect(fozzie).toMatch(/halved/);
    expect(fozzie).toMatch(/gone/);
  });

  it("carries Sara's situation: refractory DLBC, waiting on a PET scan", () => {
    const sara = summary.keyPoints.find((k) => k.author === 'Sara' && /refractory/.test(k.text));
    expect(sara?.text).toMatch(/DLBC/);
    expect(sara?.text).toMatch(/PET scan/);
  });

  it('never makes a key point of a pure welcome', () => {
    for (const k of summary.keyPoints) expect(k.text).not.toMatch(/welcome to (the|our) forum/i);
    expect(summary.keyPoints.some((k) => k.author === 'Jenny_R')).toBe(false);
  });

  it('lists the helpline number and the support email, saying whose they are', () => {
    const values = summary.support.map((s) => s.value);
    expect(values).toContain('0808 2080 888');
    expect(values).toContain('support@bloodcancer.org.uk');
    const phone = summary.support.find((s) => s.kind === 'phone')!;
    expect(phone.context).toMatch(/Support Services Team/);
    expect(phone.from).toEqual({ kind: 'organisation', name: 'Blood Cancer UK' });
  });

  it('keeps a spam reply’s number out of Support, and its link apart, address shown', () => {
    const spam = {
      post_number: 9,
      username: 'HealthyHope22',
      like_count: 0,
      text: 'A miracle cure for lymphoma! Call 07700 900123 or email cure@miracle-herbs.example, see https://miracle-herbs.example/order',
    };
    const s = summarise({ ...carT, posts: [...carT.posts, spam] }, opts);
    const support = s.support.map((x) => x.value);
    expect(support).toContain('0808 2080 888');
    expect(support.join(' ')).not.toMatch(/07700|miracle/);
    expect(s.memberLinks).toEqual([
      expect.objectContaining({ url: 'https://miracle-herbs.example/order', author: 'HealthyHope22', postNumber: 9 }),
    ]);
  });

  it('shows a posted link by the site it opens, never by a name put before an @', () => {
    const text = 'The NHS page: https://www.nhs.uk@evil.example/lymphoma-help and https://www.nhs.uk:x@evil.example/2';
    const s = summarise({ ...carT, posts: [...carT.posts, { ...carT.posts[1], post_number: 10, text }] }, opts);
    expect(s.support.map((x) => x.value).join(' ')).not.toMatch(/evil/);
    expect(s.memberLinks.map((l) => l.url)).toEqual(['https://evil.example/lymphoma-help', 'https://evil.example/2']);
  });

  it('lists what the forum’s own staff give, labelled as theirs', () => {
    const staffPost = {
      post_number: 9,
      username: 'Mark_Volunteer',
      like_count: 0,
      staff: true,
      text: 'Our local support group meets monthly: ring 0161 496 0000 to join.',
    };
    const member = { ...staffPost, username: 'Someone', staff: false, text: 'Or ring me on 0161 496 0999.' };
    const s = summarise({ ...carT, posts: [...carT.posts, staffPost, { ...member, post_number: 10 }] }, opts);
    expect(s.support.find((x) => x.value === '0161 496 0000')?.from).toEqual({
      kind: 'staff',
      username: 'Mark_Volunteer',
    });
    expect(s.support.some((x) => x.value === '0161 496 0999')).toBe(false);
  });

  it('mentions the treatments and tests, with how many posts name each', () => {
    const byTerm = new Map(summary.mentioned.map((m) => [m.id, m.posts]));
    expect(byTerm.get('car-t-cell-therapy')).toBe(6);
    expect(byTerm.get('pet-ct-scan')).toBe(2);
    expect(byTerm.has('diffuse-large-b-cell-lymphoma')).toBe(true);
    expect(summary.mentioned[0].id).toBe('car-t-cell-therapy');
  });

  it('can summarise only what came after the reader’s last visit', () => {
    const since = summarise(carT, { ...opts, after: 6 });
    expect(since.postCount).toBe(2);
    expect(since.keyPoints.every((k) => k.postNumber > 6)).toBe(true);
    expect(since.question!.postNumber).toBe(1);
  });
});

describe('sentences and chatter', () => {
  it('does not split after abbreviations', () => {
    expect(splitSentences('I saw Dr. Patel, e.g. about scans. It took approx. 3 hours.').map((s) => s.text)).toEqual([
      'I saw Dr. Patel, e.g. about scans.',
      'It took approx. 3 hours.',
    ]);
  });

  it('tells support chatter from substance', () => {
    expect(isChatter('Welcome to the forum, take care.')).toBe(true);
    expect(isChatter('Sending hugs x')).toBe(true);
    expect(isChatter('Hi, I have refractory aggressive DLBC and start CAR-T next week after my PET scan.')).toBe(false);
  });
});
