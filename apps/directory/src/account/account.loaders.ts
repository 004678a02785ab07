import { byKey, groupByKey, type HarbourContext } from '@harbour/graphql-kit';
import { grantsOfAccounts } from '../grant/grant.service';
import type { Grant } from '../grant/grant.entity';
import type { Account } from './account.entity';
import { accountsByIds } from './account.service';

export function accountLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Account | null>('account', async (ids) => byKey(ids, await accountsByIds(ctx.db, ids), (a) => a.id, null));
}

export function accountGrantsLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Grant[]>('account.grants', async (ids) => groupByKey(ids, await grantsOfAccounts(ctx.db, ids), (g) => g.accountId));
}
