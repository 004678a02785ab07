import { isAllowed, type HarbourContext } from '@harbour/graphql-kit';
import type { Account } from './account.entity';
import { accountGrantsLoader, accountLoader } from './account.loaders';

/**
 * Resolves `Account` references from other subgraphs (who published a survey version, say),
 * batched per request. The caller sees an account that is their own, or one holding a grant on
 * an organisation they manage; anyone else's is null.
 */
export async function resolveAccountReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Account | null> {
  const caller = ctx.caller;
  if (caller.kind !== 'account') return null;
  const id = String(reference.id);
  if (id === caller.accountId || caller.platformAdmin) return accountLoader(ctx).load(id);
  for (const grant of await accountGrantsLoader(ctx).load(id)) {
    if (await isAllowed(ctx, 'manage', { organisationId: grant.organisationId, tenantId: grant.tenantId })) return accountLoader(ctx).load(id);
  }
  return null;
}
