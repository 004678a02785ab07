import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { authRoutes } from './auth/caller-route';
import { buildDirectorySchema } from './schema';

export { database } from './database';
export { seedDirectory } from './seed';

/** The directory subgraph: organisations, roles, accounts and grants; verifies credentials for the gateway. */
export const directory: SubgraphDefinition = {
  name: 'directory',
  database,
  buildSchema: buildDirectorySchema,
  internalRoutes: authRoutes,
};
export { CALLER_ROUTE } from './auth/caller-route';
export { verifyCredential } from './auth/verify-credential';
