// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAnnotator, TERM_ATTR, type TermFinder, type TermMatch } from '../../../utils/glossary/annotate';

/** A finder for a few fixed words, so these tests are about the DOM work only. */
function wordFinder(words: Record<string, string>): TermFinder {
  const re = new RegExp(`\\b(${Object.keys(words).join('|')})\\b`, 'g');
  return {
    match(text: string): TermMatch[] {
      return [...text.matchAll(re)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        ids: [words[m[0]]],
      }));
    },
  };
}

const finder = wordFinder({ DLBCL: 'dlbcl', 'R-CHOP': 'r-chop', SCT: 'sct', PET: 'pet-scan' });

function post(html: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'cooked';
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

/** Everything that makes two DOMs different to a script: structure, text and node identity. */
function snapshot(root: Node): { html: string; nodes: Node[] } {
  const nodes: Node[] = [];
  const walk = (n: Node) => {
    nodes.push(n);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return { html: (root as Element).outerHTML, nodes };
}

const marked = (el: Element) => [...el.querySelectorAll(`[${TERM_ATTR}]`)].map((m) => m.textContent);

describe('annotator', () => {
  it('marks the first occurrence of each term in a post by default', () => {
    const el = post('<p>DLBCL came back. R-CHOP then SCT.</p><p>More DLBCL talk, then a PET scan.</p>');
    const a = createAnnotator(finder, { mode: 'first' });
    expect(a.annotate(el)).toBe(4);
    expect(marked(el)).toEqual(['DLBCL', 'R-CHOP', 'SCT', 'PET']);
    expect(el.textContent).toBe('DLBCL came back. R-CHOP then SCT.More DLBCL talk, then a PET scan.');
  });

  it('marks every occurrence when asked', () => {
    const el = post('<p>DLBCL, DLBCL and DLBCL.</p>');
    createAnnotator(finder, { mode: 'every' }).annotate(el);
    expect(marked(el)).toEqual(['DLBCL', 'DLBCL', 'DLBCL']);
  });

  it('leaves out the terms it is told to (words everyone knows, in the first-use mode)', () => {
    const el = post('<p>After chemo, DLBCL came back.</p>');
    const everyday = wordFinder({ chemo: 'chemotherapy', DLBCL: 'dlbcl' });
    createAnnotator(everyday, { mode: 'first', leaveOut: (ids) => ids.includes('chemotherapy') }).annotate(el);
    expect(marked(el)).toEqual(['DLBCL']);
  });

  it('hands the finder the thread’s title and category with each piece of text', () => {
    const seen: string[] = [];
    const spy: TermFinder = {
      match(_text, _context, thread) {
        seen.push(thread ?? '');
        return [];
      },
    };
    createAnnotator(spy, { mode: 'first', thread: () => 'Just diagnosed\nMyeloma' }).annotate(
      post('<p>MM is stable.</p>'),
    );
    expect(seen).toEqual(['Just diagnosed\nMyeloma']);
  });

  it('leaves links, code, headings, quotes of code, form fields and our own UI alone', () => {
    const el = post(
      '<h3>DLBCL</h3><p><a href="/x">DLBCL</a> <code>SCT</code> <kbd>PET</kbd></p>' +
        '<textarea>R-CHOP</textarea><div contenteditable="true">SCT</div>' +
        '<span data-threadside="ui">DLBCL</span><p>Only this R-CHOP counts.</p>',
    );
    createAnnotator(finder, { mode: 'every' }).annotate(el);
    expect(marked(el)).toEqual(['R-CHOP']);
  });

  it('changes nothing when run twice', () => {
    const el = post('<p>R-CHOP after DLBCL.</p>');
    const a = createAnnotator(finder, { mode: 'first' });
    a.annotate(el);
    const once = el.innerHTML;
    expect(a.annotate(el)).toBe(0);
    expect(el.innerHTML).toBe(once);
  });

  it('restores the very same nodes when switched off', () => {
    const el = post('<p>Had <b>R-CHOP</b> for DLBCL, then SCT.</p><blockquote>PET was clear</blockquote>');
    const before = snapshot(el);
    const a = createAnnotator(finder, { mode: 'every' });
    a.annotate(el);
    expect(el.outerHTML).not.toBe(before.html);
    a.clear();
    const after = snapshot(el);
    expect(after.html).toBe(before.html);
    expect(after.nodes).toHaveLength(before.nodes.length);
    after.nodes.forEach((n, i) => expect(n).toBe(before.nodes[i]));
  });

  it('restores the page exactly on many random posts', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['DLBCL', 'R-CHOP', 'SCT', 'PET', 'scan', 'and', 'the', 'all', 'after', 'chemo,', 'it'];
    const tags = ['p', 'b', 'i', 'a', 'code', 'span', 'em', 'blockquote', 'h4', 'li'];
    const randomHtml = (depth: number): string => {
      let out = '';
      const parts = 1 + rand(5);
      for (let i = 0; i < parts; i++) {
        if (depth < 3 && rand(3) === 0) {
          const tag = tags[rand(tags.length)];
          out += `<${tag}>${randomHtml(depth + 1)}</${tag}>`;
        } else {
          out += Array.from({ length: 1 + rand(8) }, () => words[rand(words.length)]).join(' ') + ' ';
        }
      }
      return out;
    };
    for (let i = 0; i < 200; i++) {
      const el = post(randomHtml(0));
      const before = snapshot(el);
      const a = createAnnotator(finder, { mode: rand(2) ? 'first' : 'every' });
      a.annotate(el);
      a.annotate(el);
      a.clear();
      const after = snapshot(el);
      expect(after.html).toBe(before.html);
      after.nodes.forEach((n, j) => expect(n).toBe(before.nodes[j]));
      el.remove();
    }
  });

  it('forgets posts the forum took out of the page', () => {
    const el = post('<p>DLBCL</p>');
    const a = createAnnotator(finder, { mode: 'first' });
    a.annotate(el);
    el.remove();
    a.prune();
    expect(a.isAnnotated(el)).toBe(false);
  });
});
