import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { buildResponsesSchema } from './schema';

export { database } from './database';
export { seedResponses } from './seed';

/** The responses subgraph: responses to surveys. */
export const responses: SubgraphDefinition = { name: 'responses', database, buildSchema: buildResponsesSchema };
