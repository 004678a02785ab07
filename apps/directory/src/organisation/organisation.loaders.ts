import { byKey, type HarbourContext, type Page } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { childrenOf, organisationsByIds } from './organisation.service';

export function organisationLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Organisation | null>('organisation', async (ids) =>
    byKey(ids, await organisationsByIds(ctx.db, ids), (o) => o.id, null),
  );
}

export function childrenLoader(ctx: HarbourContext, page: { first: number; after?: string | null }) {
  return ctx.loaders.perPage<Page<Organisation>>('organisation.children', page, (ids) => childrenOf(ctx.db, ids, page));
}
