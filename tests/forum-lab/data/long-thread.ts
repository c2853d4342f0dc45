import type { ThreadSource } from '../store';

/**
 * A 1,000-post thread for performance work, generated from a fixed seed so every run (and
 * every benchmark) sees the same words.
 */
const USERS = [
  'Maggie_T',
  'Ray_L',
  'Priya_S',
  'Tom_H',
  'Nadia_R',
  'Bill_D',
  'Chloe_F',
  'Sam_G',
  'Helen_W',
  'Kwame_O',
  'Lucy_P',
  'Gareth_J',
  'Mark_Volunteer',
  'Louise_Volunteer',
];

const OPENERS = [
  'Hi all,',
  'Morning everyone.',
  'Quick update from me.',
  'Thanks for the replies.',
  'Evening all,',
  'Hello again.',
  'Just catching up on the thread.',
  '',
];

const SENTENCES = [
  'Clinic today went well and my neutrophils are finally back above 1.5.',
  'The consultant wants another PET scan after cycle four of R-CHOP.',
  'I had my Hickman line out on Friday and the bruising is already fading.',
  'My husband is on day +30 after his stem cell transplant and eating a little more.',
  'The fatigue is the hardest part, I sleep most afternoons.',
  'My platelets dropped again so I needed a transfusion on the day unit.',
  'We met the CAR-T team at the Christie and they explained the cytokine release syndrome risk.',
  'The bone marrow biopsy was not as bad as I feared, the gas and air helped.',
  'My CNS rang to say the MDT meeting agreed on the next step.',
  'I am on watch and wait for CLL and my lymphocyte count has crept up slightly.',
  'Mouth ulcers from the chemo have settled with the special mouthwash.',
  'The neuropathy in my feet is a bit better since they reduced the vincristine.',
  'Steroid days are strange, I am wide awake at 3am cleaning the kitchen.',
  'Our daughter had her second dose of blinatumomab and coped well.',
  'The haematologist said the scan shows a partial response, so we keep going.',
  'I asked about clinical trials and they are checking if I am eligible.',
  'GvHD of the skin has flared up again so they increased the ciclosporin.',
  'My ferritin is high from all the transfusions, so venesection was mentioned.',
  'Has anyone had lenalidomide as maintenance for myeloma?',
  'Does anyone know how long the hair takes to come back after BEACOPDF?',
  'I keep a notebook of my blood counts, it helps me ask better questions.',
  'The MRD test came back negative, which the team were pleased with.',
  'We are waiting for a matched unrelated donor from Anthony Nolan.',
  'Remember the 24 hour helpline if you spike a temperature.',
  'Sending hugs to everyone having a tough week.',
  'Take care all and thank you for being here.',
  'My dad starts ibrutinib next week, any tips on the side effects?',
  'Just had the PICC line dressing changed, the nurse was lovely.',
  'The lumbar puncture for intrathecal methotrexate was quicker than I expected.',
  'Relapsed DLBCL again, so the team are talking about CAR-T or a trial.',
];

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLongThread(id: number, count = 1000, seed = 2024): ThreadSource {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const posts: ThreadSource['posts'] = [
    {
      username: 'Maggie_T',
      text:
        'Starting a thread for anyone going through treatment this year, to share the ups and downs.\n\n' +
        'I was diagnosed with DLBCL in January and start R-CHOP next week. How is everyone doing?',
      like_count: 12,
    },
  ];
  for (let n = 2; n <= count; n++) {
    const username = pick(USERS);
    const parts = [pick(OPENERS)];
    const sentences = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < sentences; i++) parts.push(pick(SENTENCES));
    let text = parts.filter(Boolean).join(' ');
    const replyTo = rand() < 0.25 ? Math.max(1, n - 1 - Math.floor(rand() * 5)) : null;
    let quote: ThreadSource['posts'][number]['quote'];
    if (replyTo !== null) {
      const quoted = posts[replyTo - 1];
      text = `@${quoted.username} ${text}`;
      if (rand() < 0.4) {
        quote = { username: quoted.username, post_number: replyTo, text: quoted.text.split('\n')[0] };
      }
    }
    if (rand() < 0.15) text += '\n\n' + pick(SENTENCES);
    posts.push({
      username,
      text,
      like_count: rand() < 0.3 ? Math.floor(rand() * 6) : 0,
      reply_to_post_number: replyTo,
      quote,
    });
  }
  return {
    id,
    slug: 'long-running-support-thread',
    title: 'Going through treatment this year - support thread',
    category: 'Living with blood cancer',
    start: '2024-01-05T08:00:00.000Z',
    posts,
  };
}
