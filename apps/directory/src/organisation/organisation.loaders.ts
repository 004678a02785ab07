import { byKey, type HarbourContext, type Page } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { childrenOf, organisationsByIds } from './organisation.service';

export function organisationLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Organisation | null>('organisation', async (ids) =>
    byKey(ids, await organisationsByIds(ctx.db, ids), (o) => o.id, null),
  );
}

/** One loader per distinct page request: every organisation asking for the same page shares a query. */
export function childrenLoader(ctx: HarbourContext, page: { first: number; after?: string | null }) {
  return ctx.loaders.get<string, Page<Organisation>>(`organisation.children:${page.first}:${page.after ?? ''}`, (ids) =>
    childrenOf(ctx.db, ids, page),
  );
}
