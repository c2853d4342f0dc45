// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { discourseAdapter } from '../../../utils/forums/discourse';
import { ownWords, readableText, NOT_OWN_WORDS_ANYWHERE } from '../../../utils/forums/dom-reading';

const content = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
};

describe("a post's own words", () => {
  it('leaves out quotes, code and buttons, and keeps paragraphs apart', () => {
    const el = content(
      '<p>Started <b>R-CHOP</b> today.</p><blockquote>Someone else said DLBCL</blockquote>' +
        '<pre><code>echo CAR-T</code></pre><p>Tired<br>but fine.</p><button>Reply</button>',
    );
    expect(readableText(el, NOT_OWN_WORDS_ANYWHERE)).toBe('Started R-CHOP today.\n\nTired\nbut fine.');
  });

  it("adds an engine's own furniture to what every engine leaves out", () => {
    const { postText, notOwnWords } = ownWords('.signature');
    const el = content('<p>Neutrophils are up.</p><div class="signature">Mum to a GvHD warrior</div>');
    expect(postText(el)).toBe('Neutrophils are up.');
    expect(el.querySelector('.signature')!.matches(notOwnWords)).toBe(true);
  });

  it("leaves out Discourse's quotes of other posts and link previews", () => {
    const el = content(
      '<aside class="quote"><blockquote><p>MDS is what I have</p></blockquote></aside>' +
        '<p>Same here, PET scan next week.</p><aside class="onebox"><h3>NHS page about scans</h3></aside>',
    );
    expect(discourseAdapter.postText(el)).toBe('Same here, PET scan next week.');
  });
});
