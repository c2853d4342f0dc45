// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../../components/popup/EmptyState';
import { StoreFailure } from '../../../components/StoreFailure';
import { ForumProblems } from '../../../components/popup/ForumProblems';
import { CheckReport } from '../../../components/popup/CheckReport';
import type { CheckStatus } from '../../../utils/browser/check-status';
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

describe('popup: the check that has just ended', () => {
  it('tells its next try from when it ended, not from when the popup last looked at the clock', () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const report = (status: CheckStatus) => <CheckReport status={status} asking={false} onStop={() => {}} />;
    render(report({ progress: null, last: null }));
    // Twenty seconds on (before the popup's next tick), the check ends: the forum failed
    // and waits 55 seconds from now.
    const ended = NOW + 20_000;
    clock.mockReturnValue(ended);
    const failed = {
      origin: ORIGIN,
      kind: 'failed' as const,
      error: 'server' as const,
      reason: 'had a problem (error 500).',
      nextTry: ended + 55_000,
      overrodeWait: false,
    };
    act(() => root!.render(report({ progress: null, last: { forums: [failed], finishedAt: ended, stopped: false } })));
    expect(document.querySelector('[data-testid=forum-outcome]')!.textContent).toBe(
      'Blood Cancer UK forum had a problem (error 500). Next try in under a minute.',
    );
    clock.mockRestore();
  });
});

// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** A saved thread's row in the popup, its buttons doing nothing. */
const threadRow = (over: Parameters<typeof savedThread>[1]) =>
  render(
    <ThreadRow
      thread={savedThread('1', over)}
      now={NOW}
      onOpen={() => {}}
      onRemove={() => {}}
      onMarkRead={() => {}}
      onSaveNote={() => Promise.resolve()}
    />,
  );

describe('popup: a thread the last check could not read', () => {
  it('says so in its row, where the other threads of its forum were read', () => {
    const meta = (lastError: string | null, gone = false) =>
      threadRow({ check: { checkedAt: NOW, seenInSweep: null, gone, lastError } }).querySelector('.row-meta')!
        .textContent;
    expect(meta('The forum sent something Threadside could not read.')).toMatch(/ · not read at the last check$/);
    expect(meta(null)).not.toMatch(/not read/);
    expect(meta('Not found.', true)).toMatch(/ · no longer on the forum$/);
  });
});

describe('popup: right-to-left titles and notes', () => {
  const row = (title: string, note: string) => threadRow({ title, note });

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

describe('popup: a thread with new replies', () => {
  const row = (fresh: number) =>
    threadRow({ title: 'Back from clinic', postCount: 4 + fresh, highestPostNumber: 4 + fresh, lastReadPostNumber: 4 });

  it('says how many in the name of the button a screen reader stops on, not only in a badge beside it', () => {
    const open = row(3).querySelector('button.row-open')!;
    expect(open.textContent).toMatch(/Back from clinic.*, 3 new replies$/);
    expect(row(1).querySelector('button.row-open')!.textContent).toMatch(/, 1 new reply$/);
    // The badge shows the count to the eye only: it is not read out a second time.
    const badge = row(120).querySelector('.row-new')!;
    expect(badge.textContent).toBe('99+');
    expect(badge.getAttribute('aria-hidden')).toBe('true');
    expect(row(0).querySelector('button.row-open')!.textContent).not.toMatch(/new repl/);
  });
});

describe('popup: before anything is saved', () => {
  const commands = (browser as unknown as { commands?: unknown }).commands;
  afterEach(() => {
    (browser as unknown as { commands?: unknown }).commands = commands;
  });
  const shown = async (shortcut: string) => {
    (browser as unknown as { commands: unknown }).commands = {
      getAll: () => Promise.resolve([{ name: 'toggle-save', shortcut }]),
    };
    const el = render(<EmptyState />);
    await act(() => Promise.resolve());
    return el.textContent;
  };

  it('names the key that saves as the reader’s browser has it, or none when it has none', async () => {
    expect(await shown('Alt+Shift+K')).toContain('at the bottom of the page, or press Alt+Shift+K.');
    expect(await shown('Ctrl+Shift+9')).toContain('or press Ctrl+Shift+9.');
    // Taken by another add-on, or removed by the reader: no key is offered.
    expect(await shown('')).toContain('at the bottom of the page.');
  });
});

describe('popup: storage that cannot be read', () => {
  it('says so, that nothing was deleted, and tries again on request, instead of a blank page', () => {
    let failing = true;
    function SavedThreads(): ReactNode {
      // As dexie-react-hooks throws a failed query during render.
      if (failing) throw new Error('UnknownError: Internal error opening backing store');
      return <p>Thread 1</p>;
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = render(
      <StoreFailure what="your saved threads">
        <SavedThreads />
      </StoreFailure>,
    );
    quiet.mockRestore();
    expect(el.querySelector('[role=alert]')!.textContent).toMatch(
      /^Threadside could not open your saved threadsNothing has been deleted.*backing store$/,
    );
    failing = false;
    act(() => el.querySelector('button')!.click());
    expect(el.textContent).toBe('Thread 1');
  });
});
