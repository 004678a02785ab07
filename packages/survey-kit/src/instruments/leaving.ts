import { agree, agreement, AGREE, comment } from './questions';
import type { Instrument } from './instrument';

const REASONS = [
  { value: 'career_progression', text: 'A step up in my career' },
  { value: 'pay', text: 'Pay' },
  { value: 'workload', text: 'Workload' },
  { value: 'lack_of_support', text: 'Not enough support' },
  { value: 'unclear_role', text: 'My role was not clear to me or to others' },
  { value: 'no_supervision', text: 'Not enough supervision' },
  { value: 'isolation', text: 'Feeling on my own' },
  { value: 'relocation', text: 'Moving away' },
  { value: 'health', text: 'My health' },
  { value: 'personal', text: 'Personal or family reasons' },
  { value: 'other', text: 'Something else' },
];

export const LEAVING: Instrument = {
  code: 'leaving',
  version: 1,
  title: 'Leaving your role',
  kind: 'leaving',
  when: 'When someone leaves the role',
  audience: 'Staff leaving a new role',
  json: {
    title: 'Leaving your role',
    description: 'Thank you for your work. What you tell us helps the people who come after you.',
    pages: [
      {
        name: 'why',
        title: 'Why you are leaving',
        elements: [
          { type: 'checkbox', name: 'lea_reasons', title: 'Why are you leaving? Choose all that apply.', isRequired: true, choices: REASONS },
          { type: 'dropdown', name: 'lea_main_reason', title: 'Which of these mattered most?', choices: REASONS },
          comment('lea_would_have_kept', 'What, if anything, would have kept you in this role?'),
        ],
      },
      {
        name: 'looking_back',
        title: 'Looking back',
        elements: [
          agree('lea_belonged', 'While I was in this role I felt I belonged somewhere at work.'),
          {
            type: 'rating',
            name: 'lea_recommend',
            title: 'How likely are you to recommend this role to a friend with the right skills?',
            isRequired: true,
            rateMin: 0,
            rateMax: 10,
            minRateDescription: 'Not at all likely',
            maxRateDescription: 'Extremely likely',
          },
        ],
      },
    ],
  },
  scoring: {
    constructs: [
      { code: 'belonging', name: 'Belonging', higherIsBetter: true, favourableAt: AGREE, items: [agreement('lea_belonged')] },
      { code: 'would_recommend', name: 'Would recommend the role', higherIsBetter: true, favourableAt: 7, items: [{ item: 'lea_recommend', min: 0, max: 10 }] },
    ],
  },
};
