export { startGateway } from './gateway';
export type { GatewayOptions } from './gateway';
export { staticFiles } from './static-files';
