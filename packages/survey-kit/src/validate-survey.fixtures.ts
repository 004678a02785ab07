import type { SurveyJson } from './instruments/questions';

/** A form written elsewhere: several pages, a matrix, rating, checkbox, comment and logic. */
export const FOREIGN_FORM: SurveyJson = {
  title: 'Team check-in',
  pages: [
    {
      name: 'about',
      elements: [
        { type: 'checkbox', name: 'days', title: 'Which days do you work?', choices: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
        { type: 'rating', name: 'mood', title: 'How is your week?', rateMin: 1, rateMax: 10 },
        { type: 'comment', name: 'why_low', title: 'What made it hard?', visibleIf: '{mood} < 4' },
      ],
    },
    {
      name: 'team',
      elements: [
        {
          type: 'matrix',
          name: 'team_grid',
          title: 'About your team',
          columns: [
            { value: 1, text: 'Disagree' },
            { value: 2, text: 'Neutral' },
            { value: 3, text: 'Agree' },
          ],
          rows: [
            { value: 'listened', text: 'I am listened to' },
            { value: 'clear', text: 'My tasks are clear' },
          ],
        },
        { type: 'boolean', name: 'stay', title: 'Will you be here next year?', enableIf: "{days} contains 'Mon'" },
      ],
    },
  ],
};
