export { startGateway } from './gateway';
export type { GatewayEngine, GatewayOptions } from './gateway-options';
export { withRoutingUrls } from './hive-engine';
export { staticFiles } from './static-files';
export { responseCompression } from './edge/compression';
export { DEFAULT_LIMITS, limitViolation, measureOperation } from './limits/operation-limits';
export type { OperationLimits } from './limits/operation-limits';
