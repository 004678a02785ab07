import { agree, agreement, AGREE, comment } from './questions';
import type { Instrument } from './instrument';

export const PULSE: Instrument = {
  code: 'pulse',
  version: 1,
  title: 'Pulse',
  kind: 'pulse',
  when: 'Every quarter, between the longer surveys',
  audience: 'Staff in a new role',
  json: {
    title: 'Pulse',
    description: 'Three questions and a chance to say one thing. Under a minute.',
    pages: [
      {
        name: 'pulse',
        elements: [
          agree('pul_belonging', 'I feel I belong in my team.'),
          agree('pul_supported', 'I feel supported in my role.'),
          agree('pul_stay', 'I expect to be working in this role a year from now.'),
          comment('pul_one_thing', 'What one thing would make the biggest difference to you now?'),
        ],
      },
    ],
  },
  scoring: {
    constructs: [
      { code: 'belonging', name: 'Belonging', higherIsBetter: true, favourableAt: AGREE, items: [agreement('pul_belonging')] },
      { code: 'support', name: 'Feeling supported', higherIsBetter: true, favourableAt: AGREE, items: [agreement('pul_supported')] },
      { code: 'intention_to_stay', name: 'Intention to stay', higherIsBetter: true, favourableAt: AGREE, items: [agreement('pul_stay')] },
    ],
  },
};
