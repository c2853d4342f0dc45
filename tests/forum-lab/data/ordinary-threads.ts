import type { ThreadSource } from '../store';

/** Everyday threads, written for the demo in the voice of a UK blood-cancer forum. */
export const ORDINARY_THREADS: ThreadSource[] = [
  {
    id: 1902,
    slug: 'hickman-line-or-picc',
    title: 'Hickman line or PICC line? Which did you have?',
    category: 'Treatments',
    start: '2024-01-15T09:20:00.000Z',
    posts: [
      {
        username: 'Anna_M',
        text: 'My husband starts chemo for AML next week and the team have asked if he would prefer a Hickman line or a PICC line. The nurse explained both but we are a bit lost. What did you have, and how did you get on with washing and sleeping?',
      },
      {
        username: 'Ravi_K',
        text: 'I had a PICC line in my arm for R-CHOP. It was fine day to day, I used a plastic cover in the shower. The dressing was changed every week at the day unit. It came out in about two minutes at the end.',
        like_count: 3,
      },
      {
        username: 'Jo_Carer',
        text: 'My daughter had a Hickman line for her stem cell transplant because she needed lots of bloods and transfusions. It saved her so many needles. She did get one line infection and had IV antibiotics, but the ward caught it quickly.',
        like_count: 2,
      },
      {
        username: 'Anna_M',
        text: 'Thank you both, that really helps. He is worried about sleeping with it. Did either of you find that a problem?',
        reply_to_post_number: 2,
      },
      {
        username: 'Ravi_K',
        text: 'Not really. I slept on the other side for the first few nights. Ask your CNS for a tubigrip sleeve, it keeps the line from catching. Good luck to you both.',
        like_count: 1,
      },
      {
        username: 'Mark_Volunteer',
        text: 'Hi @Anna_M, welcome to the forum. The Blood Cancer UK Support Services Team are there on 0808 2080 888 if you want to talk it through with someone. Take care.',
      },
    ],
  },
  {
    id: 1955,
    slug: 'fatigue-months-after-chemo',
    title: 'Still exhausted months after chemo - is this normal?',
    category: 'Living with blood cancer',
    start: '2024-06-03T18:45:00.000Z',
    posts: [
      {
        username: 'Pete_W',
        text: 'I finished ABVD for Hodgkin lymphoma in March and my PET scan showed a complete response, which is wonderful. But I am still so tired. I nap every afternoon and my legs feel heavy on the stairs. Did anyone else feel like this, and when did it lift?',
      },
      {
        username: 'Susan_B',
        text: 'Yes, I could have written this. The fatigue after chemo lasted most of a year for me. My haematologist checked my haemoglobin and thyroid, which were fine. Short walks every day helped more than I expected.',
        like_count: 4,
      },
      {
        username: 'Dev_CLL',
        text: 'Different disease (CLL on watch and wait) but fatigue is my main symptom. Pacing myself and keeping a diary helped me see patterns. Mention it at your next clinic, there is a fatigue clinic at some hospitals.',
        like_count: 2,
      },
      {
        username: 'Pete_W',
        text: 'Thanks @Susan_B, that is reassuring. My bloods were OK too. I will try the daily walks and keep a diary.',
        reply_to_post_number: 2,
      },
      {
        username: 'Louise_Volunteer',
        text: 'Hello Pete, congratulations on the complete response. Fatigue after treatment is really common. Macmillan have a good guide on coping with it, and you can call the Blood Cancer UK support line too. Sending best wishes.',
      },
    ],
  },
  {
    id: 1977,
    slug: 'neutropenic-diet-questions',
    title: 'Neutropenic and confused about what I can eat',
    category: 'Treatments',
    start: '2024-09-10T12:05:00.000Z',
    posts: [
      {
        username: 'Kemi_A',
        text: 'My neutrophils are down to 0.3 after the second cycle. The leaflet says avoid some foods but the ward said the strict neutropenic diet is not used any more. Who do I believe?',
      },
      {
        username: 'Jo_Carer',
        text: 'Our hospital gave food safety advice rather than a strict diet: well cooked meat and eggs, no unpasteurised cheese, wash salad well. The dietitian was really helpful, ask to see one.',
        like_count: 3,
      },
      {
        username: 'Ravi_K',
        text: 'Same here. The thing they drilled into me was to ring the 24 hour line straight away with a temperature of 38 or more, because of neutropenic sepsis. Keep the number on the fridge.',
        like_count: 5,
      },
      {
        username: 'Kemi_A',
        text: 'That makes sense, thank you. I will ask for the dietitian at my next appointment.',
      },
    ],
  },
  {
    id: 2011,
    slug: 'neuts-low-again',
    title: 'Neuts low again - next cycle on hold',
    category: 'Myeloma',
    start: '2024-11-05T08:40:00.000Z',
    posts: [
      {
        username: 'Sue_T',
        text: "Three cycles of Dara/Len/Dex done. My neuts were 0.6 at Tuesday's bloods, so cycle four is on hold. The MM team want a C.T. scan before they decide anything. Has anyone else had their counts drop like this?",
      },
      {
        username: 'Ravi_K',
        text: 'Mine dipped on the tablets too. I had two platelet transfusions in the first month and a few G-CSF injections, then things settled down. Ask your CNS whether they would lower the dose rather than stop it.',
        like_count: 2,
      },
      {
        username: 'Jo_Carer',
        text: 'My mum relapsed a year after her transplant and moved onto a different regimen. Her numbers came back up once the steroid dose changed. Keep a note of your temperature twice a day in the meantime.',
        like_count: 1,
      },
      {
        username: 'Sue_T',
        text: 'Thank you both. Bloods again on Friday, fingers crossed for the garden party on Sunday.',
      },
    ],
  },
];
