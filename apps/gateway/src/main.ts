import path from 'node:path';
import { loadConfig, repoRoot } from '@harbour/config';
import { answerHealth, exitOnStop, log, nameLogService } from '@harbour/graphql-kit';
import { sessionRoutes } from './auth/session-routes';
import { responseCompression } from './edge/compression';
import { pagePolicy } from './edge/page-policy';
import { gatewayReadiness } from './edge/readiness';
import { explorerPage } from './explorer-page';
import { exportsProxy } from './exports-proxy';
import { respondentPage } from './respondent-page';
import { startGateway } from './gateway';
import { DEFAULT_LIMITS } from './limits/operation-limits';
import { staticFiles } from './static-files';

async function main(): Promise<void> {
  nameLogService('gateway');
  const stop = exitOnStop();
  const config = loadConfig();
  if (!config.gatewaySecret) throw new Error('HARBOUR_GATEWAY_SECRET is not set: the subgraphs would refuse every request.');
  const root = repoRoot();
  const webRoot = path.join(root, 'apps', 'web', 'dist');
  const web = staticFiles(webRoot);
  const https = config.publicUrl.startsWith('https://');
  const policy = pagePolicy({ https });
  const compress = responseCompression();
  const internal = { directoryUrl: config.subgraphUrls.directory, gatewaySecret: config.gatewaySecret };
  const explorer = explorerPage(web);
  const readiness = gatewayReadiness(config.subgraphUrls);
  const running = await startGateway({
    engine: config.gatewayEngine,
    supergraphPath: path.join(root, 'schema', 'supergraph.graphql'),
    subgraphUrls: config.subgraphUrls,
    gatewaySecret: config.gatewaySecret,
    host: config.gatewayHost,
    limits: DEFAULT_LIMITS,
    maxBodyBytes: config.maxBodyBytes,
    production: config.production,
    port: config.gatewayPort,
    fallback: sessionRoutes({ ...internal, secureCookies: https }, exportsProxy({ ...internal, insightsUrl: config.subgraphUrls.insights }, respondentPage({ webRoot, responsesUrl: config.subgraphUrls.responses, gatewaySecret: config.gatewaySecret }, web))),
    // Every response carries the page policy and is compressed where that pays; /healthz and
    // /readyz answer load balancers; a browser opening /graphql gets the explorer.
    intercept: (req, res) => {
      policy(req, res);
      compress(req, res);
      return answerHealth(req, res, readiness) || explorer(req, res);
    },
  });
  log.info({ url: running.url, engine: config.gatewayEngine }, 'listening');
  stop.cleanup(() => running.close());
  process.send?.({ ready: running.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
