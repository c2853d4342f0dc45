// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPostStream } from '../../../utils/forums/post-stream-watcher';

afterEach(() => vi.useRealTimers());

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A stream in the page holding one paragraph of post text. */
function streamWith(text: string) {
  const root = document.createElement('div');
  const p = document.createElement('p');
  p.textContent = text;
  root.append(p);
  document.body.append(root);
  return { root, p };
}

describe('post stream watcher', () => {
  it('calls once for a burst of changes', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    document.body.append(root);
    const onChange = vi.fn();
    const stop = watchPostStream(root, onChange, { debounceMs: 100 });
    for (let i = 0; i < 5; i++) root.append(document.createElement('article'));
    await vi.advanceTimersByTimeAsync(50);
    root.append(document.createElement('article'));
    await vi.advanceTimersByTimeAsync(150);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('calls during changes that never stop, when given a longest wait', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    document.body.append(root);
    const onChange = vi.fn();
    const stop = watchPostStream(root, onChange, { debounceMs: 100, maxWaitMs: 200 });
    // A change every 50 ms for a second, as a forum cloaking posts while the reader scrolls.
    for (let i = 0; i < 20; i++) {
      root.append(document.createElement('article'));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(4);
    stop();
  });

  it("ignores Threadside's own marks", async () => {
    const { root, p } = streamWith('DLBCL after R-CHOP');
    const onChange = vi.fn();
    const stop = watchPostStream(root, onChange, { debounceMs: 10 });
    const mark = document.createElement('span');
    mark.setAttribute('data-threadside', 'term');
    mark.textContent = 'DLBCL';
    const rest = document.createTextNode(' after R-CHOP');
    p.replaceChildren(mark, rest);
    await flush();
    await new Promise((r) => setTimeout(r, 30));
    expect(onChange).not.toHaveBeenCalled();

    root.append(document.createElement('article'));
    await new Promise((r) => setTimeout(r, 30));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });
});
