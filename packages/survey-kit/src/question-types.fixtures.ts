/**
 * A SurveyJS form as another tool would write it, with every kind of question Harbour stores
 * beyond its own instruments' (a dynamic panel holding a text and a drop-down, multiple text,
 * both drop-down matrices, an image picker, a tag box, a slider and an expression), and a set
 * of right answers to it. Used by the unit tests and the end-to-end import test.
 */
export const EVERY_TYPE_FORM = {
  title: 'Settling in, as another tool wrote it',
  pages: [
    {
      name: 'about',
      elements: [
        {
          type: 'paneldynamic',
          name: 'placements',
          title: 'Your placements so far',
          maxPanelCount: 4,
          templateElements: [
            { type: 'text', name: 'place', title: 'Where' },
            { type: 'dropdown', name: 'weeks', title: 'How long', choices: ['under 4 weeks', '4 to 12 weeks', 'over 12 weeks'] },
          ],
        },
        {
          type: 'multipletext',
          name: 'contacts',
          title: 'People you can ask',
          items: [
            { name: 'supervisor', title: 'Supervisor', maxLength: 40 },
            { name: 'peers', title: 'Peers you know by name', inputType: 'number' },
          ],
        },
        {
          type: 'matrixdropdown',
          name: 'support',
          title: 'Support from each of these',
          rows: ['manager', 'team'],
          columns: [
            { name: 'rating', title: 'How helpful', cellType: 'rating', rateMin: 1, rateMax: 5 },
            { name: 'note', title: 'A word on it', cellType: 'text' },
          ],
        },
        {
          type: 'matrixdynamic',
          name: 'training',
          title: 'Training you have had',
          maxRowCount: 5,
          columns: [
            { name: 'course', title: 'Course', cellType: 'text' },
            { name: 'useful', title: 'Useful', cellType: 'boolean' },
          ],
        },
      ],
    },
    {
      name: 'feelings',
      elements: [
        {
          type: 'imagepicker',
          name: 'mood',
          title: 'Which is closest to how you feel?',
          choices: [
            { value: 'calm', imageLink: '/favicon.svg', text: 'Calm' },
            { value: 'busy', imageLink: '/favicon.svg', text: 'Busy' },
          ],
        },
        { type: 'tagbox', name: 'topics', title: 'What would help?', choices: ['buddy', 'induction', 'time'] },
        { type: 'slider', name: 'settled', title: 'How settled do you feel?', min: 0, max: 10, step: 1 },
        { type: 'expression', name: 'settled_double', title: 'Twice that', expression: '{settled} * 2' },
      ],
    },
  ],
};

/** Right answers to {@link EVERY_TYPE_FORM}. */
export const EVERY_TYPE_ANSWERS = {
  placements: [
    { place: 'Ward 4', weeks: '4 to 12 weeks' },
    { place: 'Community team', weeks: 'under 4 weeks' },
  ],
  contacts: { supervisor: 'Sam', peers: 6 },
  support: { manager: { rating: 4, note: 'kind' }, team: { rating: 5 } },
  training: [{ course: 'Induction', useful: true }],
  mood: 'calm',
  topics: ['buddy', 'time'],
  settled: 7,
  settled_double: 14,
};
