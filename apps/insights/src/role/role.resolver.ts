import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HarbourContext } from '@harbour/graphql-kit';
import { RoleSummary } from './role-summary';
import { roleSummaries } from './role-summary.service';
import { RoleRef } from './role.ref';

@Resolver(() => RoleRef)
export class RoleSummaryResolver {
  @FieldResolver(() => RoleSummary, { description: 'How many people in this role have answered, with anonymity applied.' })
  summary(@Root() role: RoleRef, @Ctx() ctx: HarbourContext): Promise<RoleSummary> {
    return ctx.loaders.get<string, RoleSummary>('role.summary', (ids) => roleSummaries(ctx.db, ids)).load(role.id);
  }
}
