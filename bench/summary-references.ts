/**
 * Reference key points, picked by hand from three demo threads: what a newly diagnosed
 * reader should take away. Used only to score the summariser against a lead baseline.
 */
export const REFERENCES: Record<string, string[]> = {
  'car-t': [
    '1.2 billion cells were transfused over a 4 week period and a few months later a PET scan showed the tumour had halved, another 3 months later it had gone.',
    'I have refractory aggressive DLBC. I am waiting on a PET scan and results to see if I can proceed with having CAR-T therapy, as this now seems to be my only option for remission.',
    'It was painless and quick to administer.',
    'They completely destroyed the tumour in my colon in about 7 or 8 months, without the horrible side effects I had experienced after chemo and radiotherapy.',
    'You can contact the Blood Cancer UK Support Services Team on 0808 2080 888.',
  ],
  hickman: [
    'I had a PICC line in my arm for R-CHOP. It was fine day to day, I used a plastic cover in the shower.',
    'My daughter had a Hickman line for her stem cell transplant because she needed lots of bloods and transfusions. It saved her so many needles.',
    'She did get one line infection and had IV antibiotics, but the ward caught it quickly.',
    'Ask your CNS for a tubigrip sleeve, it keeps the line from catching.',
  ],
  fatigue: [
    'The fatigue after chemo lasted most of a year for me.',
    'Short walks every day helped more than I expected.',
    'Pacing myself and keeping a diary helped me see patterns.',
    'There is a fatigue clinic at some hospitals.',
  ],
};
