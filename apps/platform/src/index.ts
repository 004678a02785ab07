export { startPlatform, startServices } from './platform';
export type { PlatformOptions, RunningPlatform, RunningServices } from './platform';
export { bringUpDatabase } from './database';
export { seedDemo, isEmpty } from './seed';
export { SUBGRAPH_MODULES } from './subgraphs';
export { startService, stopServices } from './processes';
export type { ServiceProcess } from './processes';
export type { SubgraphModule } from './subgraphs';
export { composeSupergraph } from './schema/compose';
