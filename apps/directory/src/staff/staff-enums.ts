import { registerEnumType } from 'type-graphql';

/** Why someone left, in the categories exit data uses. */
export enum LeaveReasonValue {
  CAREER_PROGRESSION = 'career_progression',
  ANOTHER_NHS_ROLE = 'another_nhs_role',
  LEFT_THE_NHS = 'left_the_nhs',
  RETIREMENT = 'retirement',
  END_OF_FIXED_TERM = 'end_of_fixed_term',
  RELOCATION = 'relocation',
  WORK_LIFE_BALANCE = 'work_life_balance',
  HEALTH = 'health',
  LACK_OF_SUPPORT = 'lack_of_support',
  DISMISSAL = 'dismissal',
  OTHER = 'other',
  UNKNOWN = 'unknown',
}

registerEnumType(LeaveReasonValue, { name: 'LeaveReason', description: 'Why someone left their role.' });

export enum EmploymentEventKind {
  STARTED = 'started',
  CHANGED = 'changed',
  LEFT = 'left',
}

registerEnumType(EmploymentEventKind, {
  name: 'EmploymentEventKind',
  description: 'What happened in someone\'s employment.',
  valuesConfig: {
    STARTED: { description: 'Started in the role (or came back to it).' },
    CHANGED: { description: 'Changed role, employer, host organisations or setting.' },
    LEFT: { description: 'Left, with a reason.' },
  },
});
