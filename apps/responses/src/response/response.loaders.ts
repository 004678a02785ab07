import { byKey, type HarbourContext } from '@harbour/graphql-kit';
import type { Response } from './response.entity';
import { responsesByIds } from './response.service';

export function responseLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Response | null>('response', async (ids) =>
    byKey(ids, await responsesByIds(ctx.db, ids), (r) => r.id, null),
  );
}
