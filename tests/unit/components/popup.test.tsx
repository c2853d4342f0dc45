// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ForumProblems } from '../../../components/popup/ForumProblems';
import { ThreadRow } from '../../../components/popup/ThreadRow';
import { savedThread } from '../saved-thread-fixture';

// React warns on every update outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
function render(ui: ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
  act(() => root!.render(ui));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

const NOW = Date.parse('2026-10-01T09:00:00Z');
const ORIGIN = 'https://forum.bloodcancer.org.uk';
const problemLine = (lastError: string, nextAttemptAt: number) =>
  render(<ForumProblems forums={[{ origin: ORIGIN, lastError, nextAttemptAt }]} now={NOW} />).querySelector(
    '[data-testid=forum-problem]',
  )!.textContent;

describe('popup: forums that failed at a timed check', () => {
  it('says when the next try is once, even for a sentence stored by an earlier version with its own wait', () => {
    expect(
      problemLine(
        'forum.bloodcancer.org.uk asked Threadside to slow down. It will try again in 90 seconds.',
        NOW + 90_000,
      ),
    ).toBe('forum.bloodcancer.org.uk asked Threadside to slow down. Next try in 90 seconds.');
    expect(
      problemLine(
        'forum.bloodcancer.org.uk had a problem (error 503). Threadside will try again later.',
        NOW + 300_000,
      ),
    ).toBe('forum.bloodcancer.org.uk had a problem (error 503). Next try in 5 minutes.');
    expect(
      problemLine(
        'Could not reach forum.bloodcancer.org.uk. Check your connection; Threadside will try again later.',
        NOW + 5_000,
      ),
    ).toBe('Could not reach forum.bloodcancer.org.uk. Check your connection. Next try in under a minute.');
  });

  it('does not repeat a stored wait that is already over', () => {
    expect(
      problemLine('forum.bloodcancer.org.uk asked Threadside to slow down. It will try again in 3 minutes.', NOW - 1),
    ).toBe('forum.bloodcancer.org.uk asked Threadside to slow down.');
  });

  it('names the forum before a reason stored on its own, and never says "just now"', () => {
    const line = problemLine('took too long to answer.', NOW + 1_000);
    expect(line).toBe('Blood Cancer UK forum took too long to answer. Next try in under a minute.');
    expect(line).not.toMatch(/just now/);
  });
});

// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe('popup: right-to-left titles and notes', () => {
  const row = (title: string, note: string) =>
    render(
      <ThreadRow
        thread={savedThread('1', { title, note })}
        now={NOW}
        onOpen={() => {}}
        onRemove={() => {}}
        onMarkRead={() => {}}
        onSaveNote={() => Promise.resolve()}
      />,
    );

  it('lays an Arabic title and a Hebrew note out by their own direction, without stored bidi controls', () => {
    const el = row('\u202Eعلاج الورم\u202C \u2067النقوي\u2069', '\u202Bלשאול את הרופא\u202C על \u2066CAR-T\u2069');
    const title = el.querySelector('.row-title')!;
    const note = el.querySelector('.row-note')!;
    expect(title.getAttribute('dir')).toBe('auto');
    expect(note.getAttribute('dir')).toBe('auto');
    expect(title.textContent).toBe('علاج الورم النقوي');
    expect(note.textContent).toBe('לשאול את הרופא על CAR-T');
    expect(el.textContent).not.toMatch(BIDI);
    // The title also goes into the open button's tooltip and the buttons' names.
    for (const b of el.querySelectorAll('button')) {
      expect(b.getAttribute('title') ?? '').not.toMatch(BIDI);
      expect(b.getAttribute('aria-label') ?? '').not.toMatch(BIDI);
    }
  });
});
