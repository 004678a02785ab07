import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { buildDirectorySchema } from './schema';

export { database } from './database';
export { seedDirectory } from './seed';

/** The directory subgraph: organisations and roles. */
export const directory: SubgraphDefinition = { name: 'directory', database, buildSchema: buildDirectorySchema };
