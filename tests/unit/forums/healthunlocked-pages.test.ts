// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../utils/checks/engine-counts';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { healthUnlockedAdapter } from '../../../utils/forums/healthunlocked';
import { isThreadAddress, readThreadFromPage } from '../../../utils/forums/registry';
import { LAB, labDoc, labPage } from './lab-pages';

const POST = '/lymphoma-action/posts/150001234/fatigue-after-car-t';
const read = (path: string, edit?: (html: string) => string) => readThreadFromPage(labDoc(path, edit), LAB + path)!;

describe('HealthUnlocked: a post and its replies on one page', () => {
  it('reads the post, its replies in order, and the count the page states', () => {
    const t = read(POST);
    expect(t).toMatchObject({
      engine: 'healthunlocked',
      threadId: '150001234',
      title: 'Fatigue after CAR-T',
      postCount: 3,
      canonicalUrl: LAB + POST,
    });
    expect(t.posts.map((p) => [p.postNumber, p.author])).toEqual([
      [1, 'bluebell22'],
      [2, 'oakwood'],
      [3, 'nurse_kate'],
    ]);
    expect(t.pages).toBeUndefined();
  });

  it('counts replies the page has not drawn yet, from its JSON-LD', () => {
    const t = read(POST, (h) => h.replace('"commentCount":2', '"commentCount":14'));
    expect(t.postCount).toBe(15);
    expect(t.posts).toHaveLength(3);
  });

  it('reads a reply’s link as its post, and sends every post to the post’s page', () => {
    const t = read(`${POST}?responseId=150001299`);
    expect(t.canonicalUrl).toBe(LAB + POST);
    for (const n of [1, 3]) {
      const address = healthUnlockedAdapter.postAddress({ url: `${LAB}${POST}?responseId=150001299#x` }, n);
      expect(address).toBe(LAB + POST);
      expect(isThreadAddress('healthunlocked', LAB, '150001234', address)).toBe(true);
    }
  });

  it('leaves quotes and the like/reply buttons out of a post’s own words', () => {
    const reply = read(POST).posts[2];
    expect(reply.contentElement.textContent).toContain('the fatigue is still heavy');
    const words = healthUnlockedAdapter.postText(reply.contentElement);
    expect(words).toBe('Mention it to your CAR-T team, they can check your thyroid and haemoglobin.');
  });

  it('answers 404 for other posts, and the new-reply check reads the stated count', () => {
    expect(labPage('/lymphoma-action/posts/150001235/fatigue-after-car-t').status).toBe(404);
    expect(labPage('/lymphoma-action/').status).toBe(404);
    const source = countSource({ engine: 'healthunlocked', url: LAB + POST } as SavedThread)!;
    expect(source.parse(labPage(POST).body)).toEqual({ postCount: 3, highestPostNumber: 3 });
  });
});
