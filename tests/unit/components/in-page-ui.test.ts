// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createThreadBar } from '../../../components/thread-bar';
import { termTooltip } from '../../../components/term-tooltip';
import type { GlossaryEntry } from '../../../utils/glossary/schema';

/** A bar whose buttons do nothing: these tests look at what it shows. */
const newBar = () =>
  createThreadBar(document, {
    onToggleSave() {},
    onJumpToNew() {},
    onMarkRead() {},
    onHiddenChange() {},
    onToggleSummary() {},
  });

describe('in-page UI', () => {
  it('shows a hostile thread title as text, never as markup', () => {
    const bar = newBar();
    document.body.append(...bar.elements);
    bar.update({ title: '<img src=x onerror=alert(1)> CAR-T', postCount: 1200, loadedCount: 20 });
    const title = document.querySelector('[data-testid=thread-title]')!;
    expect(title.textContent).toBe('<img src=x onerror=alert(1)> CAR-T');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[data-testid=post-count]')!.textContent).toBe('1,200 posts');
  });

  it('lays a right-to-left title out on its own, and a forum cannot make a title reverse itself', () => {
    const bar = newBar();
    document.body.replaceChildren(...bar.elements);
    // U+202E (right-to-left override) would show "exe.gnp" for the file named after it.
    bar.update({ title: 'علاج CAR-T \u202Egnp.exe\u2066 more', postCount: 3, loadedCount: 3 });
    const title = document.querySelector('[data-testid=thread-title]')!;
    expect(title.getAttribute('dir')).toBe('auto');
    expect(title.textContent).toBe('علاج CAR-T gnp.exe more');
  });

  it('keeps the title as it is, its underlines and opened state too, while only the count changes', () => {
    const bar = newBar();
    document.body.replaceChildren(...bar.elements);
    bar.update({ title: 'Relapse after CAR-T', postCount: 40, loadedCount: 20 });
    const title = bar.titleElement;
    const mark = document.createElement('span');
    mark.setAttribute('data-threadside', 'term');
    mark.textContent = 'CAR-T';
    // As the glossary marks it.
    title.replaceChildren('Relapse after ', mark);
    bar.update({ title: 'Relapse after CAR-T', postCount: 41, loadedCount: 40 });
    expect(title.textContent).toBe('Relapse after CAR-T');
    expect(title.querySelector('[data-threadside=term]')).toBe(mark);
    expect(document.querySelector('[data-testid=post-count]')!.textContent).toBe('41 posts');
    // Another thread's title is written anew.
    bar.update({ title: 'Fatigue after chemo', postCount: 3, loadedCount: 3 });
    expect(title.textContent).toBe('Fatigue after chemo');
    expect(title.querySelector('[data-threadside=term]')).toBeNull();
  });

  it('says when a save could not be done, in the Save button’s own space, and aloud', () => {
    const bar = newBar();
    document.body.replaceChildren(...bar.elements);
    const save = document.querySelector<HTMLButtonElement>('[data-testid=save]')!;
    const said = () => document.querySelector('[data-testid=bar-status]')!.textContent;
    bar.setSaved(false);
    bar.saveFailed(false);
    expect(save.textContent).toBe('Retry');
    expect(save.disabled).toBe(false);
    expect(save.title).toBe('Threadside could not save this thread just now. Try again, or reload the page.');
    expect(said()).toBe(save.title);
    // Tried again, and done: the button is itself again, and that is said too.
    bar.setSaved(true);
    bar.saveDone(true);
    expect([save.textContent, save.classList.contains('ts-save--failed'), said()]).toEqual([
      'Saved',
      false,
      'Saved to your Threadside list.',
    ]);
    bar.saveFailed(true);
    expect(said()).toMatch(/^Threadside could not remove this thread from your list/);
    bar.setSaved(false);
    bar.saveDone(false);
    expect(said()).toBe('Removed from your Threadside list. Save it again to undo: its note and place come back.');
  });

  it('names the key that saves as the reader’s browser has it, and none when it has none', () => {
    const bar = newBar();
    document.body.replaceChildren(...bar.elements);
    const save = document.querySelector<HTMLButtonElement>('[data-testid=save]')!;
    bar.setSaved(false);
    // Until the browser has said: no key is named rather than one the reader may not have.
    expect(save.title).toBe('Save this thread to follow it');
    bar.setSaveKey('Ctrl+Shift+9');
    expect(save.title).toBe('Save this thread to follow it (Ctrl+Shift+9)');
    bar.setSaved(true);
    expect(save.title).toBe('Saved to your Threadside list. Click to remove it (Ctrl+Shift+9)');
    // A failed save keeps saying why, whatever key comes meanwhile.
    bar.saveFailed(true);
    bar.setSaveKey('Alt+Shift+K');
    expect(save.title).toMatch(/^Threadside could not remove this thread/);
    bar.setSaved(true);
    expect(save.title).toBe('Saved to your Threadside list. Click to remove it (Alt+Shift+K)');
    bar.setSaveKey(null);
    expect(save.title).toBe('Saved to your Threadside list. Click to remove it');
  });

  it('collapses and expands the bar from the keyboard-reachable buttons', () => {
    const bar = newBar();
    const [full, collapsed] = bar.elements;
    (full.querySelector('[aria-label="Hide Threadside bar"]') as HTMLButtonElement).click();
    expect(full.hidden).toBe(true);
    expect(collapsed.hidden).toBe(false);
    (collapsed.querySelector('button') as HTMLButtonElement).click();
    expect(full.hidden).toBe(false);
  });

  it('shows both senses of an ambiguous abbreviation and the not-advice note', () => {
    const entry = (id: string, term: string): GlossaryEntry => ({
      id,
      term,
      category: 'care_nhs',
      definition: `About ${term}.`,
      aliases: ['CNS'],
      variants: [],
      learnMore: 'https://www.nhs.uk/',
    });
    const tip = termTooltip(document, [entry('a', 'clinical nurse specialist'), entry('b', 'central nervous system')]);
    expect([...tip.querySelectorAll('.ts-term')].map((e) => e.textContent)).toEqual([
      'clinical nurse specialist',
      'central nervous system',
    ]);
    expect(tip.querySelector('.ts-ambiguous')!.textContent).toContain('two things');
    expect(tip.querySelector('.ts-note')!.textContent).toContain('not medical advice');
    expect(tip.querySelector('a')!.getAttribute('rel')).toContain('noopener');
  });
});
