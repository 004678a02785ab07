import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestTarget } from '@harbour/graphql-kit';

/**
 * A browser opening /graphql (a GET that accepts HTML and carries no query) gets the
 * explorer page of the web build instead of a GraphQL error; every GraphQL request goes on.
 */
export function explorerPage(staticFiles: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const target = requestTarget(req);
    if (target?.pathname !== '/graphql' || target.searchParams.has('query') || !(req.headers.accept ?? '').includes('text/html')) return false;
    req.url = '/explorer.html';
    staticFiles(req, res);
    return true;
  };
}
