import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SubgraphName } from '@harbour/config';
import type { OperationLimits } from './limits/operation-limits';

/** Which Federation 2 gateway runs; docs/gateway.md has the measurements behind the default. */
export type GatewayEngine = 'hive' | 'apollo';

export interface GatewayOptions {
  supergraphPath: string;
  subgraphUrls: Record<SubgraphName, string>;
  gatewaySecret: string;
  host: string;
  port: number;
  /** Largest request body read, in bytes. */
  maxBodyBytes: number;
  /** How large an operation may be. */
  limits: OperationLimits;
  /** Production: anonymous callers get no introspection or field suggestions. */
  production: boolean;
  /** Serves every path that is not /graphql (the web app). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Sees each request first; true when it answered it (the explorer page for a browser at /graphql). */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
}
