import { registerEnumType } from 'type-graphql';

/** Mirrors GrantRole in @harbour/graphql-kit, as a GraphQL enum. */
export enum GrantRoleValue {
  trust_admin = 'trust_admin',
  evaluator = 'evaluator',
}

registerEnumType(GrantRoleValue, {
  name: 'GrantRole',
  description: 'What a grant lets its holder do on an organisation and everything below it.',
  valuesConfig: {
    trust_admin: { description: 'Manages forms, campaigns, staff and grants, and reads reports.' },
    evaluator: { description: 'Reads reports and the directory.' },
  },
});
