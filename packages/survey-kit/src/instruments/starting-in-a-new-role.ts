import { agree, agreement, AGREE, comment, yes, yesNo } from './questions';
import type { Instrument } from './instrument';

export const STARTING_IN_A_NEW_ROLE: Instrument = {
  code: 'starting_in_a_new_role',
  version: 1,
  title: 'Starting in a new role',
  kind: 'onboarding',
  when: 'In the first week, and again after a month',
  audience: 'Staff in a new role',
  json: {
    title: 'Starting in a new role',
    description: 'A few minutes on how your first weeks have gone. Your answers help your organisation support people in new roles.',
    pages: [
      {
        name: 'first_weeks',
        title: 'Your first weeks',
        elements: [
          yesNo('onb_induction_done', 'Have you had an induction to your team and your organisation?'),
          agree('onb_job_description', 'My job description describes the work I am actually asked to do.'),
          yesNo('onb_scope_defined', 'Has your scope of practice been written down: what you may and may not do in this role?'),
          agree(
            'onb_scope_known',
            'I know what I am allowed to do in this role, for example whether I may prescribe, transcribe, carry out procedures or see patients on my own.',
          ),
          agree('onb_scope_known_by_team', 'The people I work with know what my role can and cannot do.'),
          yesNo('onb_governance_policy', 'Is there a policy that says who is accountable for your work and how your role is governed?'),
        ],
      },
      {
        name: 'support',
        title: 'Support',
        elements: [
          yesNo('onb_supervisor_named', 'Do you have a named clinical supervisor?'),
          yesNo('onb_line_manager_named', 'Do you have a named line manager?'),
          yesNo('onb_training_plan', 'Have you agreed a training and development plan?'),
        ],
      },
      {
        name: 'set_up',
        title: 'Getting set up',
        elements: [
          agree('onb_equipment', 'I have the equipment and access I need to do my job (for example a smartcard, IT logins, and a room or desk).'),
          agree('onb_welcome', 'The team made me feel welcome.'),
          comment('onb_comment', 'Is there anything that would have made your start easier?'),
        ],
      },
    ],
  },
  scoring: {
    constructs: [
      {
        code: 'governance_clarity',
        name: 'Governance and scope clarity',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('onb_job_description'), yes('onb_scope_defined'), agreement('onb_scope_known'), agreement('onb_scope_known_by_team'), yes('onb_governance_policy')],
      },
      {
        code: 'onboarding_support',
        name: 'Onboarding support in place',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [yes('onb_induction_done'), yes('onb_supervisor_named'), yes('onb_line_manager_named'), yes('onb_training_plan')],
      },
      {
        code: 'set_up',
        name: 'Set up and welcomed',
        higherIsBetter: true,
        favourableAt: AGREE,
        items: [agreement('onb_equipment'), agreement('onb_welcome')],
      },
    ],
  },
};
