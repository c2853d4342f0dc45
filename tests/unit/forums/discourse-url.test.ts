import { describe, expect, it } from 'vitest';
import { discourseTopicUrl, parseDiscourseTopicUrl } from '../../../utils/forums/discourse-url';

const O = 'https://forum.bloodcancer.org.uk';

describe('Discourse topic URLs', () => {
  it.each([
    ['/t/what-is-car-t-therapy/1828', '1828', undefined],
    ['/t/what-is-car-t-therapy/1828/5', '1828', 5],
    ['/t/1828', '1828', undefined],
    ['/t/1828/5', '1828', 5],
    ['/t/what-is-car-t-therapy/1828/last', '1828', undefined],
    ['/t/what-is-car-t-therapy/1828/?u=sara', '1828', undefined],
    ['/t/what-is-car-t-therapy/1828/7#reply', '1828', 7],
    ['/forum/t/what-is-car-t-therapy/1828', '1828', undefined],
  ])('reads %s as topic %s', (path, id, post) => {
    const ref = parseDiscourseTopicUrl(O + path);
    expect(ref).toEqual({ engine: 'discourse', origin: O, threadId: id, ...(post ? { postNumber: post } : {}) });
  });

  it.each([
    '/t/what-is-car-t-therapy',
    '/t/1828.json',
    '/t/what-is-car-t-therapy/1828.rss',
    '/latest',
    '/c/treatments/5',
    '/u/Sara',
    '/',
  ])('does not take %s for a topic', (path) => {
    expect(parseDiscourseTopicUrl(O + path)).toBeNull();
  });

  it('rejects what is not a web URL', () => {
    expect(parseDiscourseTopicUrl('not a url')).toBeNull();
    expect(parseDiscourseTopicUrl('ftp://forum.example.org/t/a/1')).toBeNull();
  });

  it('builds topic URLs back', () => {
    expect(discourseTopicUrl(O, 1828, 'what-is-car-t-therapy')).toBe(`${O}/t/what-is-car-t-therapy/1828`);
    expect(discourseTopicUrl(O, 1828, undefined, 6)).toBe(`${O}/t/1828/6`);
  });
});
