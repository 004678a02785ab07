import type { HarbourContext } from '@harbour/graphql-kit';
import type { Role } from './role.entity';
import { roleLoader } from './role.loaders';

/** Resolves `Role` references from other subgraphs, batched per request. */
export function resolveRoleReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Role | null> {
  return roleLoader(ctx).load(String(reference.id));
}
