import path from 'node:path';
import { loadConfig, repoRoot } from '@harbour/config';
import { startGateway } from './gateway';
import { staticFiles } from './static-files';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.gatewaySecret) throw new Error('HARBOUR_GATEWAY_SECRET is not set: the subgraphs would refuse every request.');
  const root = repoRoot();
  const running = await startGateway({
    engine: config.gatewayEngine,
    supergraphPath: path.join(root, 'schema', 'supergraph.graphql'),
    subgraphUrls: config.subgraphUrls,
    gatewaySecret: config.gatewaySecret,
    host: config.gatewayHost,
    port: config.gatewayPort,
    fallback: staticFiles(path.join(root, 'apps', 'web', 'dist')),
  });
  console.log(`[gateway] ${config.gatewayEngine === 'apollo' ? 'Apollo Gateway' : 'Hive Gateway'} listening on ${running.url}`);
  process.send?.({ ready: running.url });
  const shutdown = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  process.once('disconnect', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
