import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { invitationClock } from './invitation/invitation-clock';
import { buildResponsesSchema } from './schema';

export { database } from './database';
export { seedResponses } from './seed';

/** The responses subgraph: invitations (made by its clock as campaigns fall due), drafts, and responses to surveys. */
export const responses: SubgraphDefinition = { name: 'responses', database, buildSchema: buildResponsesSchema, jobs: [invitationClock] };
