export { loadConfig, repoRoot, SUBGRAPHS } from './config';
export type { HarbourConfig, SubgraphName } from './config';
