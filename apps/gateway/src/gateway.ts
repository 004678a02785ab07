import type { RunningHttpServer } from '@harbour/graphql-kit';
import { startApolloGateway } from './apollo-engine';
import type { GatewayEngine, GatewayOptions } from './gateway-options';
import { startHiveGateway } from './hive-engine';

/**
 * The only public endpoint: a Federation 2 gateway over the supergraph file composed by
 * `pnpm schema` (no runtime introspection of subgraphs), sending the shared secret.
 */
export function startGateway(options: GatewayOptions & { engine: GatewayEngine }): Promise<RunningHttpServer> {
  return options.engine === 'apollo' ? startApolloGateway(options) : startHiveGateway(options);
}
