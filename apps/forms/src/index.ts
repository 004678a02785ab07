import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { buildFormsSchema } from './schema';

export { database } from './database';
export { seedForms } from './seed';

/** The forms subgraph: surveys owned by organisations. */
export const forms: SubgraphDefinition = { name: 'forms', database, buildSchema: buildFormsSchema };
