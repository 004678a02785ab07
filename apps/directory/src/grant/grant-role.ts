import { registerEnumType } from 'type-graphql';

/** GrantRole in @harbour/graphql-kit, as a GraphQL enum. */
export enum GrantRoleValue {
  TRUST_ADMIN = 'trust_admin',
  EVALUATOR = 'evaluator',
  RESEARCHER = 'researcher',
}

registerEnumType(GrantRoleValue, {
  name: 'GrantRole',
  description: 'What a grant lets its holder do on an organisation and everything below it.',
  valuesConfig: {
    TRUST_ADMIN: { description: 'Manages forms, campaigns, staff and grants, and reads reports.' },
    EVALUATOR: { description: 'Reads reports and the directory.' },
    RESEARCHER: { description: 'Reads reports and the directory, and may export raw pseudonymous responses (every export audited; never anonymous campaigns).' },
  },
});
