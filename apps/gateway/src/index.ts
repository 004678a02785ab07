export { startGateway } from './gateway';
export type { GatewayEngine, GatewayOptions } from './gateway-options';
export { withRoutingUrls } from './hive-engine';
export { staticFiles } from './static-files';
