import { agree, agreement, AGREE, comment, DISAGREE } from './questions';
import type { Instrument } from './instrument';

/** Where someone feels they belong: the belonging map reads this item. */
export const BELONG_WHERE_CHOICES = [
  { value: 'host', text: 'In the practice, ward or service where I work day to day' },
  { value: 'team', text: 'In my primary care network or my service team' },
  { value: 'both', text: 'In both' },
  { value: 'nowhere', text: 'Nowhere in particular' },
];

export const WHERE_I_BELONG: Instrument = {
  code: 'where_i_belong',
  version: 1,
  title: 'Where I belong',
  kind: 'belonging',
  when: 'Three months after starting, then every quarter',
  audience: 'Staff in a new role',
  json: {
    title: 'Where I belong',
    description: 'How connected you feel at work, and to whom. There are no right answers.',
    pages: [
      {
        name: 'belonging',
        title: 'Belonging',
        elements: [
          { type: 'radiogroup', name: 'bel_where', title: 'Where do you feel you belong at work?', isRequired: true, choices: BELONG_WHERE_CHOICES },
          agree('bel_part_of_team', 'I feel part of a team.'),
          agree('bel_accepted', 'Colleagues accept me as a full member of the team.'),
          agree('bel_valued', 'My work is valued by the people I work with.'),
          agree('bel_isolated', 'I often feel on my own at work.'),
        ],
      },
      {
        name: 'support',
        title: 'Support',
        elements: [
          agree('bel_peer_contact', 'I have regular contact with other people in the same role as me.'),
          agree('bel_peer_help', 'I can turn to others in the same role for help and advice.'),
          agree('bel_supervision_regular', 'I get clinical supervision as often as I need it.'),
          agree('bel_supervision_useful', 'My supervision helps me do my job well.'),
          agree('bel_pushback', 'I have met resistance or push-back from colleagues about my role.'),
        ],
      },
      {
        name: 'future',
        title: 'Looking ahead',
        elements: [
          agree('bel_stay_year', 'I expect to be working in this role a year from now.'),
          agree('bel_thinking_leaving', 'I often think about leaving this role.'),
          comment('bel_comment', 'Is there anything else you would like to tell us about belonging in your role?'),
        ],
      },
    ],
  },
  scoring: {
    constructs: [
      {
        code: 'belonging',
        name: 'Belonging',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('bel_part_of_team'), agreement('bel_accepted'), agreement('bel_valued'), agreement('bel_isolated', true)],
      },
      { code: 'peer_support', name: 'Peer support', higherIsBetter: true, favourableAt: AGREE, items: [agreement('bel_peer_contact'), agreement('bel_peer_help')] },
      {
        code: 'supervision',
        name: 'Supervision',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('bel_supervision_regular'), agreement('bel_supervision_useful')],
      },
      { code: 'feeling_valued', name: 'Feeling valued', higherIsBetter: true, favourableAt: AGREE, items: [agreement('bel_valued')] },
      { code: 'isolation', name: 'Isolation', higherIsBetter: false, favourableAt: DISAGREE, items: [agreement('bel_isolated')] },
      { code: 'resistance', name: 'Resistance met', higherIsBetter: false, favourableAt: DISAGREE, items: [agreement('bel_pushback')] },
      {
        code: 'intention_to_stay',
        name: 'Intention to stay',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('bel_stay_year'), agreement('bel_thinking_leaving', true)],
      },
    ],
  },
};
