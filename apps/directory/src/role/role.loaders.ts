import { byKey, type HarbourContext } from '@harbour/graphql-kit';
import type { Role } from './role.entity';
import { rolesByIds } from './role.service';

export function roleLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Role | null>('role', async (ids) => byKey(ids, await rolesByIds(ctx.db, ids), (r) => r.id, null));
}
