import { registerEnumType } from 'type-graphql';

/** Where a role comes from. */
export enum RoleFamily {
  ADDITIONAL_ROLES = 'additional_roles',
  MENTAL_HEALTH = 'mental_health',
  ACUTE_AND_COMMUNITY = 'acute_and_community',
  LOCAL = 'local',
}

registerEnumType(RoleFamily, {
  name: 'RoleFamily',
  description: 'Where a role comes from.',
  valuesConfig: {
    ADDITIONAL_ROLES: { description: 'Primary care roles of the Additional Roles Reimbursement Scheme (ARRS).' },
    MENTAL_HEALTH: { description: 'New roles in mental health services.' },
    ACUTE_AND_COMMUNITY: { description: 'New roles in hospital and community services.' },
    LOCAL: { description: 'A role a tenant defined for itself.' },
  },
});
