export { startEmbeddedPostgres, openDatabaseServer } from './embedded';
export type { RunningServer } from './embedded';
export { assertUnprivileged, prepareDatabase, subgraphRole, userOf, OWNER_ROLE, APP_ROLE } from './bootstrap';
export type { DatabaseUrls } from './bootstrap';
export { createSubgraphDataSource, DEFAULT_POOL } from './data-source';
export type { SubgraphDatabase, PoolOptions } from './data-source';
export { migrateSubgraph } from './migrate';
export { credentialsFileFor, embeddedCredentials } from './credentials';
export type { EmbeddedCredentials } from './credentials';
