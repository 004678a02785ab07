import { registerEnumType } from 'type-graphql';

/** Kinds of organisation; the values are what the database stores. */
export enum OrganisationKind {
  INTEGRATED_CARE_BOARD = 'integrated_care_board',
  TRUST = 'trust',
  LOCALITY = 'locality',
  PRIMARY_CARE_NETWORK = 'primary_care_network',
  PRACTICE = 'practice',
  SERVICE = 'service',
  TEAM = 'team',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What sort of organisation this is, from integrated care board down to team.',
});
