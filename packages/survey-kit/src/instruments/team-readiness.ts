import { agree, agreement, AGREE, comment, yes, yesNo } from './questions';
import type { Instrument } from './instrument';

export const TEAM_READINESS: Instrument = {
  code: 'team_readiness',
  version: 1,
  title: 'Working with a new role',
  kind: 'team_readiness',
  when: 'Before someone in a new role joins, and six months after',
  audience: 'Colleagues of staff in a new role',
  json: {
    title: 'Working with a new role',
    description: 'Your view, as a colleague, of a new role in your team.',
    pages: [
      {
        name: 'readiness',
        elements: [
          agree('tea_understand_scope', 'I understand what this role can and cannot do.'),
          yesNo('tea_know_who', 'Do you know whom to ask if you are unsure what this role may do?'),
          agree('tea_delegate', 'I am happy to pass suitable work to someone in this role.'),
          agree('tea_value', 'This role adds value for our patients.'),
          comment('tea_comment', 'What would help your team work well with this role?'),
        ],
      },
    ],
  },
  scoring: {
    constructs: [
      {
        code: 'role_understanding',
        name: 'Understanding of the role',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('tea_understand_scope'), yes('tea_know_who')],
      },
      { code: 'willingness_to_delegate', name: 'Willingness to delegate', higherIsBetter: true, favourableAt: AGREE, items: [agreement('tea_delegate')] },
      { code: 'perceived_value', name: 'Perceived value', higherIsBetter: true, favourableAt: AGREE, items: [agreement('tea_value')] },
    ],
  },
};
