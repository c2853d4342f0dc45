import { describe, expect, it } from 'vitest';
import { gistSource, linkGist } from '../../../utils/summary/gist';
import {
  canWriteGist,
  onDeviceSummarizer,
  writeGist,
  type OnDeviceSummarizer,
} from '../../../utils/browser/on-device-gist';
import type { KeyPoint } from '../../../utils/summary/summarise';

const points: KeyPoint[] = [
  { text: 'The PICC line needs flushing and a new dressing once a week.', author: 'Ravi', postNumber: 2 },
  {
    text: 'A Hickman line saved my daughter many needles during her transplant.',
    author: 'Jo',
    postNumber: 3,
    caveat: 'She did get one line infection.',
  },
  { text: 'Ask your CNS for a tubigrip sleeve to stop the line catching.', author: 'Ravi', postNumber: 5 },
];

/** A stand-in for Chrome's Summarizer: records what it was given, answers with `reply`. */
function standIn(reply: string, availability = 'available') {
  const given: string[] = [];
  let destroyed = 0;
  const model: OnDeviceSummarizer = {
    availability: () => Promise.resolve(availability as 'available'),
    create: () =>
      Promise.resolve({
        summarize: (text: string) => (given.push(text), Promise.resolve(reply)),
        destroy: () => void destroyed++,
      }),
  };
  return { model, given, destroyed: () => destroyed };
}

describe('the on-device gist', () => {
  it('is written from the key points only, caveats included, and the model is let go after', async () => {
    const s = standIn('A PICC needs weekly care. A Hickman saves needles but can get infected.');
    await writeGist(s.model, gistSource({ keyPoints: points }));
    expect(s.given).toHaveLength(1);
    expect(s.given[0].split('\n')).toEqual([
      '- The PICC line needs flushing and a new dressing once a week.',
      '- A Hickman line saved my daughter many needles during her transplant. She did get one line infection.',
      '- Ask your CNS for a tubigrip sleeve to stop the line catching.',
    ]);
    expect(s.destroyed()).toBe(1);
  });

  it('links each sentence to the posts it draws on, and leaves unbacked sentences unlinked', () => {
    const gist = linkGist(
      'A PICC line needs flushing and a dressing every week. A Hickman line saves needles, though it can get an infection. Most people love the ward food. Extra fourth sentence here.',
      points,
    );
    expect(gist.map((g) => g.posts)).toEqual([[2], [3], []]);
    expect(gist).toHaveLength(3);
  });

  it('is offered only where the browser has a model (not a page’s look-alike), and not when it is unavailable', async () => {
    expect(onDeviceSummarizer({})).toBeNull();
    expect(onDeviceSummarizer({ Summarizer: { availability: 'yes', create: 'please' } })).toBeNull();
    const there = standIn('x');
    expect(onDeviceSummarizer({ Summarizer: there.model })).toBe(there.model);
    expect(await canWriteGist(there.model)).toBe(true);
    expect(await canWriteGist(standIn('x', 'downloadable').model)).toBe(true);
    expect(await canWriteGist(standIn('x', 'unavailable').model)).toBe(false);
    const broken: OnDeviceSummarizer = {
      availability: () => Promise.reject(new Error('no')),
      create: () => Promise.reject(new Error('no')),
    };
    expect(await canWriteGist(broken)).toBe(false);
  });
});
