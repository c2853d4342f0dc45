import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../utils/glossary/load';
import { createMatcher } from '../../../utils/glossary/matcher';
import { summarise, type ThreadPost } from '../../../utils/summary/summarise';

/**
 * The ways summaries failed on real long threads (issue #16), each as a small thread of
 * our own: the asker's story crowding out the answers, safety advice dropped, claims kept
 * without their caveats, repeats, broken or overlong points, a post about suicide mined
 * for points.
 */
const { entries, byId } = loadGlossary();
const opts = { matcher: createMatcher(entries), entries: byId };

let n = 0;
const post = (username: string, text: string, like_count = 0): ThreadPost => ({
  post_number: ++n,
  username,
  like_count,
  text,
});
const thread = (title: string, ...posts: ThreadPost[]) => {
  n = 0;
  return { title, posts: posts.map((p, i) => ({ ...p, post_number: i + 1 })) };
};

describe('answers, not the asker’s story', () => {
  const t = thread(
    'Started lenalidomide maintenance, when does the tiredness ease',
    post(
      'Gail',
      'Hi all. I started lenalidomide maintenance three weeks ago after my transplant and I am so tired. Does the tiredness ease off?',
    ),
    post(
      'Gail',
      'To add a bit more, I had my stem cell transplant in March and I was in for four weeks. I had mucositis and I lost a stone. My husband had to do everything for me.',
    ),
    post(
      'Ron',
      "You're looking at two to three months before your body settles on len, so give it time and ask your team about dropping the dose if it stays bad.",
      2,
    ),
    post(
      'Gail',
      'I also had a line infection in April and I was back in for a week. I was on antibiotics and I felt awful. My consultant said my paraprotein is now zero.',
    ),
    post(
      'Ade',
      'The tiredness on maintenance eased for me after about ten weeks, and a short walk every morning helped more than resting all day.',
      3,
    ),
    post(
      'Gail',
      'I have always been a busy person and I hate sitting still. I used to walk the dog every day and I miss it so much. I feel like I have lost myself.',
    ),
    post('Meena', 'Worth asking your CNS whether it could be your thyroid or your iron, they checked both for me.'),
  );
  const s = summarise(t, opts);

  it('shows the replies that answer the question', () => {
    const text = s.keyPoints.map((k) => k.text).join(' ');
    expect(text).toMatch(/two to three months/);
    expect(text).toMatch(/eased for me after about ten weeks/);
  });

  it('takes at most one point from the asker’s own follow-ups', () => {
    expect(s.keyPoints.filter((k) => k.author === 'Gail').length).toBeLessThanOrEqual(1);
  });
});

describe('safety advice', () => {
  const t = thread(
    'Mouth ulcers on R-CHOP, any tips',
    post('Jo', 'My mouth is full of ulcers after cycle 2 of R-CHOP. Any tips welcome.'),
    post('Sam', 'A salt water mouthwash four times a day was the thing that helped me most with ulcers.', 25),
    post(
      'Kath',
      'Ulcers are a pain. They may want you to come in to check you’re not neutropenic, that can be very serious. Soft food helped me too.',
      1,
    ),
    post('Lin', 'Sucking ice lollies helped my ulcers no end, and the Difflam spray from the pharmacy.', 12),
    post('Sam', 'Agree with Lin, ice lollies were a lifesaver.', 4),
  );
  const s = summarise(t, opts);

  it('always shows the neutropenia warning, in its own section, linked to its post', () => {
    expect(s.safety.map((x) => [x.postNumber, x.author])).toEqual([[3, 'Kath']]);
    expect(s.safety[0].text).toMatch(/neutropenic, that can be very serious/);
  });

  it('does not make the safety sentence a key point too', () => {
    expect(s.keyPoints.some((k) => /neutropenic/.test(k.text))).toBe(false);
  });

  it('finds a temperature warning, but not a story of an infection caught in time', () => {
    const t2 = thread(
      'First cycle done',
      post('Al', 'Just had cycle 1 of ABVD. What should I watch for?'),
      post('Bo', 'I had a line infection and they caught it straight away on the ward, I was fine.'),
      post('Cy', 'If your temperature goes over 37.5 ring the 24-hour number, don’t wait until the morning.'),
    );
    const s2 = summarise(t2, opts);
    expect(s2.safety.map((x) => x.postNumber)).toEqual([3]);
  });
});

describe('caveats travel with claims', () => {
  const t = thread(
    'Teclistamab, does it work',
    post('Ian', 'Offered teclistamab after four lines of treatment. Has anyone had it, did it work?'),
    post(
      'Pat',
      'I looked it up before I started. The trial had about a 60% response rate in people like us. But it is still 50-50 for anyone individually, nobody can promise you anything. I started in May.',
      5,
    ),
    post('Ros', 'My husband had it and his light chains came right down within three months.', 2),
    post('Ros', 'The step-up doses mean a week on the ward at the start, so pack for a week.'),
  );
  const s = summarise(t, opts);

  it('keeps the hedge beside the response rate', () => {
    const rate = s.keyPoints.find((k) => /60% response rate/.test(k.text));
    expect(rate).toBeDefined();
    expect(`${rate!.text} ${rate!.caveat ?? ''}`).toMatch(/50-50 for anyone/);
  });
});

describe('the question', () => {
  it('is found without a question mark, after a long story, and kept short', () => {
    const story =
      'Diagnosed in June with DLBCL, had six cycles of R-CHOP which seemed to work at first and the mid-point scan was good but then the end of treatment PET showed it lighting up again in two places so they did a biopsy and now my consultant has used the word refractory and talked about salvage chemo and maybe CAR-T if I respond and I was too shocked to ask anything and my wife was crying so we just nodded and left and now we are sat at home going round in circles and neither of us has slept properly for three nights. ';
    const t = thread(
      'Refractory after R-CHOP',
      post(
        'Dev',
        `${story}Can anyone help me understand what refractory actually means in plain English and what happens next`,
      ),
      post(
        'Flo',
        'Refractory means it did not go away with the first treatment, it does not mean it cannot be treated.',
      ),
    );
    const q = summarise(t, opts).question!;
    expect(q.text).toMatch(/help me understand what refractory/);
    expect(q.text.length).toBeLessThanOrEqual(200);
    expect(q.text).not.toMatch(/Diagnosed in June/);
  });

  it('takes a short question over the story before it', () => {
    const t = thread(
      'Just started R-CHOP - what helped you?',
      post(
        'Lucy',
        'I was diagnosed with DLBCL in April and had my first cycle last week. The steroids kept me awake and my mouth is sore. What helped you get through it?',
      ),
      post('Gra', 'Salt water mouthwash and a night light.'),
    );
    const q = summarise(t, opts).question!;
    expect(q.text).toBe('What helped you get through it?');
    expect(q.subject).toBeUndefined();
  });

  it('names the title’s subject when the post does not', () => {
    const t = thread(
      'Hickman line vs PICC for ABVD',
      post('Mo', 'I have been told I need one of these before I start. Which is better if I still want to swim?'),
      post('Kay', 'I had a PICC and could not swim with it.'),
    );
    const q = summarise(t, opts).question!;
    expect(q.subject).toBe('Hickman line vs PICC for ABVD');
    expect(q.text).toMatch(/Which is better/);
  });

  it('skips a generic "any advice" for the sentence that says what is asked', () => {
    const t = thread(
      'Watch and wait',
      post(
        'Ed',
        'I have follicular lymphoma and I am on watch and wait. Any advice welcome. I would like to know how others cope with the wait between scans.',
      ),
      post('Gi', 'Keeping busy between scans helped me a lot, and I stopped googling.'),
    );
    expect(summarise(t, opts).question!.text).toMatch(/how others cope with the wait between scans/);
  });
});

describe('no repeats', () => {
  it('shows a point made in many posts, in other words, once', () => {
    const t = thread(
      'Second opinion before SCT?',
      post('Kim', 'Should I get a second opinion before my stem cell transplant? Any thoughts?'),
      post('A1', 'I asked about clinical trials at my first appointment and they found one for me.', 3),
      post('A2', 'I asked about clinical trials too and they found one for me at another hospital.', 2),
      post('A3', 'I also asked about clinical trials and they were happy to find one for me.', 2),
      post('A4', 'Asking about clinical trials is worth it, they found one for me as well.', 1),
      post('B1', 'In the end it is your decision and nobody will think badly of you for a second opinion.', 4),
      post('B2', 'It is your decision in the end, and a second opinion is your right on the NHS.', 3),
      post('B3', 'Ultimately the decision is yours, and asking for a second opinion is normal.', 2),
      post('C1', 'A second opinion took three weeks for me and did not delay the transplant.', 1),
    );
    const s = summarise(t, opts);
    const trials = s.keyPoints.filter((k) => /clinical trials/i.test(k.text));
    const decision = s.keyPoints.filter((k) => /decision/i.test(k.text));
    expect(trials.length).toBeLessThanOrEqual(1);
    expect(decision.length).toBeLessThanOrEqual(1);
  });
});

describe('clean key points', () => {
  const week = Array.from(
    { length: 15 },
    (_, i) => `On day ${i + 1} I went to the day unit for bloods and a chat with the nurse about my counts.`,
  ).join(' ');
  const t = thread(
    'My week on the day unit',
    post('Una', 'What is a normal week like on the day unit during induction?'),
    post('Vic', week),
    post(
      'Wyn',
      'They checked my stool sample this month.A second one is due in a fortnight and they said to keep taking vit. C with the iron. Hope you see results soon. Onwards and upwards!',
      9,
    ),
    post(
      'Xan',
      'Expect long waits, take a book, a charger and snacks, because a day unit visit can easily run to six hours when pharmacy is busy, and the chemo is only made once your bloods are back and checked by the team, which can take two hours on a busy morning with lots of people in and nowhere to sit.',
      2,
    ),
  );
  const s = summarise(t, opts);

  it('splits sentences run together and keeps "vit. C" whole', () => {
    const texts = s.keyPoints.map((k) => k.text);
    expect(texts.some((x) => /month\.A/.test(x))).toBe(false);
    expect(texts.some((x) => /^C with the iron/.test(x))).toBe(false);
  });

  it('takes at most two points from one post, each at most about 40 words', () => {
    expect(s.keyPoints.filter((k) => k.postNumber === 2).length).toBeLessThanOrEqual(2);
    for (const k of s.keyPoints) expect(k.text.split(/\s+/).length).toBeLessThanOrEqual(41);
    const long = s.keyPoints.find((k) => k.author === 'Xan');
    expect(long?.text.endsWith('…')).toBe(true);
  });

  it('never makes a key point of a sign-off', () => {
    for (const k of s.keyPoints) expect(k.text).not.toMatch(/Onwards and upwards|Hope you see results/);
  });
});

describe('a post about suicide', () => {
  const t = thread(
    'Low after transplant',
    post('Tom', 'Four months after my transplant and I feel flat all the time. Is this normal?'),
    post(
      'Tom',
      'To be honest some nights I have thought everyone would be better off without me. I have not told anyone.',
      6,
    ),
    post(
      'Una',
      'Low mood after transplant is really common and your team can help, ask them about the psychology service.',
      4,
    ),
    post('Viv', 'Please talk to someone today. Samaritans are free on 116 123, day or night.', 9),
  );
  const s = summarise(t, opts);

  it('is flagged so the panel can show where to get help', () => {
    expect(s.crisisPosts).toContain(2);
  });

  it('is never pulled out as a key point', () => {
    expect(s.keyPoints.some((k) => k.postNumber === 2)).toBe(false);
    expect(s.keyPoints.some((k) => /better off without me/.test(k.text))).toBe(false);
  });

  it('keeps the urgent help the replies give among the safety advice', () => {
    expect(s.safety.map((x) => x.text).join(' ')).toMatch(/116 123/);
  });
});
