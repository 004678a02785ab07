import { registerEnumType } from 'type-graphql';

/** The values are what the database stores. */
export enum ResponseStatus {
  DRAFT = 'draft',
  COMPLETED = 'completed',
}

registerEnumType(ResponseStatus, {
  name: 'ResponseStatus',
  description: 'DRAFT is saved but not submitted; COMPLETED was submitted and counts in reports.',
});
