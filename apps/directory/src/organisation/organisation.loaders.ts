import { byKey, groupByKey, type HarbourContext } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { childrenOf, organisationsByIds } from './organisation.service';

export function organisationLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Organisation | null>('organisation', async (ids) =>
    byKey(ids, await organisationsByIds(ctx.db, ids), (o) => o.id, null),
  );
}

export function childrenLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Organisation[]>('organisation.children', async (ids) =>
    groupByKey(ids, await childrenOf(ctx.db, ids), (o) => o.parentId!),
  );
}
